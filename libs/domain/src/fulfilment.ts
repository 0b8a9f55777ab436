import { isIsoDay } from './calendar';
import { money, multiplyMoney } from './money';
import type { PaymentMethod, SupplierOrderStatus } from './ordering';

/**
 * Fulfilment rules without I/O: what a supplier's decisions make of a supplier order, whether a
 * receipt adds up, and what the buyer is owed back for what did not arrive. The API applies them;
 * nobody computes a shortfall by hand.
 */

export type LineDecision = 'accept' | 'reject';

/** Why money is owed back to the buyer for (part of) a line or a delivery fee. */
export const CLAIM_REASONS = ['short', 'damaged', 'rejected', 'cancelled', 'delivery_fee'] as const;
export type ClaimReason = (typeof CLAIM_REASONS)[number];

export interface ClaimDraft {
  readonly reason: ClaimReason;
  readonly quantity: number;
  readonly amountFen: number;
}

export class FulfilmentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FulfilmentError';
  }
}

function assertUnits(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new FulfilmentError(`${what} must be a non-negative integer, got ${value}`);
}

/**
 * What the buyer is owed for `quantity` units that were short, damaged or rejected: the unit price
 * the line was sold at times the units, in integer fen. The line's volume-tier price stays the price
 * of every unit, so claims on one line never add up to more than the line.
 */
export function shortfallAmountFen(unitPriceFen: number, quantity: number): number {
  assertUnits(quantity, 'quantity');
  return multiplyMoney(money(unitPriceFen), quantity).amountFen;
}

/** After every line is decided: at least one accepted line makes the order `accepted`, none makes it `rejected`. */
export function supplierOrderAfterDecisions(decisions: readonly LineDecision[]): Extract<SupplierOrderStatus, 'accepted' | 'rejected'> {
  if (decisions.length === 0) throw new FulfilmentError('a supplier order has at least one line to decide');
  return decisions.includes('accept') ? 'accepted' : 'rejected';
}

/**
 * Money taken (card, wallet) or billed (invoice) is owed back when goods do not arrive; for an order
 * that was never paid nor invoiced there is nothing to give back.
 */
export function isMoneyOwedBack(paymentStatus: string, paymentMethod: PaymentMethod | string): boolean {
  return paymentStatus === 'paid' || paymentStatus === 'partially_refunded' || paymentMethod === 'invoice';
}

export interface ReceivedLine {
  readonly acceptedQuantity: number;
  readonly shortQuantity: number;
  readonly damagedQuantity: number;
}

/** Why a receipt of one line does not add up (null when it does): accepted + short + damaged = ordered. */
export function receiptProblem(orderedQuantity: number, received: ReceivedLine): string | null {
  const { acceptedQuantity: a, shortQuantity: s, damagedQuantity: d } = received;
  for (const [value, what] of [
    [a, 'acceptedQuantity'],
    [s, 'shortQuantity'],
    [d, 'damagedQuantity'],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 0) return `${what} must be a whole number of at least 0`;
  }
  if (a + s + d !== orderedQuantity) {
    return `accepted ${a} + short ${s} + damaged ${d} = ${a + s + d}, but ${orderedQuantity} were ordered; the three must add up to the ordered quantity`;
  }
  return null;
}

/** The claims a line's receipt gives rise to: one for the short units, one for the damaged units, each at the line's unit price. */
export function receiptClaims(unitPriceFen: number, received: ReceivedLine): ClaimDraft[] {
  const claims: ClaimDraft[] = [];
  if (received.shortQuantity > 0) {
    claims.push({ reason: 'short', quantity: received.shortQuantity, amountFen: shortfallAmountFen(unitPriceFen, received.shortQuantity) });
  }
  if (received.damagedQuantity > 0) {
    claims.push({ reason: 'damaged', quantity: received.damagedQuantity, amountFen: shortfallAmountFen(unitPriceFen, received.damagedQuantity) });
  }
  return claims;
}

/**
 * Why a shipment date is refused (null when it is fine): a real day, not after today and not before
 * the day the order was placed (both business days, China Standard Time).
 */
export function shipmentDateProblem(shippedOn: string, today: string, placedOn: string): string | null {
  if (!isIsoDay(shippedOn)) return 'must be a real calendar day, YYYY-MM-DD';
  if (shippedOn > today) return `cannot be in the future: today is ${today}`;
  if (shippedOn < placedOn) return `cannot be before the order was placed on ${placedOn}`;
  return null;
}

