/** A stand-in for the API in component tests: answers by "METHOD /path", records every request. */
export type Handler = (request: Request, url: URL) => Response | Promise<Response>;

export interface FakeApi {
  readonly fetch: (request: Request) => Promise<Response>;
  readonly requests: Request[];
  /** Replaces or adds a handler ("GET /api/catalog/products"; a trailing `*` matches a prefix). */
  on(route: string, handler: Handler): void;
  /** The query strings sent to a path, in order. */
  queriesTo(path: string): URLSearchParams[];
}

export const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

export const apiError = (status: number, code: string, message: string, details?: Array<{ field: string; reason: string }>): Response =>
  json({ statusCode: status, error: 'Error', code, message, ...(details ? { details } : {}) }, status);

export function fakeApi(routes: Record<string, Handler> = {}): FakeApi {
  const handlers = new Map(Object.entries(routes));
  const requests: Request[] = [];
  return {
    requests,
    on(route, handler) {
      handlers.set(route, handler);
    },
    queriesTo(path) {
      return requests.map((r) => new URL(r.url)).filter((u) => u.pathname === path).map((u) => u.searchParams);
    },
    async fetch(request) {
      // A copy, so that a test can read the body a handler has already read.
      requests.push(request.clone());
      const url = new URL(request.url);
      const key = `${request.method} ${url.pathname}`;
      const handler =
        handlers.get(key) ??
        [...handlers.entries()].find(([route]) => route.endsWith('*') && key.startsWith(route.slice(0, -1)))?.[1];
      if (!handler) return apiError(404, 'NOT_FOUND', `no fake for ${key}`);
      return handler(request, url);
    },
  };
}
