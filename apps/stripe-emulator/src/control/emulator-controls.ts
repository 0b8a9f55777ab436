import {
  CheckoutAttempt,
  declineCheckoutSession,
  expireCheckoutSession,
  payCheckoutSession,
} from '../checkout/checkout-payment.service';
import { EmulatorContext } from '../emulator.context';
import { StripeEvent } from '../events/event-log';
import { ApiError } from '../http/api-error';
import { IdempotencyStore } from '../http/idempotency.store';
import { CheckoutSessionObject } from '../models/checkout.model';
import { typeMatcher } from '../resources/event.resource';
import { DeliveryFaultsState, DeliveryFaultsUpdate } from '../webhooks/delivery-faults';
import { DeliveryRecord, RetryPolicy } from '../webhooks/webhook-delivery';

export interface WebhookConfigUpdate {
  url?: string | null;
  secret?: string;
  retry?: Partial<RetryPolicy>;
  timeout_ms?: number;
}

export interface WebhookConfigView {
  url: string | null;
  secret: string;
  retry: RetryPolicy;
  timeout_ms: number;
}

/**
 * Test-only operations, used both by the `/__emulator/*` HTTP endpoints and by the
 * in-process handle returned from `startStripeEmulator`.
 */
export class EmulatorControls {
  constructor(
    private readonly ctx: EmulatorContext,
    private readonly idempotency: IdempotencyStore,
  ) {}

  /** Forgets every object, event, idempotency key, delivery and fault; keeps the webhook config. */
  reset(): void {
    this.ctx.webhooks.reset();
    this.ctx.store.reset();
    this.ctx.events.reset();
    this.idempotency.clear();
  }

  webhookConfig(): WebhookConfigView {
    const s = this.ctx.webhooks.settings;
    return { url: s.url, secret: s.secret, retry: { ...s.retry }, timeout_ms: s.timeout_ms };
  }

  configureWebhooks(update: WebhookConfigUpdate): WebhookConfigView {
    const settings = this.ctx.webhooks.settings;
    if (update.url !== undefined) settings.url = validateUrl(update.url);
    if (update.secret !== undefined) {
      if (update.secret === '') throw ApiError.invalidParam('secret', 'The webhook secret cannot be empty.');
      settings.secret = update.secret;
    }
    if (update.retry) {
      settings.retry = {
        initial_delay_ms: positive(update.retry.initial_delay_ms, 'retry.initial_delay_ms') ?? settings.retry.initial_delay_ms,
        max_delay_ms: positive(update.retry.max_delay_ms, 'retry.max_delay_ms') ?? settings.retry.max_delay_ms,
        max_attempts: positive(update.retry.max_attempts, 'retry.max_attempts') ?? settings.retry.max_attempts,
      };
    }
    settings.timeout_ms = positive(update.timeout_ms, 'timeout_ms') ?? settings.timeout_ms;
    return this.webhookConfig();
  }

  deliveries(filter: { event_id?: string; status?: string } = {}): DeliveryRecord[] {
    return this.ctx.webhooks.list(filter);
  }

  faults(): DeliveryFaultsState {
    return this.ctx.webhooks.faults.snapshot();
  }

  injectFaults(update: DeliveryFaultsUpdate): DeliveryFaultsState {
    for (const key of ['duplicate_next', 'fail_next_attempts', 'delay_ms', 'release_after'] as const) {
      if (update[key] !== undefined) positive(update[key], key);
    }
    return this.ctx.webhooks.faults.update(update);
  }

  clearFaults(): DeliveryFaultsState {
    this.ctx.webhooks.faults.clear();
    return this.faults();
  }

  /** Releases held deliveries in reverse order of arrival; returns how many. */
  releaseHeldDeliveries(): number {
    return this.ctx.webhooks.releaseHeld();
  }

  /** Waits until no delivery is pending or in flight; false if `timeoutMs` passed first. */
  settleDeliveries(timeoutMs = 10_000): Promise<boolean> {
    return this.ctx.webhooks.settle(timeoutMs);
  }

  payCheckoutSession(id: string, paymentMethodType?: string): CheckoutAttempt {
    return payCheckoutSession(this.ctx, id, paymentMethodType);
  }

  declineCheckoutSession(id: string, paymentMethodType?: string): CheckoutAttempt {
    return declineCheckoutSession(this.ctx, id, paymentMethodType);
  }

  expireCheckoutSession(id: string): CheckoutSessionObject {
    const record = this.ctx.store.checkoutSessions.require(id);
    expireCheckoutSession(this.ctx, record);
    return record.session;
  }

  /** Newest first. */
  recentEvents(options: { limit?: number; type?: string } = {}): StripeEvent[] {
    const matches = typeMatcher(options.type, undefined);
    return this.ctx.events.table.list((event) => matches(event.type)).slice(0, options.limit ?? 100);
  }

  /** Queues a fresh delivery of an existing event, as the Dashboard's "Resend" does. */
  resendEvent(id: string): StripeEvent {
    const event = this.ctx.events.table.require(id);
    if (!this.ctx.webhooks.settings.url) throw ApiError.invalidRequest('No webhook URL is configured.', { param: 'url' });
    this.ctx.webhooks.enqueue(event);
    return event;
  }
}

function validateUrl(url: string | null): string | null {
  if (url === null || url === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw ApiError.invalidParam('url', `Not a valid URL: ${url}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw ApiError.invalidParam('url', `Not a valid URL: ${url}`);
  return url;
}

function positive(value: number | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 0) throw ApiError.invalidParam(name, `${name} must be a non-negative integer.`);
  return value;
}
