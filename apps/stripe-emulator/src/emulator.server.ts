import http, { IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { expireDueSessions } from './checkout/checkout-payment.service';
import { parseControlBody } from './control/control-body';
import { createControlRouter } from './control/control.routes';
import { EmulatorControls } from './control/emulator-controls';
import {
  DEFAULT_API_VERSION,
  DEFAULT_HOST,
  DEFAULT_PORT,
  DEFAULT_WEBHOOK_SECRET,
  resolveRetry,
  StripeEmulatorOptions,
} from './emulator.config';
import { EmulatorContext } from './emulator.context';
import { EventLog } from './events/event-log';
import { createHostedPageRouter } from './hosted/hosted-page.routes';
import { ApiError } from './http/api-error';
import { createApiHandler } from './http/api.handler';
import { BodyTooLargeError, readRawBody, sendJson, sendText } from './http/http-io';
import { IdempotencyStore } from './http/idempotency.store';
import { createApiRouter } from './resources/api-routes';
import { EmulatorStore } from './store/emulator.store';
import { DeliveryFaults } from './webhooks/delivery-faults';
import { WebhookDispatcher } from './webhooks/webhook-delivery';

export interface StripeEmulatorHandle {
  /** e.g. `http://127.0.0.1:54321`; pass `host`/`port` from it to `new Stripe(key, { host, port, protocol: 'http' })`. */
  url: string;
  host: string;
  port: number;
  controls: EmulatorControls;
  setWebhookUrl(url: string | null): void;
  reset(): void;
  close(): Promise<void>;
}

/** How often open checkout sessions are checked against `expires_at`. */
const EXPIRY_SWEEP_MS = 1000;

export async function startStripeEmulator(options: StripeEmulatorOptions = {}): Promise<StripeEmulatorHandle> {
  const log = options.log ?? (() => undefined);
  const host = options.host ?? DEFAULT_HOST;
  const apiVersion = options.apiVersion ?? DEFAULT_API_VERSION;
  const webhooks = new WebhookDispatcher(
    {
      url: options.webhookUrl ?? null,
      secret: options.webhookSecret ?? DEFAULT_WEBHOOK_SECRET,
      retry: resolveRetry(options.webhookRetry),
      timeout_ms: options.webhookTimeoutMs ?? 10_000,
    },
    new DeliveryFaults(),
    log,
  );
  const events = new EventLog(apiVersion, () => webhooks.pendingWebhooks());
  events.onEvent((event) => webhooks.enqueue(event));
  const ctx: EmulatorContext = {
    store: new EmulatorStore(),
    events,
    webhooks,
    runtime: { publicUrl: options.publicUrl ?? '' },
    defaultCurrency: (options.defaultCurrency ?? 'cny').toLowerCase(),
  };
  const idempotency = new IdempotencyStore();
  const controls = new EmulatorControls(ctx, idempotency);
  const apiHandler = createApiHandler(ctx, createApiRouter(ctx), idempotency, apiVersion);
  const pages = createHostedPageRouter(ctx);
  let baseUrl = '';
  const control = createControlRouter(controls, () => ({ url: baseUrl, webhook_url: webhooks.settings.url }));

  const dispatch = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    const rawBody = await readRawBody(req);
    if (url.pathname.startsWith('/v1/')) return apiHandler(req, res, url, rawBody);
    if (url.pathname.startsWith('/__emulator/')) {
      const route = control.match(method, url.pathname);
      if (!route) return sendJson(res, 404, { error: ApiError.unrecognizedUrl(method, url.pathname).body });
      try {
        const body = parseControlBody(rawBody, req.headers['content-type']);
        return sendJson(res, 200, await route.handler({ body, query: url.searchParams, pathParams: route.params }));
      } catch (error) {
        if (error instanceof ApiError) return sendJson(res, error.status, { error: error.body });
        throw error;
      }
    }
    const page = pages.match(method, url.pathname);
    if (page) return page.handler({ res, pathParams: page.params, rawBody });
    sendJson(res, 404, { error: ApiError.unrecognizedUrl(method, url.pathname).body });
  };

  const server = http.createServer((req, res) => {
    dispatch(req, res).catch((error: unknown) => {
      if (res.headersSent) return res.destroy();
      if (error instanceof BodyTooLargeError) return sendText(res, 413, error.message, 'text/plain');
      log(`unexpected error for ${req.method} ${req.url}: ${error instanceof Error ? error.stack : String(error)}`);
      sendJson(res, 500, { error: ApiError.internal('Unexpected emulator error').body });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  ctx.runtime.publicUrl = (options.publicUrl ?? baseUrl).replace(/\/+$/, '');
  const sweeper = setInterval(() => expireDueSessions(ctx), EXPIRY_SWEEP_MS);
  sweeper.unref();

  return {
    url: baseUrl,
    host,
    port,
    controls,
    setWebhookUrl: (url) => void controls.configureWebhooks({ url }),
    reset: () => controls.reset(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        clearInterval(sweeper);
        webhooks.close();
        server.close((error) => (error ? reject(error) : resolve()));
        // The SDK keeps connections alive; without this close() would wait for them to idle out.
        server.closeAllConnections();
      }),
  };
}
