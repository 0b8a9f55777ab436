import Stripe from 'stripe';
import { DataSource } from 'typeorm';
import { CheckoutSettlement, SessionOutcome } from './checkout-settlement';
import { InvoiceSync } from './invoice-sync';
import { PaymentsLog, silentLog } from './payments-log';
import { RefundService } from './refund.service';
import { StripeEventRepository } from './repositories/stripe-event.repository';
import { isPermanentStripeError, stripeMessage } from './stripe-errors';

export class WebhookSignatureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookSignatureError';
  }
}

export interface WebhookResult {
  readonly eventId: string;
  readonly type: string;
  /** duplicate: this event id was applied before, nothing changed. */
  readonly outcome: string;
}

const CHECKOUT_EVENTS = new Set(['checkout.session.completed', 'checkout.session.async_payment_succeeded', 'checkout.session.async_payment_failed', 'checkout.session.expired']);
const REFUND_EVENTS = new Set(['refund.created', 'refund.updated', 'refund.failed']);
const INVOICE_EVENTS = new Set(['invoice.finalized', 'invoice.sent', 'invoice.paid', 'invoice.payment_succeeded', 'invoice.voided', 'invoice.marked_uncollectible', 'invoice.updated']);

/**
 * Stripe's webhook: the signature is verified on the raw body; the object is re-read from Stripe
 * (the event's copy may be stale or arrive out of order); the event id is recorded in the same
 * transaction as its effect, so a replay or a concurrent duplicate changes nothing.
 */
export class StripeWebhook {
  constructor(
    private readonly db: DataSource,
    private readonly stripe: Stripe,
    private readonly webhookSecret: string,
    private readonly refunds: RefundService,
    private readonly log: PaymentsLog = silentLog,
    private readonly events = new StripeEventRepository(),
    private readonly checkout = new CheckoutSettlement(),
    private readonly invoices = new InvoiceSync(),
  ) {}

  verify(rawBody: Buffer | undefined, signature: string | undefined): Stripe.Event {
    if (!signature) throw new WebhookSignatureError('Stripe-Signature header is missing');
    if (!rawBody || !Buffer.isBuffer(rawBody) || rawBody.length === 0) throw new WebhookSignatureError('the request has no body to verify');
    try {
      return this.stripe.webhooks.constructEvent(rawBody, signature, this.webhookSecret);
    } catch (err) {
      throw new WebhookSignatureError(err instanceof Error ? err.message : 'signature verification failed');
    }
  }

  async handle(event: Stripe.Event): Promise<WebhookResult> {
    const result = (outcome: string): WebhookResult => ({ eventId: event.id, type: event.type, outcome });
    if (await this.events.seen(this.db.manager, event.id)) return result('duplicate');
    const objectId = (event.data.object as { id?: string }).id;

    if (CHECKOUT_EVENTS.has(event.type) && objectId) {
      const session = await this.reread(() => this.stripe.checkout.sessions.retrieve(objectId));
      if (!session) return this.recordOnly(event, 'not_found');
      const applied = await this.db.transaction(async (tx): Promise<SessionOutcome | null> => {
        if (!(await this.events.record(tx, event.id, event.type))) return null;
        return this.checkout.apply(tx, session);
      });
      if (!applied) return result('duplicate');
      if (applied.refundId) await this.carryOut(applied.refundId);
      if (applied.kind === 'unknown_order') this.log.warn('a Checkout Session names no order of ours; reconciliation lists it', { sessionId: objectId });
      return result(applied.kind);
    }

    if (REFUND_EVENTS.has(event.type) && objectId) {
      const refund = await this.reread(() => this.stripe.refunds.retrieve(objectId));
      if (!refund) return this.recordOnly(event, 'not_found');
      const applied = await this.db.transaction(async (tx) => ((await this.events.record(tx, event.id, event.type)) ? this.refunds.apply(tx, refund) : null));
      return result(applied ?? 'duplicate');
    }

    if (INVOICE_EVENTS.has(event.type) && objectId) {
      const invoice = await this.reread(() => this.stripe.invoices.retrieve(objectId));
      if (!invoice) return this.recordOnly(event, 'not_found');
      const applied = await this.db.transaction(async (tx) => ((await this.events.record(tx, event.id, event.type)) ? this.invoices.apply(tx, invoice) : null));
      return result(applied ?? 'duplicate');
    }

    return this.recordOnly(event, 'ignored');
  }

  private async recordOnly(event: Stripe.Event, outcome: string): Promise<WebhookResult> {
    const fresh = await this.db.transaction((tx) => this.events.record(tx, event.id, event.type));
    return { eventId: event.id, type: event.type, outcome: fresh ? outcome : 'duplicate' };
  }

  /** The object as Stripe has it now; null when Stripe does not know it (an event from another account or a test run). */
  private async reread<T>(get: () => Promise<T>): Promise<T | null> {
    try {
      return await get();
    } catch (err) {
      if (isPermanentStripeError(err) && err.statusCode === 404) return null;
      throw err;
    }
  }

  /** The refund of a late or duplicate payment; if Stripe is unreachable now, the sweep retries the pending row. */
  private async carryOut(refundId: string): Promise<void> {
    try {
      await this.refunds.execute(refundId);
    } catch (err) {
      this.log.warn('refund of a late or duplicate payment left pending for the sweep', { refundId, error: stripeMessage(err) });
    }
  }
}
