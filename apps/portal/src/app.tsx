import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider, type createBrowserRouter } from 'react-router';
import { ApiProvider } from './api/api-context';
import { SessionProvider } from './identity/session-provider';
import { WorkspaceProvider } from './identity/workspace-provider';
import type { PortalServices } from './services';

export function AppProviders({ services, children }: { services: PortalServices; children: ReactNode }) {
  return (
    <I18nextProvider i18n={services.i18n}>
      <QueryClientProvider client={services.queryClient}>
        <ApiProvider client={services.api}>
          <SessionProvider store={services.sessionStore}>
            <WorkspaceProvider storage={services.storage}>{children}</WorkspaceProvider>
          </SessionProvider>
        </ApiProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}

export function App({ services, router }: { services: PortalServices; router: ReturnType<typeof createBrowserRouter> }) {
  return (
    <AppProviders services={services}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
