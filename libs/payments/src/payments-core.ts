import Stripe from 'stripe';
import { DataSource } from 'typeorm';
import { ClaimSettlement } from './claim-settlement';
import { InvoiceIssuer } from './invoice-issuer';
import { PaymentReconciler } from './payment-reconciler';
import { PaymentsLog, silentLog } from './payments-log';
import { RefundService } from './refund.service';
import { createStripeClient, StripeSettings } from './stripe-settings';
import { StripeWebhook } from './stripe-webhook';

/** The payment services the API and the worker share, wired once over one DataSource and one Stripe client. */
export interface PaymentsCore {
  readonly stripe: Stripe;
  readonly settings: StripeSettings;
  readonly refunds: RefundService;
  readonly claims: ClaimSettlement;
  readonly invoices: InvoiceIssuer;
  readonly webhook: StripeWebhook;
  readonly reconciler: PaymentReconciler;
}

export function createPaymentsCore(db: DataSource, settings: StripeSettings, log: PaymentsLog = silentLog, stripe: Stripe = createStripeClient(settings)): PaymentsCore {
  const refunds = new RefundService(db, stripe, log);
  return {
    stripe,
    settings,
    refunds,
    claims: new ClaimSettlement(db, stripe, refunds, log),
    invoices: new InvoiceIssuer(db, stripe, log),
    webhook: new StripeWebhook(db, stripe, settings.webhookSecret, refunds, log),
    reconciler: new PaymentReconciler(db, stripe, refunds, log),
  };
}
