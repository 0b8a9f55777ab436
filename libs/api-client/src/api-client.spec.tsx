// Front-end specs are *.spec.tsx: the root Jest config collects every *.spec.ts under libs/.
import type { CatalogPage } from '@shanhai/contract';
import { describe, expect, it, vi } from 'vitest';
import { binaryBody, createApiClient, expectBody, expectNoContent } from './api-client';
import { ApiError } from './api-error';

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function recordingFetch(answer: (request: Request) => Response | Promise<Response>) {
  const requests: Request[] = [];
  const fetch = vi.fn(async (request: Request) => {
    requests.push(request);
    return answer(request);
  });
  return { fetch, requests };
}

describe('createApiClient', () => {
  it('sends the bearer token of the moment, and none when signed out', async () => {
    let token: string | null = 'shs_first';
    const { fetch, requests } = recordingFetch(() => json(200, { id: 'u1' }));
    const client = createApiClient('http://api.test', () => token, { fetch });

    await client.GET('/api/auth/me');
    token = null;
    await client.GET('/api/auth/me');

    expect(requests[0].headers.get('Authorization')).toBe('Bearer shs_first');
    expect(requests[1].headers.has('Authorization')).toBe(false);
  });

  it('serialises typed query parameters, booleans included', async () => {
    const { fetch, requests } = recordingFetch(() => json(200, { items: [] }));
    const client = createApiClient('http://api.test', () => null, { fetch });

    await client.GET('/api/catalog/products', { params: { query: { q: '土豆', certified: true, priceMinFen: 3000, page: 2 } } });

    const url = new URL(requests[0].url);
    expect(url.pathname).toBe('/api/catalog/products');
    expect(url.searchParams.get('q')).toBe('土豆');
    expect(url.searchParams.get('certified')).toBe('true');
    expect(url.searchParams.get('priceMinFen')).toBe('3000');
    expect(url.searchParams.get('page')).toBe('2');
  });

  it('reports a 401 on a request that carried a token, so the app can drop the session', async () => {
    const onUnauthenticated = vi.fn();
    const { fetch } = recordingFetch(() => json(401, { statusCode: 401, error: 'Unauthorized', code: 'UNAUTHENTICATED', message: 'sign in again' }));
    const client = createApiClient('http://api.test', () => 'shs_stale', { fetch, onUnauthenticated });

    await expect(expectBody(client.GET('/api/auth/me'))).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
  });
});

describe('expectBody', () => {
  it('returns the body typed as the named view', async () => {
    const page = { items: [], total: 0, page: 1, pageSize: 20 } as unknown as CatalogPage;
    const { fetch } = recordingFetch(() => json(200, page));
    const client = createApiClient('http://api.test', () => null, { fetch });

    const body = await expectBody<CatalogPage>(client.GET('/api/catalog/products'));

    expect(body.total).toBe(0);
  });

  it('turns the API error shape into an ApiError with per-field problems', async () => {
    const { fetch } = recordingFetch(() =>
      json(400, {
        statusCode: 400,
        error: 'Bad Request',
        code: 'VALIDATION_FAILED',
        message: 'email: email must be an email address',
        details: [
          { field: 'email', reason: 'email must be an email address' },
          { field: 'email', reason: 'a second reason is not shown' },
          { field: 'password', reason: 'password must be longer than or equal to 1 characters' },
        ],
      }),
    );
    const client = createApiClient('http://api.test', () => null, { fetch });

    const error = await expectBody(client.POST('/api/auth/sign-in', { body: { email: 'a@b', password: '' } })).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).fieldErrors()).toEqual({
      email: 'email must be an email address',
      password: 'password must be longer than or equal to 1 characters',
    });
    expect((error as ApiError).isClientError).toBe(true);
  });

  it('keeps a non-JSON error (a proxy page) readable', async () => {
    const { fetch } = recordingFetch(() => new Response('Bad Gateway', { status: 502, statusText: 'Bad Gateway' }));
    const client = createApiClient('http://api.test', () => null, { fetch });

    await expect(expectBody(client.GET('/api/categories'))).rejects.toMatchObject({ status: 502, code: 'HTTP_502', message: 'Bad Gateway' });
  });

  it('reports an unreachable API as a network error with status 0', async () => {
    const client = createApiClient('http://api.test', () => null, {
      fetch: () => Promise.reject(new TypeError('fetch failed')),
    });

    await expect(expectBody(client.GET('/api/categories'))).rejects.toMatchObject({ status: 0, code: 'NETWORK' });
  });

  it('accepts an empty 204 answer', async () => {
    const { fetch } = recordingFetch(() => new Response(null, { status: 204 }));
    const client = createApiClient('http://api.test', () => 'shs_x', { fetch });

    await expect(expectNoContent(client.POST('/api/auth/sign-out'))).resolves.toBeUndefined();
  });
});

describe('binaryBody', () => {
  it('sends a photo as its raw bytes with its own image type, not as JSON', async () => {
    const { fetch, requests } = recordingFetch(() => json(201, { url: '/api/order-lines/l1/receipt-photo' }));
    const client = createApiClient('http://api.test', () => 'shs_t', { fetch });
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);

    await client.POST('/api/order-lines/{id}/receipt-photo', { params: { path: { id: 'l1' } }, ...binaryBody(new Blob([bytes], { type: 'image/png' })) });

    expect(requests[0].headers.get('Content-Type')).toBe('image/png');
    expect(new Uint8Array(await requests[0].arrayBuffer())).toEqual(bytes);
  });

  it('sends a file of a type the API does not name as octet-stream, for the API to judge', () => {
    expect(binaryBody(new Blob(['x'], { type: 'image/heic' })).headers['Content-Type']).toBe('application/octet-stream');
  });
});
