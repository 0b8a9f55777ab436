import { assertFen } from './money';

/** A volume tier: from `minQuantity` units upward, each unit costs `unitPriceFen`. */
export interface PriceTier {
  readonly minQuantity: number;
  readonly unitPriceFen: number;
}

export interface QuantityRule {
  readonly minOrderQuantity: number;
  readonly orderMultiple: number;
}

export type TierProblem =
  | { reason: 'tier_min_quantity_not_above_one'; index: number }
  | { reason: 'tier_not_ascending'; index: number }
  | { reason: 'tier_price_not_lower'; index: number }
  | { reason: 'tier_price_invalid'; index: number };

/**
 * Tiers must rise in quantity and fall in price, each below the base price, so a larger order
 * never costs more per unit than a smaller one.
 */
export function checkPriceTiers(basePriceFen: number, tiers: readonly PriceTier[]): TierProblem | null {
  let lastQty = 1;
  let lastPrice = basePriceFen;
  for (let index = 0; index < tiers.length; index++) {
    const tier = tiers[index];
    if (!Number.isSafeInteger(tier.unitPriceFen) || tier.unitPriceFen <= 0) return { reason: 'tier_price_invalid', index };
    if (index === 0 && tier.minQuantity <= 1) return { reason: 'tier_min_quantity_not_above_one', index };
    if (tier.minQuantity <= lastQty) return { reason: 'tier_not_ascending', index };
    if (tier.unitPriceFen >= lastPrice) return { reason: 'tier_price_not_lower', index };
    lastQty = tier.minQuantity;
    lastPrice = tier.unitPriceFen;
  }
  return null;
}

/** The unit price that applies to `quantity`: the highest tier reached, else the base price. */
export function unitPriceFor(basePriceFen: number, tiers: readonly PriceTier[], quantity: number): number {
  assertFen(basePriceFen, 'base price');
  let price = basePriceFen;
  for (const tier of tiers) {
    if (quantity >= tier.minQuantity && tier.unitPriceFen < price) price = tier.unitPriceFen;
  }
  return price;
}

export function lineAmountFen(basePriceFen: number, tiers: readonly PriceTier[], quantity: number): number {
  return assertFen(unitPriceFor(basePriceFen, tiers, quantity) * quantity, 'line amount');
}

export type QuantityProblem =
  | { reason: 'quantity_not_positive_integer' }
  | { reason: 'below_minimum'; minimum: number }
  | { reason: 'not_a_multiple'; multiple: number };

export function checkOrderQuantity(quantity: number, rule: QuantityRule): QuantityProblem | null {
  if (!Number.isSafeInteger(quantity) || quantity <= 0) return { reason: 'quantity_not_positive_integer' };
  if (quantity < rule.minOrderQuantity) return { reason: 'below_minimum', minimum: rule.minOrderQuantity };
  if (quantity % rule.orderMultiple !== 0) return { reason: 'not_a_multiple', multiple: rule.orderMultiple };
  return null;
}
