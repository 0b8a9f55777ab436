import {
  FulfilmentError,
  isMoneyOwedBack,
  receiptClaims,
  receiptProblem,
  shipmentDateProblem,
  shortfallAmountFen,
  supplierOrderAfterDecisions,
} from './fulfilment';
import { MoneyError } from './money';
import { canTransition, SUPPLIER_ORDER_TRANSITIONS } from './ordering';

describe('shortfall amounts', () => {
  it('charges each missing unit at the unit price the line was sold at, in integer fen', () => {
    expect(shortfallAmountFen(3_600, 2)).toBe(7_200);
    expect(shortfallAmountFen(3_600, 0)).toBe(0);
    expect(shortfallAmountFen(1, 999_999)).toBe(999_999);
  });

  it('refuses fractional or negative quantities and fractional prices', () => {
    expect(() => shortfallAmountFen(3_600, 1.5)).toThrow(FulfilmentError);
    expect(() => shortfallAmountFen(3_600, -1)).toThrow(FulfilmentError);
    expect(() => shortfallAmountFen(99.9, 1)).toThrow(MoneyError);
  });

  it('turns a receipt into one claim for the short units and one for the damaged units', () => {
    expect(receiptClaims(4_000, { acceptedQuantity: 7, shortQuantity: 2, damagedQuantity: 1 })).toEqual([
      { reason: 'short', quantity: 2, amountFen: 8_000 },
      { reason: 'damaged', quantity: 1, amountFen: 4_000 },
    ]);
    expect(receiptClaims(4_000, { acceptedQuantity: 10, shortQuantity: 0, damagedQuantity: 0 })).toEqual([]);
    expect(receiptClaims(4_000, { acceptedQuantity: 0, shortQuantity: 0, damagedQuantity: 10 })).toEqual([{ reason: 'damaged', quantity: 10, amountFen: 40_000 }]);
  });

  it('never owes back more than the line when every unit is missing', () => {
    const unit = 3_333;
    const quantity = 12;
    const claims = receiptClaims(unit, { acceptedQuantity: 0, shortQuantity: 5, damagedQuantity: 7 });
    expect(claims.reduce((a, c) => a + c.amountFen, 0)).toBe(unit * quantity);
  });
});

describe('receipt arithmetic', () => {
  it('accepts a receipt whose accepted, short and damaged units add up to what was ordered', () => {
    expect(receiptProblem(10, { acceptedQuantity: 7, shortQuantity: 2, damagedQuantity: 1 })).toBeNull();
    expect(receiptProblem(10, { acceptedQuantity: 10, shortQuantity: 0, damagedQuantity: 0 })).toBeNull();
  });

  it('explains a receipt that does not add up', () => {
    expect(receiptProblem(10, { acceptedQuantity: 7, shortQuantity: 2, damagedQuantity: 0 })).toMatch(/= 9, but 10 were ordered/);
    expect(receiptProblem(10, { acceptedQuantity: 11, shortQuantity: 0, damagedQuantity: 0 })).toMatch(/= 11/);
  });

  it('refuses negative or fractional quantities', () => {
    expect(receiptProblem(10, { acceptedQuantity: 11, shortQuantity: -1, damagedQuantity: 0 })).toMatch(/shortQuantity/);
    expect(receiptProblem(10, { acceptedQuantity: 9.5, shortQuantity: 0.5, damagedQuantity: 0 })).toMatch(/acceptedQuantity/);
  });
});

describe('supplier decisions', () => {
  it('accepts the supplier order when at least one line is accepted, rejects it when none is', () => {
    expect(supplierOrderAfterDecisions(['accept', 'reject'])).toBe('accepted');
    expect(supplierOrderAfterDecisions(['accept'])).toBe('accepted');
    expect(supplierOrderAfterDecisions(['reject', 'reject'])).toBe('rejected');
    expect(() => supplierOrderAfterDecisions([])).toThrow(FulfilmentError);
  });

  it('reaches both outcomes only from placed, through the transition table', () => {
    for (const outcome of ['accepted', 'rejected'] as const) {
      expect(canTransition(SUPPLIER_ORDER_TRANSITIONS, 'placed', outcome)).toBe(true);
      expect(canTransition(SUPPLIER_ORDER_TRANSITIONS, 'pending', outcome)).toBe(false);
      expect(canTransition(SUPPLIER_ORDER_TRANSITIONS, 'accepted', outcome)).toBe(false);
    }
    expect(canTransition(SUPPLIER_ORDER_TRANSITIONS, 'shipped', 'received')).toBe(true);
    expect(canTransition(SUPPLIER_ORDER_TRANSITIONS, 'accepted', 'received')).toBe(false);
  });

  it('owes money back when the order was paid or invoiced, not when nothing was taken', () => {
    expect(isMoneyOwedBack('paid', 'card')).toBe(true);
    expect(isMoneyOwedBack('partially_refunded', 'alipay')).toBe(true);
    expect(isMoneyOwedBack('unpaid', 'invoice')).toBe(true);
    expect(isMoneyOwedBack('unpaid', 'card')).toBe(false);
    expect(isMoneyOwedBack('refunded', 'wechat_pay')).toBe(false);
  });
});

describe('shipment dates', () => {
  it('allows today and any day since the order was placed', () => {
    expect(shipmentDateProblem('2026-09-10', '2026-09-10', '2026-09-01')).toBeNull();
    expect(shipmentDateProblem('2026-09-01', '2026-09-10', '2026-09-01')).toBeNull();
  });

  it('refuses the future, days before the order, and days that do not exist', () => {
    expect(shipmentDateProblem('2026-09-11', '2026-09-10', '2026-09-01')).toMatch(/future/);
    expect(shipmentDateProblem('2026-08-31', '2026-09-10', '2026-09-01')).toMatch(/before the order was placed on 2026-09-01/);
    expect(shipmentDateProblem('2026-02-30', '2026-09-10', '2026-01-01')).toMatch(/real calendar day/);
  });
});
