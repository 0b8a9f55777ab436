import { assertFen } from '@shanhai/domain';

/** Stripe accepts a Checkout Session expiry 30 minutes to 24 hours ahead; a minute of slack each side. */
export const CHECKOUT_MIN_LIFETIME_MS = 31 * 60_000;
export const CHECKOUT_MAX_LIFETIME_MS = 24 * 3600_000 - 60_000;
/** Opening a checkout may hold an order's stock past its payment deadline, but never beyond this long after placement. */
export const MAX_RESERVATION_HOLD_MS = 2 * 3600_000;
/** The order outlives its checkout by this much, so a payment completed at the last second still finds it awaiting payment. */
export const RESERVATION_GRACE_MS = 60_000;
/** An open session this close to its expiry is not handed out again: the buyer could not finish paying. */
export const REUSE_MIN_REMAINING_MS = 5 * 60_000;

export type CheckoutWindow =
  | { readonly ok: true; readonly expiresAt: Date; /** the order's new payment deadline, when the session outlives the old one */ readonly extendDueTo: Date | null }
  | { readonly ok: false; readonly reason: 'deadline_passed' | 'hold_exceeded' };

/**
 * When a new Checkout Session should expire: a grace minute before the order's payment deadline,
 * but no sooner than Stripe's 30-minute minimum. When that minimum outlasts the deadline, the reservation is extended
 * to cover the session (plus a grace minute) — unless that would hold the stock more than
 * MAX_RESERVATION_HOLD_MS after placement, which stops a buyer from reserving stock indefinitely.
 */
export function checkoutWindow(now: Date, paymentDueAt: Date, placedAt: Date): CheckoutWindow {
  if (paymentDueAt.getTime() <= now.getTime()) return { ok: false, reason: 'deadline_passed' };
  const earliest = now.getTime() + CHECKOUT_MIN_LIFETIME_MS;
  const latest = now.getTime() + CHECKOUT_MAX_LIFETIME_MS;
  const target = Math.min(Math.max(paymentDueAt.getTime() - RESERVATION_GRACE_MS, earliest), latest);
  // Whole seconds: Stripe's `expires_at` is a Unix timestamp, and a retry must send the same one.
  const expiresAt = new Date(Math.floor(target / 1000) * 1000);
  if (expiresAt.getTime() + RESERVATION_GRACE_MS <= paymentDueAt.getTime()) return { ok: true, expiresAt, extendDueTo: null };
  const extendDueTo = new Date(expiresAt.getTime() + RESERVATION_GRACE_MS);
  if (extendDueTo.getTime() - placedAt.getTime() > MAX_RESERVATION_HOLD_MS) return { ok: false, reason: 'hold_exceeded' };
  return { ok: true, expiresAt, extendDueTo };
}

/**
 * How much of a claim can be paid back: the claim, but never more than what is left of the
 * payment (or invoice) nor what is left of the line (or delivery fee) it is for. Zero means there
 * is nothing left to give back, and the claim is waived.
 */
export function settleableFen(claimFen: number, sourceRemainingFen: number, targetRemainingFen: number): number {
  assertFen(claimFen, 'claim');
  return Math.max(0, Math.min(claimFen, assertFen(sourceRemainingFen, 'source remaining'), assertFen(targetRemainingFen, 'target remaining')));
}

/** A card or wallet order's payment status once `refundedFen` of its `totalFen` has gone back. */
export function paymentStatusAfterRefunds(totalFen: number, refundedFen: number): 'paid' | 'partially_refunded' | 'refunded' {
  if (refundedFen <= 0) return 'paid';
  return refundedFen >= totalFen ? 'refunded' : 'partially_refunded';
}

/** Stripe timestamps are Unix seconds. */
export const fromUnix = (seconds: number): Date => new Date(seconds * 1000);
