/** One payout to a cooperative, identified by the operator's reference (also the provider's idempotency key). */
export interface PayoutRequest {
  readonly supplierId: string;
  readonly amountFen: number;
  readonly currency: 'CNY';
  readonly reference: string;
  readonly note: string | null;
}

export interface PayoutResult {
  readonly provider: string;
  /** The provider's id for the transfer (a Stripe Connect transfer id, a bank batch number…). */
  readonly providerReference: string | null;
}

/**
 * How money reaches a cooperative. The default records a transfer the operator made by other means
 * (a bank transfer from the platform's account). Where the region allows, a Stripe Connect provider
 * would call `stripe.transfers.create({ amount, currency: 'cny', destination: <connected account> },
 * { idempotencyKey: reference })` here; nothing else changes.
 */
export interface PayoutProvider {
  readonly name: string;
  pay(request: PayoutRequest): Promise<PayoutResult>;
}

export const PAYOUT_PROVIDER = Symbol('PAYOUT_PROVIDER');

export class ManualPayoutProvider implements PayoutProvider {
  readonly name = 'manual';

  async pay(request: PayoutRequest): Promise<PayoutResult> {
    return { provider: this.name, providerReference: request.reference };
  }
}
