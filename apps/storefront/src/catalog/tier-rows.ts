import type { PriceTier } from '@shanhai/domain';

export interface TierRow {
  /** Fewest units the row's price applies to. */
  readonly from: number;
  /** Most units it applies to; null for "and more". */
  readonly to: number | null;
  readonly unitPriceFen: number;
}

/**
 * The tier table as a buyer reads it: quantity bands with their unit price, starting at the minimum order
 * (nobody can order less, so bands below it are left out). The server prices orders with the domain's
 * `unitPriceFor`; this only lays the same tiers out.
 */
export function tierRows(sku: { priceFen: number; priceTiers: readonly PriceTier[]; minOrderQuantity: number }): TierRow[] {
  const bands = [{ minQuantity: 1, unitPriceFen: sku.priceFen }, ...[...sku.priceTiers].sort((a, b) => a.minQuantity - b.minQuantity)];
  const rows = bands.map((band, i) => ({
    from: band.minQuantity,
    to: i + 1 < bands.length ? bands[i + 1].minQuantity - 1 : null,
    unitPriceFen: band.unitPriceFen,
  }));
  const minimum = Math.max(1, sku.minOrderQuantity);
  return rows.filter((r) => r.to === null || r.to >= minimum).map((r) => ({ ...r, from: Math.max(r.from, minimum) }));
}
