/**
 * The delivery fee of one supplier order, by weight and distance band, shown apart from produce and
 * never counted as produce sales.
 *
 * Bands by the road distance class between the supplier's county and the delivery site:
 *   same province 'near', across provinces within a pairing region 'far' (the usual west → east run).
 * Fee = base + per started 10 kg above the first 10 kg, capped, and free from a produce amount.
 */
export type DistanceBand = 'near' | 'far';

export interface DeliveryFeeRule {
  readonly baseFen: number;
  readonly perStarted10KgFen: number;
  readonly capFen: number;
  readonly freeFromProduceFen: number;
}

export const DELIVERY_FEE_RULES: Record<DistanceBand, DeliveryFeeRule> = {
  near: { baseFen: 2_000, perStarted10KgFen: 300, capFen: 30_000, freeFromProduceFen: 300_000 },
  far: { baseFen: 5_000, perStarted10KgFen: 800, capFen: 80_000, freeFromProduceFen: 1_000_000 },
};

export function distanceBand(supplierCountyCode: string, siteCountyCode: string): DistanceBand {
  return supplierCountyCode.slice(0, 2) === siteCountyCode.slice(0, 2) ? 'near' : 'far';
}

export function deliveryFeeFen(band: DistanceBand, weightG: number, produceFen: number): number {
  const rule = DELIVERY_FEE_RULES[band];
  if (produceFen >= rule.freeFromProduceFen) return 0;
  const extraStarted = Math.max(0, Math.ceil((weightG - 10_000) / 10_000));
  return Math.min(rule.capFen, rule.baseFen + extraStarted * rule.perStarted10KgFen);
}
