import createClient, { type Client } from 'openapi-fetch';
import type { ApiPaths } from '@shanhai/contract';
import { ApiError } from './api-error';

/** The typed client: every path, method, path parameter, query and request body checked against the OpenAPI document. */
export type ApiClient = Client<ApiPaths>;

export interface ApiClientOptions {
  /** Replaces `globalThis.fetch` (tests). */
  readonly fetch?: (input: Request) => Promise<Response>;
  /** Called when a request that carried a token is answered 401: the session ended elsewhere. */
  readonly onUnauthenticated?: () => void;
}

/**
 * `baseUrl` is the origin that serves `/api` (the OpenAPI paths already start with `/api`), usually the
 * page's own origin behind the dev/preview proxy. `getToken` is read on every request, so signing in or
 * out never needs a new client.
 */
export function createApiClient(baseUrl: string, getToken: () => string | null, options: ApiClientOptions = {}): ApiClient {
  const client = createClient<ApiPaths>({ baseUrl, ...(options.fetch ? { fetch: options.fetch } : {}) });
  client.use({
    onRequest({ request }) {
      const token = getToken();
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      return request;
    },
    onResponse({ request, response }) {
      if (response.status === 401 && request.headers.has('Authorization')) options.onUnauthenticated?.();
      return undefined;
    },
  });
  return client;
}

interface FetchResult {
  readonly data?: unknown;
  readonly error?: unknown;
  readonly response: Response;
}

/**
 * Awaits an openapi-fetch call and returns its body as `T`, or throws an `ApiError`.
 *
 * The OpenAPI document declares request shapes but no response schemas yet, so the generated types
 * leave response bodies untyped; each query wrapper names the `@shanhai/contract` view it expects here,
 * once, instead of casting at every use.
 */
export async function expectBody<T>(call: Promise<FetchResult>): Promise<T> {
  let result: FetchResult;
  try {
    result = await call;
  } catch (cause) {
    // A cancelled query is not an error to show; let the caller's AbortSignal handling see it as is.
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw ApiError.network(cause);
  }
  if (!result.response.ok) throw ApiError.fromResponse(result.response, result.error);
  return result.data as T;
}

/** For calls answered 204: resolves when the call succeeded, throws an `ApiError` otherwise. */
export async function expectNoContent(call: Promise<FetchResult>): Promise<void> {
  await expectBody<unknown>(call);
}

const RAW_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

/**
 * Options that send a file's bytes as they are (`POST /api/order-lines/{id}/receipt-photo`). openapi-typescript
 * types a `format: binary` body as `string`; what goes over the wire is the Blob itself, never JSON. A type the
 * API does not name goes as `application/octet-stream`, so the API looks at the bytes and says what is wrong.
 */
export function binaryBody(blob: Blob): { body: string; bodySerializer: (body: unknown) => unknown; headers: { 'Content-Type': string } } {
  return {
    // The one place the Blob passes for the generated `string`: the serializer hands it to fetch untouched.
    body: blob as unknown as string,
    bodySerializer: (body) => body,
    headers: { 'Content-Type': RAW_TYPES.includes(blob.type) ? blob.type : 'application/octet-stream' },
  };
}
