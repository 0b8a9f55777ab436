import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { ClaimView, FulfilmentLineView, OrderLineView, PickListView, SupplierOrderDetailView, SupplierOrderSummary } from '@shanhai/contract';
import type { SupplierOrderStatus } from '@shanhai/domain';

const iso = (v: Date | string | null): string | null => (v ? new Date(v).toISOString() : null);

interface DetailRow {
  id: string;
  buyer_order_id: string;
  supplier_id: string;
  supplier_name: string;
  supplier_name_en: string | null;
  status: string;
  produce_fen: string;
  delivery_fee_fen: string;
  distance_band: string;
  weight_g: string;
  carrier: string | null;
  tracking_no: string | null;
  shipped_on: string | null;
  received_at: Date | null;
  evaluation_rating: number | null;
  evaluation_comment: string | null;
  evaluated_at: Date | null;
  number: string;
  bo_status: string;
  organisation_id: string;
  organisation_name: string;
  payment_method: string;
  payment_status: string;
  delivery_site_id: string;
  site_name: string;
  site_address: string;
  site_county: string;
  site_hours: string | null;
  delivery_date: string;
  placed_at: Date;
  completed_at: Date | null;
}

interface LineRow {
  id: string;
  line_no: number;
  sku_id: string;
  sku_code: string;
  product_id: string;
  product_name_zh: string;
  product_name_en: string | null;
  packing_unit_zh: string;
  packing_unit_en: string | null;
  quantity: number;
  unit_price_fen: string;
  line_fen: string;
  status: OrderLineView['status'];
  received_quantity: number;
  short_quantity: number;
  damaged_quantity: number;
  refunded_fen: string;
  credited_fen: string;
  receipt_note: string | null;
  receipt_photo_key: string | null;
  received_at: Date | null;
}

interface LotRow {
  order_line_id: string;
  lot_id: string;
  code: string;
  harvest_date: string;
  quantity: number;
}

interface ClaimRow {
  id: string;
  order_line_id: string | null;
  reason: ClaimView['reason'];
  quantity: number;
  amount_fen: string;
  status: string;
  note: string | null;
  created_at: Date;
  settled_at: Date | null;
}

interface SummaryRow {
  id: string;
  buyer_order_id: string;
  number: string;
  organisation_name: string;
  status: string;
  delivery_date: string;
  site_name: string;
  produce_fen: string;
  delivery_fee_fen: string;
  line_count: number;
  created_at: Date;
  shipped_on: string | null;
  received_at: Date | null;
}

interface PickRow {
  order_line_id: string;
  supplier_order_id: string;
  number: string;
  sku_id: string;
  sku_code: string;
  product_name_zh: string;
  packing_unit_zh: string;
  quantity: number;
  site_id: string;
  site_name: string;
  site_address: string;
  site_hours: string | null;
  organisation_name: string;
  delivery_date: string;
}

interface PickLotRow {
  sku_id: string;
  lot_id: string;
  code: string;
  harvest_date: string;
  quantity: number;
}

export interface SupplierOrderFilter {
  readonly status?: SupplierOrderStatus;
  readonly deliveryDate?: string;
  readonly page: number;
  readonly pageSize: number;
}

