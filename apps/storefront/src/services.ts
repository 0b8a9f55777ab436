import { createApiClient, createSessionStore, type ApiClient, type SessionStore } from '@shanhai/api-client';
import type { Language } from '@shanhai/ui';
import type { QueryClient } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { createQueryClient } from './api/query-client';
import { createStorefrontI18n } from './i18n/storefront-i18n';

export interface StorefrontServices {
  readonly api: ApiClient;
  readonly sessionStore: SessionStore;
  readonly queryClient: QueryClient;
  readonly i18n: I18n;
}

export interface StorefrontServiceOptions {
  /** The origin serving `/api`; the page's own one by default (dev/preview proxy, or the real host). */
  readonly apiOrigin?: string;
  readonly fetch?: (input: Request) => Promise<Response>;
  readonly storage?: Storage | null;
  readonly language?: Language;
}

/**
 * Everything the app needs from outside React, built once. The session lives in localStorage so that
 * product pages opened in new tabs (buyers compare offers side by side) stay signed in; it is dropped
 * when it expires, when the API answers 401, and on sign-out, which also revokes it on the server.
 */
export function createStorefrontServices(options: StorefrontServiceOptions = {}): StorefrontServices {
  const storage = options.storage === undefined ? browserStorage() : options.storage;
  const sessionStore = createSessionStore(storage, { events: typeof window === 'undefined' ? undefined : window });
  const api = createApiClient(options.apiOrigin ?? window.location.origin, () => sessionStore.read()?.token ?? null, {
    fetch: options.fetch,
    onUnauthenticated: () => sessionStore.clear(),
  });
  return { api, sessionStore, queryClient: createQueryClient(), i18n: createStorefrontI18n({ storage, language: options.language }) };
}

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
