import type { Language } from '@shanhai/ui';
import { render, type RenderResult } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProviders } from '../app';
import { routes } from '../routes';
import { createPortalServices, PORTAL_SESSION_KEY, type PortalServices } from '../services';
import type { FakeApi } from './fake-api';

export interface RenderedPortal extends RenderResult {
  readonly router: ReturnType<typeof createMemoryRouter>;
  readonly services: PortalServices;
  /** The current path and query, as the address bar would show them. */
  readonly location: () => string;
}

/** The whole portal (routes, providers, lazy pages) at `path`, talking to a fake API. */
export function renderPortal(path: string, api: FakeApi, options: { language?: Language } = {}): RenderedPortal {
  const services = createPortalServices({ apiOrigin: 'http://api.test', fetch: api.fetch, storage: localStorage, language: options.language ?? 'zh-CN' });
  // Tests should fail on the first error, not after retries with back-off.
  services.queryClient.setDefaultOptions({ queries: { ...services.queryClient.getDefaultOptions().queries, retry: false } });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const result = render(
    <AppProviders services={services}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...result, router, services, location: () => `${router.state.location.pathname}${router.state.location.search}` };
}

/** Puts a session where the portal looks for one, as if the user had signed in earlier. */
export function rememberSession(token = 'shs_test_token', expiresAt = '2099-12-31T00:00:00.000Z'): void {
  localStorage.setItem(PORTAL_SESSION_KEY, JSON.stringify({ token, expiresAt }));
}
