import Stripe from 'stripe';
import { startStripeEmulator, StripeEmulatorHandle } from '../../src';
import { WebhookReceiver } from './webhook-receiver';

export const WEBHOOK_SECRET = 'whsec_test_emulator_secret';

export interface Harness {
  emulator: StripeEmulatorHandle;
  stripe: Stripe;
  receiver: WebhookReceiver;
  /** Calls a `/__emulator/*` control endpoint over HTTP, as an API integration test would. */
  control<T = unknown>(method: string, path: string, body?: object): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

/**
 * One emulator on an ephemeral port, the official SDK pointed at it exactly as the platform
 * configures it (only host/port/protocol differ from production), and a webhook receiver.
 */
export async function startHarness(): Promise<Harness> {
  const receiver = new WebhookReceiver();
  const webhookUrl = await receiver.start();
  const emulator = await startStripeEmulator({
    port: 0,
    webhookUrl,
    webhookSecret: WEBHOOK_SECRET,
    webhookRetry: { initial_delay_ms: 50, max_delay_ms: 400, max_attempts: 8 },
  });
  const stripe = new Stripe('sk_test_emulator', { host: emulator.host, port: emulator.port, protocol: 'http' });
  return {
    emulator,
    stripe,
    receiver,
    async control<T>(method: string, path: string, body?: object) {
      const response = await fetch(`${emulator.url}${path}`, {
        method,
        headers: body ? { 'Content-Type': 'application/json' } : undefined,
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: response.status, body: (await response.json()) as T };
    },
    async close() {
      await emulator.close();
      await receiver.close();
    },
  };
}

/** Verifies every received webhook with the SDK and returns the events in arrival order. */
export function verifiedEvents(harness: Harness): Stripe.Event[] {
  return harness.receiver.received.map((w) => harness.stripe.webhooks.constructEvent(w.rawBody, w.signature, WEBHOOK_SECRET));
}

export function checkoutParams(overrides: Partial<Stripe.Checkout.SessionCreateParams> = {}): Stripe.Checkout.SessionCreateParams {
  return {
    mode: 'payment',
    currency: 'cny',
    client_reference_id: 'order_42',
    allowed_payment_method_types: ['card', 'wechat_pay', 'alipay'],
    payment_method_options: { wechat_pay: { client: 'web' } },
    line_items: [
      { price_data: { currency: 'cny', unit_amount: 1250, product_data: { name: '赣南脐橙 Navel oranges 5kg' } }, quantity: 3 },
      { price_data: { currency: 'cny', unit_amount: 899, product_data: { name: '宁夏枸杞 Goji 500g' } }, quantity: 2 },
    ],
    metadata: { order_id: 'order_42' },
    payment_intent_data: { metadata: { order_id: 'order_42' } },
    success_url: 'http://127.0.0.1:3000/orders/order_42/paid?session={CHECKOUT_SESSION_ID}',
    cancel_url: 'http://127.0.0.1:3000/orders/order_42',
    ...overrides,
  };
}
