import { randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { businessDay, prefectureOf, provinceOf } from '@shanhai/domain';
import type { BuyerOrderStatus, DistanceBand, PaymentMethod } from '@shanhai/domain';
import type { LotTake } from './stock.repository';

/** One priced order line, with the product facts it copies at placement. */
export interface NewOrderLine {
  readonly skuId: string;
  readonly productId: string;
  readonly skuCode: string;
  readonly productNameZh: string;
  readonly productNameEn: string | null;
  readonly packingUnitZh: string;
  readonly categoryId: number;
  readonly originCountyCode: string;
  readonly netWeightG: number;
  readonly quantity: number;
  readonly unitPriceFen: number;
  readonly lineFen: number;
}

/** One cooperative's part of the order, with its delivery fee. */
export interface NewSupplierOrder {
  readonly supplierId: string;
  readonly supplierCountyCode: string;
  readonly produceFen: number;
  readonly deliveryFeeFen: number;
  readonly band: DistanceBand | null;
  readonly weightG: number;
  readonly lines: readonly NewOrderLine[];
}

export interface NewOrder {
  readonly organisationId: string;
  readonly placedBy: string;
  readonly status: BuyerOrderStatus;
  readonly paymentMethod: PaymentMethod;
  readonly deliverySiteId: string;
  readonly deliveryDate: string;
  readonly siteCountyCode: string;
  readonly buyerType: string;
  readonly note: string | null;
  /** The reservation deadline of an order awaiting payment or approval. */
  readonly paymentDueAt: Date | null;
  readonly supplierOrders: readonly NewSupplierOrder[];
}

/**
 * Writing a placed order: the buyer order with its attribution copied from the delivery site, one
 * supplier order per cooperative and the lines, in the caller's transaction. Shared by checkout
 * (API) and agreement deliveries (worker), so an order is the same whichever way it was placed.
 */
export class OrderPlacementRepository {
  async insert(tx: EntityManager, o: NewOrder): Promise<string> {
    const produceFen = o.supplierOrders.reduce((a, g) => a + g.produceFen, 0);
    const deliveryFeeFen = o.supplierOrders.reduce((a, g) => a + g.deliveryFeeFen, 0);
    const number = `SH${businessDay().replace(/-/g, '')}-${randomBytes(5).toString('hex').toUpperCase()}`;
    const [{ id }] = await tx.query(
      `INSERT INTO buyer_orders (number, organisation_id, placed_by, status, payment_method, delivery_site_id, delivery_date,
                                 site_county_code, site_city_code, site_province_code, buyer_type,
                                 produce_fen, delivery_fee_fen, total_fen, note, payment_due_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
      [
        number,
        o.organisationId,
        o.placedBy,
        o.status,
        o.paymentMethod,
        o.deliverySiteId,
        o.deliveryDate,
        o.siteCountyCode,
        prefectureOf(o.siteCountyCode),
        provinceOf(o.siteCountyCode),
        o.buyerType,
        produceFen,
        deliveryFeeFen,
        produceFen + deliveryFeeFen,
        o.note,
        o.paymentDueAt,
      ],
    );
    const supplierStatus = o.status === 'open' ? 'placed' : 'pending';
    let lineNo = 0;
    const soRows = o.supplierOrders.map((g) => ({ supplier_id: g.supplierId, county: g.supplierCountyCode, produce: g.produceFen, fee: g.deliveryFeeFen, band: g.band, weight: g.weightG }));
    const sos: Array<{ id: string; supplier_id: string }> = await tx.query(
      `INSERT INTO supplier_orders (buyer_order_id, supplier_id, supplier_county_code, status, produce_fen, delivery_fee_fen, distance_band, weight_g)
       SELECT $1, supplier_id, county, $2, produce, fee, band, weight
         FROM jsonb_to_recordset($3::jsonb) AS r(supplier_id uuid, county text, produce bigint, fee bigint, band text, weight bigint)
       RETURNING id, supplier_id`,
      [id, supplierStatus, JSON.stringify(soRows)],
    );
    const soBySupplier = new Map(sos.map((s) => [s.supplier_id, s.id]));
    const lineRows = o.supplierOrders.flatMap((g) =>
      g.lines.map((l) => ({
        so: soBySupplier.get(g.supplierId),
        no: ++lineNo,
        sku: l.skuId,
        product: l.productId,
        code: l.skuCode,
        zh: l.productNameZh,
        en: l.productNameEn,
        unit: l.packingUnitZh,
        cat: l.categoryId,
        county: l.originCountyCode,
        grams: l.netWeightG,
        qty: l.quantity,
        price: l.unitPriceFen,
        fen: l.lineFen,
      })),
    );
    await tx.query(
      `INSERT INTO order_lines (supplier_order_id, buyer_order_id, line_no, sku_id, product_id, sku_code, product_name_zh, product_name_en,
                                packing_unit_zh, category_id, origin_county_code, net_weight_g, quantity, unit_price_fen, line_fen)
       SELECT so, $1, no, sku, product, code, zh, en, unit, cat, county, grams, qty, price, fen
         FROM jsonb_to_recordset($2::jsonb) AS r(so uuid, no int, sku uuid, product uuid, code text, zh text, en text, unit text,
                                                 cat int, county text, grams int, qty int, price bigint, fen bigint)`,
      [id, JSON.stringify(lineRows)],
    );
    return id;
  }

  /** The lots each line's units were reserved from (one line per SKU in an order). */
  async recordAllocations(tx: EntityManager, buyerOrderId: string, takes: readonly LotTake[]): Promise<void> {
    await tx.query(
      `INSERT INTO line_allocations (order_line_id, lot_id, quantity)
       SELECT ol.id, t.lot_id, t.qty FROM unnest($2::uuid[], $3::uuid[], $4::int[]) AS t(sku_id, lot_id, qty)
         JOIN order_lines ol ON ol.buyer_order_id = $1 AND ol.sku_id = t.sku_id`,
      [buyerOrderId, takes.map((t) => t.skuId), takes.map((t) => t.lotId), takes.map((t) => t.quantity)],
    );
  }

  /** A draft invoice row; the worker issues it through Stripe Invoicing after commit (not before `issueOn`, when given). */
  async draftInvoice(tx: EntityManager, buyerOrderId: string, amountFen: number, issueOn: string | null = null): Promise<string> {
    const [{ id }] = await tx.query(`INSERT INTO invoices (buyer_order_id, status, amount_fen, issue_on) VALUES ($1, 'draft', $2, $3) RETURNING id`, [buyerOrderId, amountFen, issueOn]);
    return id;
  }
}
