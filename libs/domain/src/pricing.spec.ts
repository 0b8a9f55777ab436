import { checkOrderQuantity, checkPriceTiers, lineAmountFen, unitPriceFor } from './pricing';

describe('volume price tiers', () => {
  const tiers = [
    { minQuantity: 10, unitPriceFen: 900 },
    { minQuantity: 50, unitPriceFen: 800 },
  ];

  it('applies the highest tier reached', () => {
    expect(unitPriceFor(1000, tiers, 9)).toBe(1000);
    expect(unitPriceFor(1000, tiers, 10)).toBe(900);
    expect(unitPriceFor(1000, tiers, 49)).toBe(900);
    expect(unitPriceFor(1000, tiers, 500)).toBe(800);
    expect(lineAmountFen(1000, tiers, 50)).toBe(40000);
  });

  it('rejects tiers that do not rise in quantity and fall in price', () => {
    expect(checkPriceTiers(1000, tiers)).toBeNull();
    expect(checkPriceTiers(1000, [{ minQuantity: 10, unitPriceFen: 1000 }])).toEqual({ reason: 'tier_price_not_lower', index: 0 });
    expect(checkPriceTiers(1000, [tiers[1], tiers[0]])).toEqual({ reason: 'tier_not_ascending', index: 1 });
    expect(checkPriceTiers(1000, [{ minQuantity: 1, unitPriceFen: 900 }])).toEqual({ reason: 'tier_min_quantity_not_above_one', index: 0 });
    expect(checkPriceTiers(1000, [{ minQuantity: 5, unitPriceFen: 9.5 }])).toEqual({ reason: 'tier_price_invalid', index: 0 });
  });

  it('enforces minimum and multiple', () => {
    const rule = { minOrderQuantity: 4, orderMultiple: 2 };
    expect(checkOrderQuantity(4, rule)).toBeNull();
    expect(checkOrderQuantity(2, rule)).toEqual({ reason: 'below_minimum', minimum: 4 });
    expect(checkOrderQuantity(5, rule)).toEqual({ reason: 'not_a_multiple', multiple: 2 });
    expect(checkOrderQuantity(0, rule)).toEqual({ reason: 'quantity_not_positive_integer' });
    expect(checkOrderQuantity(1.5, rule)).toEqual({ reason: 'quantity_not_positive_integer' });
  });
});
