import { checkOrderQuantity, deliveryFeeFen, distanceBand, lineAmountFen, unitPriceFor } from '@shanhai/domain';
import type { DistanceBand } from '@shanhai/domain';
import type { SkuOffer } from './sku-offer.repository';

export interface PricedLine {
  offer: SkuOffer;
  quantity: number;
  unitPriceFen: number;
  lineFen: number;
}

export interface SupplierGroup {
  supplierId: string;
  supplierCountyCode: string;
  lines: PricedLine[];
  produceFen: number;
  weightG: number;
  band: DistanceBand | null;
  deliveryFeeFen: number | null;
}

/** Why a SKU cannot be ordered in this quantity, in words a purchaser can act on; null when it can. */
export function lineProblem(offer: SkuOffer | undefined, quantity: number): string | null {
  if (!offer) return 'unknown SKU';
  if (!offer.active || !offer.visible) return `${offer.skuCode} is not on sale`;
  const q = checkOrderQuantity(quantity, offer);
  if (q?.reason === 'quantity_not_positive_integer') return 'quantity must be a positive whole number of units';
  if (q?.reason === 'below_minimum') return `the minimum order of ${offer.skuCode} is ${q.minimum} units`;
  if (q?.reason === 'not_a_multiple') return `${offer.skuCode} is sold in multiples of ${q.multiple} units`;
  return null;
}

export function priceLine(offer: SkuOffer, quantity: number): PricedLine {
  return { offer, quantity, unitPriceFen: unitPriceFor(offer.priceFen, offer.priceTiers, quantity), lineFen: lineAmountFen(offer.priceFen, offer.priceTiers, quantity) };
}

/** One group per supplier, with the delivery fee when the delivery site's county is known. */
export function groupBySupplier(lines: readonly PricedLine[], siteCountyCode: string | null): SupplierGroup[] {
  const groups = new Map<string, SupplierGroup>();
  for (const line of lines) {
    let g = groups.get(line.offer.supplierId);
    if (!g) {
      g = { supplierId: line.offer.supplierId, supplierCountyCode: line.offer.supplierCountyCode, lines: [], produceFen: 0, weightG: 0, band: null, deliveryFeeFen: null };
      groups.set(line.offer.supplierId, g);
    }
    g.lines.push(line);
    g.produceFen += line.lineFen;
    g.weightG += line.offer.netWeightG * line.quantity;
  }
  for (const g of groups.values()) {
    if (siteCountyCode) {
      g.band = distanceBand(g.supplierCountyCode, siteCountyCode);
      g.deliveryFeeFen = deliveryFeeFen(g.band, g.weightG, g.produceFen);
    }
  }
  return [...groups.values()];
}
