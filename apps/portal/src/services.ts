import { createApiClient, createSessionStore, type ApiClient, type SessionStore } from '@shanhai/api-client';
import type { Language } from '@shanhai/ui';
import type { QueryClient } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { createQueryClient } from './api/query-client';
import { createPortalI18n } from './i18n/portal-i18n';

/** Where the portal keeps its session; not the storefront's key, so both can share one host name. */
export const PORTAL_SESSION_KEY = 'shanhai.portal.session';

export interface PortalServices {
  readonly api: ApiClient;
  readonly sessionStore: SessionStore;
  readonly queryClient: QueryClient;
  readonly i18n: I18n;
  readonly storage: Storage | null;
}

export interface PortalServiceOptions {
  /** The origin serving `/api`; the page's own one by default (dev/preview proxy, or the real host). */
  readonly apiOrigin?: string;
  readonly fetch?: (input: Request) => Promise<Response>;
  readonly storage?: Storage | null;
  readonly language?: Language;
}

/**
 * Everything the app needs from outside React, built once. The session lives in localStorage, as in the
 * storefront (docs/storefront.md#session): cooperatives open an order and the pick list side by side in two
 * tabs. It is dropped when it expires, when the API answers 401, and on sign-out, which revokes it on the server.
 */
export function createPortalServices(options: PortalServiceOptions = {}): PortalServices {
  const storage = options.storage === undefined ? browserStorage() : options.storage;
  const sessionStore = createSessionStore(storage, { key: PORTAL_SESSION_KEY, events: typeof window === 'undefined' ? undefined : window });
  const api = createApiClient(options.apiOrigin ?? window.location.origin, () => sessionStore.read()?.token ?? null, {
    fetch: options.fetch,
    onUnauthenticated: () => sessionStore.clear(),
  });
  return { api, sessionStore, storage, queryClient: createQueryClient(), i18n: createPortalI18n({ storage, language: options.language }) };
}

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
