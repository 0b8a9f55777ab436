import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { BuyerOrderSummary, BuyerOrderView, ClaimView, CreditNoteView, OrderInvoiceView, OrderLineView, RefundView, SupplierOrderView } from '@shanhai/contract';

const iso = (v: unknown): string | null => (v ? new Date(v as string).toISOString() : null);

const UNPAID_INVOICE = ['draft', 'open', 'uncollectible'];

/**
 * Reads orders as the API shows them: the buyer order with its supplier orders, lines and the lots behind each
 * line, and what was given back (claims, refunds, credit notes) and the invoice.
 */
@Injectable()
export class OrderViewRepository {
  /** `onlySupplierId` narrows the supplier orders to one cooperative's (what a supplier may see). */
  async get(db: EntityManager, orderId: string, onlySupplierId?: string): Promise<BuyerOrderView | null> {
    const [o] = await db.query(
      `SELECT bo.*, org.name AS organisation_name, s.name AS site_name, s.address AS site_address, s.county_code AS site_county,
              placer.display_name AS placed_by_name, approver.display_name AS approved_by_name
         FROM buyer_orders bo JOIN organisations org ON org.id = bo.organisation_id JOIN delivery_sites s ON s.id = bo.delivery_site_id
         LEFT JOIN users placer ON placer.id = bo.placed_by
         LEFT JOIN users approver ON approver.id = bo.approved_by
        WHERE bo.id = $1`,
      [orderId],
    );
    if (!o) return null;
    const sos: Array<Record<string, unknown>> = await db.query(
      `SELECT so.*, org.name AS supplier_name, org.name_en AS supplier_name_en FROM supplier_orders so JOIN organisations org ON org.id = so.supplier_id
        WHERE so.buyer_order_id = $1 ${onlySupplierId ? 'AND so.supplier_id = $2' : ''} ORDER BY org.name, so.id`,
      onlySupplierId ? [orderId, onlySupplierId] : [orderId],
    );
    // Orders keep the Chinese packing unit as it was; the English one is read from the SKU as it is now.
    const lines: Array<Record<string, unknown>> = await db.query(
      `SELECT ol.*, sku.packing_unit_en FROM order_lines ol LEFT JOIN skus sku ON sku.id = ol.sku_id
        WHERE ol.buyer_order_id = $1 ORDER BY ol.line_no`,
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
        packingUnitEn: (l.packing_unit_en as string | null) ?? null,
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
        receiptNote: (l.receipt_note as string | null) ?? null,
        receiptPhotoUrl: l.receipt_photo_key ? `/api/order-lines/${l.id as string}/receipt-photo` : null,
      });
      linesBySo.set(l.supplier_order_id as string, list);
    }
    const supplierOrders: SupplierOrderView[] = sos.map((so) => ({
      id: so.id as string,
      buyerOrderId: orderId,
      supplierId: so.supplier_id as string,
      supplierName: so.supplier_name as string,
      supplierNameEn: (so.supplier_name_en as string | null) ?? null,
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
    const money = await this.moneyBack(db, orderId, onlySupplierId ? supplierOrders.map((so) => so.id) : null);
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
      placedByName: o.placed_by_name ?? null,
      approvedByName: o.approved_by_name ?? null,
      approvedAt: iso(o.approved_at),
      supplierOrders,
      ...money,
    };
  }

  /**
   * Claims, refunds, credit notes and the invoice of an order. `onlySupplierOrderIds` narrows them to a
   * cooperative's part: its claims and what settled them, and no invoice (that is the buyer's whole order).
   */
  private async moneyBack(
    db: EntityManager,
    orderId: string,
    onlySupplierOrderIds: string[] | null,
  ): Promise<{ claims: ClaimView[]; refunds: RefundView[]; creditNotes: CreditNoteView[]; invoice: OrderInvoiceView | null }> {
    const claimRows: Array<Record<string, unknown>> = await db.query(
      `SELECT id, supplier_order_id, order_line_id, reason, quantity, amount_fen, status, note, created_at, settled_at
         FROM claims WHERE buyer_order_id = $1 AND ($2::uuid[] IS NULL OR supplier_order_id = ANY($2::uuid[]))
        ORDER BY created_at, id`,
      [orderId, onlySupplierOrderIds],
    );
    const claims: ClaimView[] = claimRows.map((c) => ({
      id: c.id as string,
      supplierOrderId: c.supplier_order_id as string,
      orderLineId: (c.order_line_id as string | null) ?? null,
      reason: c.reason as ClaimView['reason'],
      quantity: c.quantity as number,
      amountFen: Number(c.amount_fen),
      status: c.status as string,
      note: (c.note as string | null) ?? null,
      createdAt: iso(c.created_at) as string,
      settledAt: iso(c.settled_at),
    }));
    const claimIds = claims.map((c) => c.id);
    const narrowed = onlySupplierOrderIds !== null;
    const refundRows: Array<Record<string, unknown>> = await db.query(
      `SELECT id, claim_id, amount_fen, status, reason, created_at, settled_at FROM refunds
        WHERE buyer_order_id = $1 AND (NOT $2::boolean OR claim_id = ANY($3::uuid[])) ORDER BY created_at, id`,
      [orderId, narrowed, claimIds],
    );
    const noteRows: Array<Record<string, unknown>> = await db.query(
      `SELECT cn.id, cn.invoice_id, cn.claim_id, cn.amount_fen, cn.reason, cn.created_at
         FROM credit_notes cn JOIN invoices i ON i.id = cn.invoice_id
        WHERE i.buyer_order_id = $1 AND (NOT $2::boolean OR cn.claim_id = ANY($3::uuid[])) ORDER BY cn.created_at, cn.id`,
      [orderId, narrowed, claimIds],
    );
    const [inv]: Array<Record<string, unknown>> = narrowed
      ? []
      : await db.query(`SELECT id, status, number, amount_fen, credited_fen, due_date::text AS due_date FROM invoices WHERE buyer_order_id = $1`, [orderId]);
    return {
      claims,
      refunds: refundRows.map((r) => ({
        id: r.id as string,
        claimId: (r.claim_id as string | null) ?? null,
        amountFen: Number(r.amount_fen),
        status: r.status as string,
        reason: r.reason as string,
        createdAt: iso(r.created_at) as string,
        settledAt: iso(r.settled_at),
      })),
      creditNotes: noteRows.map((n) => ({
        id: n.id as string,
        invoiceId: n.invoice_id as string,
        claimId: n.claim_id as string,
        amountFen: Number(n.amount_fen),
        reason: n.reason as string,
        createdAt: iso(n.created_at) as string,
      })),
      invoice: inv
        ? {
            id: inv.id as string,
            status: inv.status as string,
            number: (inv.number as string | null) ?? null,
            amountFen: Number(inv.amount_fen),
            creditedFen: Number(inv.credited_fen),
            amountDueFen: UNPAID_INVOICE.includes(inv.status as string) ? Number(inv.amount_fen) - Number(inv.credited_fen) : 0,
            dueDate: (inv.due_date as string | null) ?? null,
          }
        : null,
    };
  }

  /** Newest first; the approver's queue (`pending_approval`) with the order that lapses soonest first. */
  async list(db: EntityManager, organisationId: string, status: string | undefined, page: number, pageSize: number): Promise<{ items: BuyerOrderSummary[]; total: number }> {
    const params: unknown[] = [organisationId];
    let where = 'bo.organisation_id = $1';
    if (status) {
      params.push(status);
      where += ` AND bo.status = $${params.length}`;
    }
    const [{ total }] = await db.query(`SELECT count(*)::int AS total FROM buyer_orders bo WHERE ${where}`, params);
    const rows: Array<Record<string, unknown>> = await db.query(
      `SELECT bo.id, bo.number, bo.status, bo.payment_method, bo.payment_status, bo.delivery_date, bo.total_fen, bo.produce_fen, bo.created_at,
              bo.payment_due_at, u.display_name AS placed_by_name, s.name AS site_name,
              (SELECT count(*)::int FROM supplier_orders so WHERE so.buyer_order_id = bo.id) AS supplier_count,
              (SELECT count(*)::int FROM order_lines ol WHERE ol.buyer_order_id = bo.id) AS line_count
         FROM buyer_orders bo JOIN delivery_sites s ON s.id = bo.delivery_site_id LEFT JOIN users u ON u.id = bo.placed_by
        WHERE ${where}
        ORDER BY ${status === 'pending_approval' ? 'bo.payment_due_at ASC NULLS LAST, ' : ''}bo.created_at DESC, bo.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
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
        produceFen: Number(r.produce_fen),
        supplierCount: r.supplier_count as number,
        lineCount: r.line_count as number,
        createdAt: iso(r.created_at) as string,
        placedByName: (r.placed_by_name as string | null) ?? null,
        deliverySiteName: r.site_name as string,
        paymentDueAt: iso(r.payment_due_at),
      })),
    };
  }
}