/** Reads supplier orders as fulfilment shows them: one order in detail, a cooperative's list, its pick list. */
@Injectable()
export class SupplierOrderViewRepository {
  async detail(db: EntityManager, supplierOrderId: string): Promise<SupplierOrderDetailView | null> {
    const [so]: DetailRow[] = await db.query(
      `SELECT so.id, so.buyer_order_id, so.supplier_id, sup.name AS supplier_name, sup.name_en AS supplier_name_en, so.status, so.produce_fen, so.delivery_fee_fen,
              so.distance_band, so.weight_g, so.carrier, so.tracking_no, so.shipped_on::text AS shipped_on, so.received_at,
              so.evaluation_rating, so.evaluation_comment, so.evaluated_at,
              bo.number, bo.status AS bo_status, bo.organisation_id, org.name AS organisation_name, bo.payment_method, bo.payment_status,
              bo.delivery_site_id, s.name AS site_name, s.address AS site_address, s.county_code AS site_county, s.receiving_hours AS site_hours,
              bo.delivery_date::text AS delivery_date, bo.created_at AS placed_at, bo.completed_at
         FROM supplier_orders so
         JOIN organisations sup ON sup.id = so.supplier_id
         JOIN buyer_orders bo ON bo.id = so.buyer_order_id
         JOIN organisations org ON org.id = bo.organisation_id
         JOIN delivery_sites s ON s.id = bo.delivery_site_id
        WHERE so.id = $1`,
      [supplierOrderId],
    );
    if (!so) return null;
    const lines: LineRow[] = await db.query(
      `SELECT ol.id, ol.line_no, ol.sku_id, ol.sku_code, ol.product_id, ol.product_name_zh, ol.product_name_en, ol.packing_unit_zh, sku.packing_unit_en,
              ol.quantity, ol.unit_price_fen, ol.line_fen, ol.status, ol.received_quantity, ol.short_quantity, ol.damaged_quantity, ol.refunded_fen,
              ol.credited_fen, ol.receipt_note, ol.receipt_photo_key, ol.received_at
         FROM order_lines ol LEFT JOIN skus sku ON sku.id = ol.sku_id WHERE ol.supplier_order_id = $1 ORDER BY ol.line_no`,
      [supplierOrderId],
    );
    const lots: LotRow[] = await db.query(
      `SELECT a.order_line_id, a.lot_id, l.code, l.harvest_date::text AS harvest_date, a.quantity
         FROM line_allocations a JOIN lots l ON l.id = a.lot_id JOIN order_lines ol ON ol.id = a.order_line_id
        WHERE ol.supplier_order_id = $1 ORDER BY l.harvest_date, l.code`,
      [supplierOrderId],
    );
    const claims: ClaimRow[] = await db.query(
      `SELECT id, order_line_id, reason, quantity, amount_fen, status, note, created_at, settled_at
         FROM claims WHERE supplier_order_id = $1 ORDER BY created_at, id`,
      [supplierOrderId],
    );
    const lotsByLine = new Map<string, OrderLineView['lots']>();
    for (const a of lots) {
      const list = lotsByLine.get(a.order_line_id) ?? [];
      list.push({ lotId: a.lot_id, lotCode: a.code, harvestDate: a.harvest_date, quantity: a.quantity });
      lotsByLine.set(a.order_line_id, list);
    }
    return {
      id: so.id,
      buyerOrderId: so.buyer_order_id,
      supplierId: so.supplier_id,
      supplierName: so.supplier_name,
      supplierNameEn: so.supplier_name_en,
      status: so.status,
      produceFen: Number(so.produce_fen),
      deliveryFeeFen: Number(so.delivery_fee_fen),
      distanceBand: so.distance_band,
      weightG: Number(so.weight_g),
      carrier: so.carrier,
      trackingNo: so.tracking_no,
      shippedOn: so.shipped_on,
      receivedAt: iso(so.received_at),
      evaluationRating: so.evaluation_rating,
      evaluationComment: so.evaluation_comment,
      evaluatedAt: iso(so.evaluated_at),
      buyerOrderNumber: so.number,
      buyerOrderStatus: so.bo_status,
      buyerOrganisationId: so.organisation_id,
      buyerOrganisationName: so.organisation_name,
      paymentMethod: so.payment_method,
      paymentStatus: so.payment_status,
      deliverySite: { id: so.delivery_site_id, name: so.site_name, address: so.site_address, countyCode: so.site_county, receivingHours: so.site_hours },
      deliveryDate: so.delivery_date,
      placedAt: iso(so.placed_at) as string,
      completedAt: iso(so.completed_at),
      lines: lines.map((l): FulfilmentLineView => ({
        id: l.id,
        lineNo: l.line_no,
        skuId: l.sku_id,
        skuCode: l.sku_code,
        productId: l.product_id,
        productNameZh: l.product_name_zh,
        productNameEn: l.product_name_en,
        packingUnitZh: l.packing_unit_zh,
        packingUnitEn: l.packing_unit_en,
        quantity: l.quantity,
        unitPriceFen: Number(l.unit_price_fen),
        lineFen: Number(l.line_fen),
        status: l.status,
        receivedQuantity: l.received_quantity,
        shortQuantity: l.short_quantity,
        damagedQuantity: l.damaged_quantity,
        refundedFen: Number(l.refunded_fen),
        creditedFen: Number(l.credited_fen),
        lots: lotsByLine.get(l.id) ?? [],
        receiptNote: l.receipt_note,
        receiptPhotoUrl: l.receipt_photo_key ? `/api/order-lines/${l.id}/receipt-photo` : null,
        receivedAt: iso(l.received_at),
      })),
      claims: claims.map((c) => ({
        id: c.id,
        supplierOrderId: so.id,
        orderLineId: c.order_line_id,
        reason: c.reason,
        quantity: c.quantity,
        amountFen: Number(c.amount_fen),
        status: c.status,
        note: c.note,
        createdAt: iso(c.created_at) as string,
        settledAt: iso(c.settled_at),
      })),
    };
  }

