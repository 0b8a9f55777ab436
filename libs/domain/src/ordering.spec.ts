import { deliveryFeeFen, distanceBand } from './delivery-fee';
import {
  assertTransition,
  BUYER_ORDER_TRANSITIONS,
  canTransition,
  IllegalTransitionError,
  INVOICE_TRANSITIONS,
  SUPPLIER_ORDER_TRANSITIONS,
} from './ordering';

describe('order state machines', () => {
  it('lets a buyer order go from approval to payment to completion', () => {
    expect(canTransition(BUYER_ORDER_TRANSITIONS, 'pending_approval', 'awaiting_payment')).toBe(true);
    expect(canTransition(BUYER_ORDER_TRANSITIONS, 'awaiting_payment', 'open')).toBe(true);
    expect(canTransition(BUYER_ORDER_TRANSITIONS, 'open', 'completed')).toBe(true);
  });

  it('refuses to reopen completed or cancelled orders', () => {
    expect(() => assertTransition('buyer order', BUYER_ORDER_TRANSITIONS, 'completed', 'open')).toThrow(IllegalTransitionError);
    expect(() => assertTransition('buyer order', BUYER_ORDER_TRANSITIONS, 'cancelled', 'awaiting_payment')).toThrow(/cancelled to awaiting_payment/);
  });

  it('ships only accepted supplier orders and never un-receives', () => {
    expect(canTransition(SUPPLIER_ORDER_TRANSITIONS, 'placed', 'shipped')).toBe(false);
    expect(canTransition(SUPPLIER_ORDER_TRANSITIONS, 'accepted', 'shipped')).toBe(true);
    expect(canTransition(SUPPLIER_ORDER_TRANSITIONS, 'received', 'shipped')).toBe(false);
    expect(canTransition(SUPPLIER_ORDER_TRANSITIONS, 'shipped', 'cancelled')).toBe(false);
  });

  it('pays invoices once and voids only unpaid ones', () => {
    expect(canTransition(INVOICE_TRANSITIONS, 'open', 'paid')).toBe(true);
    expect(canTransition(INVOICE_TRANSITIONS, 'paid', 'void')).toBe(false);
    expect(canTransition(INVOICE_TRANSITIONS, 'draft', 'paid')).toBe(false);
  });
});

describe('delivery fee', () => {
  it('bands by province and charges per started 10 kg above the first', () => {
    expect(distanceBand('629801', '339801')).toBe('far');
    expect(distanceBand('629801', '620102')).toBe('near');
    expect(deliveryFeeFen('far', 10_000, 10_000)).toBe(5_000);
    expect(deliveryFeeFen('far', 10_001, 10_000)).toBe(5_800);
    expect(deliveryFeeFen('far', 35_000, 10_000)).toBe(5_000 + 3 * 800);
    expect(deliveryFeeFen('near', 1_000_000, 10_000)).toBe(30_000);
  });

  it('is free above the produce threshold', () => {
    expect(deliveryFeeFen('far', 500_000, 1_000_000)).toBe(0);
    expect(deliveryFeeFen('far', 500_000, 999_999)).toBe(5_000 + 49 * 800);
    expect(deliveryFeeFen('far', 5_000_000, 999_999)).toBe(80_000);
  });
});
