import { EntityManager } from 'typeorm';
import type { PriceTier } from '@shanhai/domain';

/** What a buyer can order of a SKU right now: price, rules, stock and the product facts an order line copies. */
export interface SkuOffer {
  skuId: string;
  skuCode: string;
  priceFen: number;
  priceTiers: PriceTier[];
  minOrderQuantity: number;
  orderMultiple: number;
  leadTimeDays: number;
  netWeightG: number;
  stockUnits: number;
  active: boolean;
  packingUnitZh: string;
  packingUnitEn: string | null;
  productId: string;
  productNameZh: string;
  productNameEn: string | null;
  categoryId: number;
  originCountyCode: string;
  visible: boolean;
  supplierId: string;
  supplierName: string;
  supplierNameEn: string | null;
  supplierCountyCode: string;
}

/**
 * Loads SKU offers; shared by checkout (API) and agreement order generation (worker). The API's
 * `SkuOfferRepository` is this class made injectable.
 */
export class SkuOfferRepository {
  async byIds(db: EntityManager, ids: readonly string[]): Promise<Map<string, SkuOffer>> {
    return this.load(db, 's.id = ANY($1::uuid[])', [ids]);
  }

  async byCodes(db: EntityManager, codes: readonly string[]): Promise<Map<string, SkuOffer>> {
    const byId = await this.load(db, 's.code = ANY($1::text[])', [codes]);
    return new Map([...byId.values()].map((o) => [o.skuCode, o]));
  }

  private async load(db: EntityManager, where: string, params: unknown[]): Promise<Map<string, SkuOffer>> {
    const rows: Array<Record<string, unknown>> = await db.query(
      `SELECT s.id, s.code, s.price_fen, s.price_tiers, s.min_order_quantity, s.order_multiple, s.lead_time_days, s.net_weight_g,
              s.stock_units, s.active, s.packing_unit_zh, s.packing_unit_en,
              p.id AS product_id, p.name_zh, p.name_en, p.category_id, p.origin_county_code, p.visible,
              o.id AS supplier_id, o.name AS supplier_name, o.name_en AS supplier_name_en, o.division_code AS supplier_county
         FROM skus s JOIN products p ON p.id = s.product_id JOIN organisations o ON o.id = p.supplier_id
        WHERE ${where}`,
      params,
    );
    return new Map(
      rows.map((r) => [
        r.id as string,
        {
          skuId: r.id as string,
          skuCode: r.code as string,
          priceFen: Number(r.price_fen),
          priceTiers: r.price_tiers as PriceTier[],
          minOrderQuantity: r.min_order_quantity as number,
          orderMultiple: r.order_multiple as number,
          leadTimeDays: r.lead_time_days as number,
          netWeightG: r.net_weight_g as number,
          stockUnits: r.stock_units as number,
          active: r.active as boolean,
          packingUnitZh: r.packing_unit_zh as string,
          packingUnitEn: (r.packing_unit_en as string | null) ?? null,
          productId: r.product_id as string,
          productNameZh: r.name_zh as string,
          productNameEn: (r.name_en as string | null) ?? null,
          categoryId: r.category_id as number,
          originCountyCode: r.origin_county_code as string,
          visible: r.visible as boolean,
          supplierId: r.supplier_id as string,
          supplierName: r.supplier_name as string,
          supplierNameEn: (r.supplier_name_en as string | null) ?? null,
          supplierCountyCode: r.supplier_county as string,
        },
      ]),
    );
  }
}