  async list(db: EntityManager, supplierId: string, filter: SupplierOrderFilter): Promise<{ items: SupplierOrderSummary[]; total: number }> {
    const params: unknown[] = [supplierId];
    let where = 'so.supplier_id = $1';
    if (filter.status) {
      params.push(filter.status);
      where += ` AND so.status = $${params.length}`;
    }
    if (filter.deliveryDate) {
      params.push(filter.deliveryDate);
      where += ` AND bo.delivery_date = $${params.length}::date`;
    }
    const [{ total }]: Array<{ total: number }> = await db.query(
      `SELECT count(*)::int AS total FROM supplier_orders so JOIN buyer_orders bo ON bo.id = so.buyer_order_id WHERE ${where}`,
      params,
    );
    params.push(filter.pageSize, (filter.page - 1) * filter.pageSize);
    const rows: SummaryRow[] = await db.query(
      `SELECT so.id, so.buyer_order_id, bo.number, org.name AS organisation_name, so.status, bo.delivery_date::text AS delivery_date,
              s.name AS site_name, so.produce_fen, so.delivery_fee_fen, so.created_at, so.shipped_on::text AS shipped_on, so.received_at,
              (SELECT count(*)::int FROM order_lines ol WHERE ol.supplier_order_id = so.id) AS line_count
         FROM supplier_orders so
         JOIN buyer_orders bo ON bo.id = so.buyer_order_id
         JOIN organisations org ON org.id = bo.organisation_id
         JOIN delivery_sites s ON s.id = bo.delivery_site_id
        WHERE ${where}
        ORDER BY bo.delivery_date, so.created_at, so.id
        LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return {
      total,
      items: rows.map((r) => ({
        id: r.id,
        buyerOrderId: r.buyer_order_id,
        buyerOrderNumber: r.number,
        buyerOrganisationName: r.organisation_name,
        status: r.status,
        deliveryDate: r.delivery_date,
        deliverySiteName: r.site_name,
        produceFen: Number(r.produce_fen),
        deliveryFeeFen: Number(r.delivery_fee_fen),
        lineCount: r.line_count,
        createdAt: iso(r.created_at) as string,
        shippedOn: r.shipped_on,
        receivedAt: iso(r.received_at),
      })),
    };
  }

  /** Accepted lines of accepted (not yet shipped) supplier orders: per SKU with the lots to pick from, and per delivery site. */
  async pickList(db: EntityManager, supplierId: string, deliveryDate: string | undefined): Promise<PickListView> {
    const params: unknown[] = deliveryDate ? [supplierId, deliveryDate] : [supplierId];
    const dateFilter = deliveryDate ? 'AND bo.delivery_date = $2::date' : '';
    const rows: PickRow[] = await db.query(
      `SELECT ol.id AS order_line_id, so.id AS supplier_order_id, bo.number, ol.sku_id, ol.sku_code, ol.product_name_zh, ol.packing_unit_zh, ol.quantity,
              s.id AS site_id, s.name AS site_name, s.address AS site_address, s.receiving_hours AS site_hours, org.name AS organisation_name,
              bo.delivery_date::text AS delivery_date
         FROM supplier_orders so
         JOIN buyer_orders bo ON bo.id = so.buyer_order_id
         JOIN organisations org ON org.id = bo.organisation_id
         JOIN delivery_sites s ON s.id = bo.delivery_site_id
         JOIN order_lines ol ON ol.supplier_order_id = so.id AND ol.status = 'accepted'
        WHERE so.supplier_id = $1 AND so.status = 'accepted' ${dateFilter}
        ORDER BY bo.delivery_date, s.name, s.id, bo.number, ol.line_no`,
      params,
    );
    const lots: PickLotRow[] = await db.query(
      `SELECT ol.sku_id, l.id AS lot_id, l.code, l.harvest_date::text AS harvest_date, SUM(a.quantity - a.released_quantity)::int AS quantity
         FROM supplier_orders so
         JOIN buyer_orders bo ON bo.id = so.buyer_order_id
         JOIN order_lines ol ON ol.supplier_order_id = so.id AND ol.status = 'accepted'
         JOIN line_allocations a ON a.order_line_id = ol.id AND a.quantity > a.released_quantity
         JOIN lots l ON l.id = a.lot_id
        WHERE so.supplier_id = $1 AND so.status = 'accepted' ${dateFilter}
        GROUP BY ol.sku_id, l.id, l.code, l.harvest_date
        ORDER BY l.harvest_date, l.code, l.id`,
      params,
    );

    const skus = new Map<string, PickListView['skus'][number]>();
    const sites = new Map<string, PickListView['sites'][number]>();
    for (const r of rows) {
      const sku = skus.get(r.sku_id) ?? { skuId: r.sku_id, skuCode: r.sku_code, productNameZh: r.product_name_zh, packingUnitZh: r.packing_unit_zh, quantity: 0, lots: [], sites: [] };
      sku.quantity += r.quantity;
      const drop = sku.sites.find((x) => x.siteId === r.site_id && x.deliveryDate === r.delivery_date);
      if (drop) drop.quantity += r.quantity;
      else sku.sites.push({ siteId: r.site_id, siteName: r.site_name, deliveryDate: r.delivery_date, quantity: r.quantity });
      skus.set(r.sku_id, sku);

      const siteKey = `${r.site_id}|${r.delivery_date}`;
      const site = sites.get(siteKey) ?? {
        siteId: r.site_id,
        siteName: r.site_name,
        address: r.site_address,
        receivingHours: r.site_hours,
        buyerOrganisationName: r.organisation_name,
        deliveryDate: r.delivery_date,
        supplierOrders: [],
        lines: [],
      };
      if (!site.supplierOrders.some((o) => o.id === r.supplier_order_id)) site.supplierOrders.push({ id: r.supplier_order_id, buyerOrderNumber: r.number });
      site.lines.push({ orderLineId: r.order_line_id, skuCode: r.sku_code, productNameZh: r.product_name_zh, packingUnitZh: r.packing_unit_zh, quantity: r.quantity });
      sites.set(siteKey, site);
    }
    for (const l of lots) skus.get(l.sku_id)?.lots.push({ lotId: l.lot_id, lotCode: l.code, harvestDate: l.harvest_date, quantity: l.quantity });
    return {
      supplierId,
      deliveryDate: deliveryDate ?? null,
      skus: [...skus.values()].sort((a, b) => a.skuCode.localeCompare(b.skuCode)),
      sites: [...sites.values()],
    };
  }
}
