import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { BuyerOrderSummary, BuyerOrderView, OrderLineView, SupplierOrderView } from '@shanhai/contract';

const iso = (v: unknown): string | null => (v ? new Date(v as string).toISOString() : null);

/** Reads orders as the API shows them: the buyer order with its supplier orders, lines and the lots behind each line. */
@Injectable()
export class OrderViewRepository {
  /** `onlySupplierId` narrows the supplier orders to one cooperative's (what a supplier may see). */
  async get(db: EntityManager, orderId: string, onlySupplierId?: string): Promise<BuyerOrderView | null> {
    const [o] = await db.query(
      `SELECT bo.*, org.name AS organisation_name, s.name AS site_name, s.address AS site_address, s.county_code AS site_county
         FROM buyer_orders bo JOIN organisations org ON org.id = bo.organisation_id JOIN delivery_sites s ON s.id = bo.delivery_site_id
        WHERE bo.id = $1`,
      [orderId],
    );
    if (!o) return null;
    const sos: Array<Record<string, unknown>> = await db.query(
      `SELECT so.*, org.name AS supplier_name FROM supplier_orders so JOIN organisations org ON org.id = so.supplier_id
        WHERE so.buyer_order_id = $1 ${onlySupplierId ? 'AND so.supplier_id = $2' : ''} ORDER BY org.name, so.id`,
      onlySupplierId ? [orderId, onlySupplierId] : [orderId],
    );
    const lines: Array<Record<string, unknown>> = await db.query(
      `SELECT * FROM order_lines WHERE buyer_order_id = $1 ORDER BY line_no`,
      [orderId],
    );
    const lots: Array<Record<string, unknown>> = await db.query(
      `SELECT a.order_line_id, a.lot_id, a.quantity, l.code, l.harvest_date
         FROM line_allocations a JOIN lots l ON l.id = a.lot_id JOIN order_lines ol ON ol.id = a.order_line_id
        WHERE ol.buyer_order_id = $1 ORDER BY l.harvest_date, l.code`,
      [orderId],
    );
    const lotsByLine = new Map<string, OrderLineView['lots']>();
    for (const a of lots) {
      const list = lotsByLine.get(a.order_line_id as string) ?? [];
      list.push({ lotId: a.lot_id as string, lotCode: a.code as string, harvestDate: a.harvest_date as string, quantity: a.quantity as number });
      lotsByLine.set(a.order_line_id as string, list);
    }
    const linesBySo = new Map<string, OrderLineView[]>();
    for (const l of lines) {
      const list = linesBySo.get(l.supplier_order_id as string) ?? [];
      list.push({
        id: l.id as string,
        lineNo: l.line_no as number,
        skuId: l.sku_id as string,
        skuCode: l.sku_code as string,
        productId: l.product_id as string,
        productNameZh: l.product_name_zh as string,
        productNameEn: (l.product_name_en as string | null) ?? null,
        packingUnitZh: l.packing_unit_zh as string,
        quantity: l.quantity as number,
        unitPriceFen: Number(l.unit_price_fen),
        lineFen: Number(l.line_fen),
        status: l.status as OrderLineView['status'],
        receivedQuantity: l.received_quantity as number,
        shortQuantity: l.short_quantity as number,
        damagedQuantity: l.damaged_quantity as number,
        refundedFen: Number(l.refunded_fen),
        creditedFen: Number(l.credited_fen),
        lots: lotsByLine.get(l.id as string) ?? [],
      });
      linesBySo.set(l.supplier_order_id as string, list);
    }
    const supplierOrders: SupplierOrderView[] = sos.map((so) => ({
      id: so.id as string,
      buyerOrderId: orderId,
      supplierId: so.supplier_id as string,
      supplierName: so.supplier_name as string,
      status: so.status as string,
      produceFen: Number(so.produce_fen),
      deliveryFeeFen: Number(so.delivery_fee_fen),
      distanceBand: so.distance_band as string,
      weightG: Number(so.weight_g),
      carrier: (so.carrier as string | null) ?? null,
      trackingNo: (so.tracking_no as string | null) ?? null,
      shippedOn: (so.shipped_on as string | null) ?? null,
      receivedAt: iso(so.received_at),
      evaluationRating: (so.evaluation_rating as number | null) ?? null,
      evaluationComment: (so.evaluation_comment as string | null) ?? null,
      lines: linesBySo.get(so.id as string) ?? [],
    }));
    return {
      id: o.id,
      number: o.number,
      organisationId: o.organisation_id,
      organisationName: o.organisation_name,
      status: o.status,
      paymentMethod: o.payment_method,
      paymentStatus: o.payment_status,
      deliverySite: { id: o.delivery_site_id, name: o.site_name, address: o.site_address, countyCode: o.site_county },
      deliveryDate: o.delivery_date,
      produceFen: Number(o.produce_fen),
      deliveryFeeFen: Number(o.delivery_fee_fen),
      totalFen: Number(o.total_fen),
      refundedFen: Number(o.refunded_fen),
      creditedFen: Number(o.credited_fen),
      currency: 'CNY',
      note: o.note,
      placedBy: o.placed_by,
      approvedBy: o.approved_by,
      paymentDueAt: iso(o.payment_due_at),
      createdAt: iso(o.created_at) as string,
      paidAt: iso(o.paid_at),
      completedAt: iso(o.completed_at),
      cancelledAt: iso(o.cancelled_at),
      cancelReason: o.cancel_reason,
      supplierOrders,
    };
  }

  async list(db: EntityManager, organisationId: string, status: string | undefined, page: number, pageSize: number): Promise<{ items: BuyerOrderSummary[]; total: number }> {
    const params: unknown[] = [organisationId];
    let where = 'bo.organisation_id = $1';
    if (status) {
      params.push(status);
      where += ` AND bo.status = $${params.length}`;
    }
    const [{ total }] = await db.query(`SELECT count(*)::int AS total FROM buyer_orders bo WHERE ${where}`, params);
    const rows: Array<Record<string, unknown>> = await db.query(
      `SELECT bo.id, bo.number, bo.status, bo.payment_method, bo.payment_status, bo.delivery_date, bo.total_fen, bo.created_at,
              (SELECT count(*)::int FROM supplier_orders so WHERE so.buyer_order_id = bo.id) AS supplier_count,
              (SELECT count(*)::int FROM order_lines ol WHERE ol.buyer_order_id = bo.id) AS line_count
         FROM buyer_orders bo WHERE ${where}
        ORDER BY bo.created_at DESC, bo.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      params,
    );
    return {
      total,
      items: rows.map((r) => ({
        id: r.id as string,
        number: r.number as string,
        status: r.status as string,
        paymentMethod: r.payment_method as string,
        paymentStatus: r.payment_status as string,
        deliveryDate: r.delivery_date as string,
        totalFen: Number(r.total_fen),
        supplierCount: r.supplier_count as number,
        lineCount: r.line_count as number,
        createdAt: iso(r.created_at) as string,
      })),
    };
  }
}
