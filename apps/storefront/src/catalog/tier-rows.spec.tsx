import { unitPriceFor } from '@shanhai/domain';
import { describe, expect, it } from 'vitest';
import { tierRows } from './tier-rows';

describe('tierRows', () => {
  const sku = { priceFen: 3800, priceTiers: [{ minQuantity: 200, unitPriceFen: 3200 }, { minQuantity: 50, unitPriceFen: 3500 }], minOrderQuantity: 5 };

  it('lays the tiers out as quantity bands from the minimum order up', () => {
    expect(tierRows(sku)).toEqual([
      { from: 5, to: 49, unitPriceFen: 3800 },
      { from: 50, to: 199, unitPriceFen: 3500 },
      { from: 200, to: null, unitPriceFen: 3200 },
    ]);
  });

  it('shows, for every band, the price the domain rule charges', () => {
    for (const row of tierRows(sku)) {
      expect(unitPriceFor(sku.priceFen, sku.priceTiers, row.from)).toBe(row.unitPriceFen);
      if (row.to !== null) expect(unitPriceFor(sku.priceFen, sku.priceTiers, row.to)).toBe(row.unitPriceFen);
    }
  });

  it('leaves out bands below a minimum order that is already in a tier', () => {
    expect(tierRows({ ...sku, minOrderQuantity: 60 })).toEqual([
      { from: 60, to: 199, unitPriceFen: 3500 },
      { from: 200, to: null, unitPriceFen: 3200 },
    ]);
  });

  it('has a single open band without tiers', () => {
    expect(tierRows({ priceFen: 760, priceTiers: [], minOrderQuantity: 1 })).toEqual([{ from: 1, to: null, unitPriceFen: 760 }]);
  });
});
