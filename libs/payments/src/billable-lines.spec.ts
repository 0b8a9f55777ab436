import { billableLines, BillableOrderLine, BillableSupplierOrder, CHECKOUT_MAX_LINES } from './billable-lines';

const line = (i: number, so: string, quantity: number, unit: number): BillableOrderLine => ({
  id: `l${i}`,
  supplierOrderId: so,
  productNameZh: '土豆',
  productNameEn: 'Potatoes',
  packingUnitZh: '10公斤箱',
  skuCode: `SKU-${i}`,
  quantity,
  unitPriceFen: unit,
  lineFen: quantity * unit,
});

describe('billable lines', () => {
  const sos: BillableSupplierOrder[] = [
    { id: 'a', supplierName: '青崖合作社', produceFen: 12 * 3_600 + 500, deliveryFeeFen: 13_800 },
    { id: 'b', supplierName: '白石合作社', produceFen: 2 * 9_800, deliveryFeeFen: 0 },
  ];
  const lines = [line(1, 'a', 12, 3_600), line(2, 'a', 1, 500), line(3, 'b', 2, 9_800)];
  const total = sos.reduce((a, s) => a + s.produceFen + s.deliveryFeeFen, 0);

  it('bills one line per order line at its unit price and the delivery fees apart, adding up to the total', () => {
    const out = billableLines(total, lines, sos, CHECKOUT_MAX_LINES);
    expect(out.map((l) => [l.kind, l.unitAmountFen, l.quantity])).toEqual([
      ['produce', 3_600, 12],
      ['produce', 500, 1],
      ['produce', 9_800, 2],
      ['delivery_fee', 13_800, 1],
    ]);
    expect(out.reduce((a, l) => a + l.unitAmountFen * l.quantity, 0)).toBe(total);
    expect(out[3].name).toContain('青崖合作社');
  });

  it('groups per cooperative when there are more lines than Stripe allows, then into two lines', () => {
    expect(billableLines(total, lines, sos, 3).map((l) => [l.key, l.unitAmountFen])).toEqual([
      ['produce:a', 43_700],
      ['produce:b', 19_600],
      ['fee:a', 13_800],
    ]);
    expect(billableLines(total, lines, sos, 2).map((l) => [l.key, l.unitAmountFen])).toEqual([
      ['produce:all', 63_300],
      ['fee:all', 13_800],
    ]);
  });

  it('bills a line whose amount is not unit × quantity as one amount, and refuses lines that miss the total', () => {
    const odd = { ...line(9, 'b', 3, 333), lineFen: 1_000 };
    const out = billableLines(1_000, [odd], [{ id: 'b', supplierName: 'x', produceFen: 1_000, deliveryFeeFen: 0 }], 100);
    expect(out).toEqual([expect.objectContaining({ unitAmountFen: 1_000, quantity: 1 })]);
    expect(() => billableLines(total + 1, lines, sos, 100)).toThrow(/add up/);
  });
});
