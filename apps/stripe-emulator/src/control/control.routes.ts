import { Router } from '../http/router';
import { boolField, ControlBody, intField, objectField, stringField } from './control-body';
import { EmulatorControls } from './emulator-controls';

export interface ControlRequest {
  body: ControlBody;
  query: URLSearchParams;
  pathParams: Record<string, string>;
}

export type ControlHandler = (req: ControlRequest) => object | Promise<object>;

/** `/__emulator/*`: JSON, no API key. Documented in docs/stripe-emulator.md. */
export function createControlRouter(controls: EmulatorControls, info: () => object): Router<ControlHandler> {
  const router = new Router<ControlHandler>();

  router.get('/__emulator/health', () => ({ ok: true, ...info() }));

  router.post('/__emulator/reset', () => {
    controls.reset();
    return { ok: true };
  });

  router.get('/__emulator/webhooks/config', () => controls.webhookConfig());

  router.post('/__emulator/webhooks/config', ({ body }) => {
    const retry = objectField(body, 'retry');
    return controls.configureWebhooks({
      url: stringField(body, 'url'),
      secret: stringField(body, 'secret') ?? undefined,
      timeout_ms: intField(body, 'timeout_ms'),
      retry: retry && {
        initial_delay_ms: intField(retry, 'initial_delay_ms'),
        max_delay_ms: intField(retry, 'max_delay_ms'),
        max_attempts: intField(retry, 'max_attempts'),
      },
    });
  });

  router.get('/__emulator/webhooks/deliveries', ({ query }) => ({
    data: controls.deliveries({ event_id: query.get('event_id') ?? undefined, status: query.get('status') ?? undefined }),
  }));

  router.post('/__emulator/webhooks/settle', async ({ body }) => {
    const settled = await controls.settleDeliveries(intField(body, 'timeout_ms') ?? 10_000);
    return { settled, data: controls.deliveries() };
  });

  router.get('/__emulator/webhooks/faults', () => controls.faults());

  router.post('/__emulator/webhooks/faults', ({ body }) =>
    controls.injectFaults({
      duplicate_next: intField(body, 'duplicate_next'),
      fail_next_attempts: intField(body, 'fail_next_attempts'),
      delay_ms: intField(body, 'delay_ms'),
      hold: boolField(body, 'hold'),
      release_after: intField(body, 'release_after'),
    }),
  );

  router.delete('/__emulator/webhooks/faults', () => controls.clearFaults());

  router.post('/__emulator/webhooks/release', () => ({ released: controls.releaseHeldDeliveries() }));

  router.post('/__emulator/checkout/sessions/:id/pay', ({ pathParams, body }) =>
    controls.payCheckoutSession(pathParams.id, stringField(body, 'payment_method_type') ?? undefined),
  );

  router.post('/__emulator/checkout/sessions/:id/decline', ({ pathParams, body }) =>
    controls.declineCheckoutSession(pathParams.id, stringField(body, 'payment_method_type') ?? undefined),
  );

  router.post('/__emulator/checkout/sessions/:id/expire', ({ pathParams }) => controls.expireCheckoutSession(pathParams.id));

  router.get('/__emulator/events', ({ query }) => ({
    data: controls.recentEvents({
      limit: intField({ limit: query.get('limit') ?? undefined }, 'limit'),
      type: query.get('type') ?? undefined,
    }),
  }));

  router.post('/__emulator/events/:id/resend', ({ pathParams }) => controls.resendEvent(pathParams.id));

  return router;
}
