import { IncomingMessage, ServerResponse } from 'node:http';
import { expireDueSessions } from '../checkout/checkout-payment.service';
import { EmulatorContext } from '../emulator.context';
import { expandPaths } from '../params/param-readers';
import { expandResponse } from '../store/expand';
import { newId } from '../store/ids';
import { ApiError } from './api-error';
import { ApiRouter } from './api-request';
import { authenticate } from './api-auth';
import { canonicalForm, FormBodyError, FormObject, parseFormBody } from './form-body';
import { sendText } from './http-io';
import { IdempotencyStore } from './idempotency.store';

interface ApiResponse {
  status: number;
  body: string;
  replayed: boolean;
}

/**
 * The `/v1/*` pipeline in Stripe's order: authenticate, parse, idempotency check, execute,
 * render. Everything after the body is read is synchronous, so requests never interleave
 * and no two requests can race on the same idempotency key.
 */
export function createApiHandler(ctx: EmulatorContext, router: ApiRouter, idempotency: IdempotencyStore, defaultApiVersion: string) {
  return (req: IncomingMessage, res: ServerResponse, url: URL, rawBody: string): void => {
    const method = req.method ?? 'GET';
    const requestId = newId('req', 14);
    const apiVersion = header(req, 'stripe-version') ?? defaultApiVersion;
    const idempotencyKey = method === 'POST' ? header(req, 'idempotency-key') : undefined;
    const headers: Record<string, string> = { 'Request-Id': requestId, 'Stripe-Version': apiVersion };
    if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
    const response = handle();
    if (response.replayed) headers['Idempotent-Replayed'] = 'true';
    sendText(res, response.status, response.body, 'application/json', headers);

    function handle(): ApiResponse {
      let apiKey: string;
      let params: FormObject;
      try {
        apiKey = authenticate(header(req, 'authorization'));
        params = parseParams(method, url, rawBody);
        if (idempotencyKey && idempotencyKey.length > 255) {
          throw ApiError.invalidRequest('Idempotency keys can be at most 255 characters long.', { param: 'Idempotency-Key' });
        }
      } catch (error) {
        return errorResponse(error);
      }
      const fingerprint = canonicalForm(params);
      if (idempotencyKey) {
        const found = idempotency.lookup(apiKey, idempotencyKey, method, url.pathname, fingerprint);
        if (found.kind === 'replay') return { status: found.stored.status, body: found.stored.body, replayed: true };
        if (found.kind === 'conflict') return errorResponse(ApiError.idempotencyMismatch(idempotencyKey));
      }
      const { response, storable } = execute(params);
      if (idempotencyKey && storable) {
        idempotency.save(apiKey, idempotencyKey, { method, path: url.pathname, fingerprint, status: response.status, body: response.body });
      }
      return response;
    }

    function execute(params: FormObject): { response: ApiResponse; storable: boolean } {
      const match = router.match(method, url.pathname);
      if (!match) return { response: errorResponse(ApiError.unrecognizedUrl(method, url.pathname)), storable: false };
      try {
        const body = ctx.events.withinRequest({ id: requestId, idempotencyKey: idempotencyKey ?? null, apiVersion }, () => {
          expireDueSessions(ctx);
          const result = match.handler({ method, path: url.pathname, params, pathParams: match.params, apiVersion });
          return expandResponse(result, expandPaths(params), ctx);
        });
        return { response: { status: 200, body: JSON.stringify(body, null, 2), replayed: false }, storable: true };
      } catch (error) {
        return { response: errorResponse(error), storable: error instanceof ApiError && error.storedForIdempotency };
      }
    }
  };
}

function parseParams(method: string, url: URL, rawBody: string): FormObject {
  try {
    if (method === 'POST') return parseFormBody(rawBody);
    return parseFormBody(url.search.startsWith('?') ? url.search.slice(1) : url.search);
  } catch (error) {
    if (error instanceof FormBodyError) throw ApiError.invalidRequest(error.message);
    throw error;
  }
}

function errorResponse(error: unknown): ApiResponse {
  const apiError = error instanceof ApiError ? error : ApiError.internal(`Unexpected emulator error: ${describe(error)}`);
  if (!(error instanceof ApiError)) console.error('[stripe-emulator] unexpected error', error);
  return { status: apiError.status, body: JSON.stringify({ error: apiError.body }, null, 2), replayed: false };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
