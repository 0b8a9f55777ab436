import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { BuyerOrderStatus, ClaimReason, LineDecision, PaymentMethod, SupplierOrderStatus } from '@shanhai/domain';

/** Who a supplier order belongs to; read without locks to decide who may touch it. */
export interface SupplierOrderRef {
  readonly id: string;
  readonly supplierId: string;
  readonly buyerOrderId: string;
  readonly buyerOrganisationId: string;
}

export interface LockedSupplierOrder {
  readonly id: string;
  readonly status: SupplierOrderStatus;
  readonly deliveryFeeFen: number;
  readonly evaluatedAt: Date | null;
  readonly buyerOrder: {
    readonly id: string;
    readonly status: BuyerOrderStatus;
    readonly paymentStatus: string;
    readonly paymentMethod: PaymentMethod;
    readonly createdAt: Date;
  };
}

export interface FulfilmentLine {
  readonly id: string;
  readonly lineNo: number;
  readonly skuCode: string;
  readonly quantity: number;
  readonly unitPriceFen: number;
  readonly lineFen: number;
  readonly status: 'pending' | 'accepted' | 'rejected';
}

export interface LineRef {
  readonly lineId: string;
  readonly lineStatus: 'pending' | 'accepted' | 'rejected';
  readonly receiptPhotoKey: string | null;
  readonly supplierOrderStatus: SupplierOrderStatus;
  readonly order: SupplierOrderRef;
}

export interface LineReceipt {
  readonly lineId: string;
  readonly acceptedQuantity: number;
  readonly shortQuantity: number;
  readonly damagedQuantity: number;
  readonly note: string | null;
}

export interface NewClaim {
  readonly buyerOrderId: string;
  readonly supplierOrderId: string;
  readonly orderLineId: string | null;
  readonly reason: ClaimReason;
  readonly quantity: number;
  readonly amountFen: number;
  readonly note: string | null;
}

interface RefRow {
  id: string;
  supplier_id: string;
  buyer_order_id: string;
  organisation_id: string;
}

/** The SQL of fulfilment's writes: locks, line decisions, shipment, receipt, evaluation, claims. */
@Injectable()
export class SupplierOrderRepository {
  async ref(db: EntityManager, supplierOrderId: string): Promise<SupplierOrderRef | null> {
    const [row]: RefRow[] = await db.query(
      `SELECT so.id, so.supplier_id, so.buyer_order_id, bo.organisation_id
         FROM supplier_orders so JOIN buyer_orders bo ON bo.id = so.buyer_order_id WHERE so.id = $1`,
      [supplierOrderId],
    );
    return row ? toRef(row) : null;
  }

  async lineRef(db: EntityManager, lineId: string): Promise<LineRef | null> {
    const [row]: Array<RefRow & { line_id: string; line_status: LineRef['lineStatus']; receipt_photo_key: string | null; so_status: SupplierOrderStatus }> = await db.query(
      `SELECT ol.id AS line_id, ol.status AS line_status, ol.receipt_photo_key, so.status AS so_status, so.id, so.supplier_id, so.buyer_order_id, bo.organisation_id
         FROM order_lines ol JOIN supplier_orders so ON so.id = ol.supplier_order_id JOIN buyer_orders bo ON bo.id = so.buyer_order_id
        WHERE ol.id = $1`,
      [lineId],
    );
    return row
      ? { lineId: row.line_id, lineStatus: row.line_status, receiptPhotoKey: row.receipt_photo_key, supplierOrderStatus: row.so_status, order: toRef(row) }
      : null;
  }

  /**
   * Locks the buyer order, then the supplier order: the same order as payment, cancellation and
   * completion take, so fulfilment never deadlocks with them, and two submissions for one supplier
   * order run one after the other.
   */
  async lock(tx: EntityManager, ref: SupplierOrderRef): Promise<LockedSupplierOrder | null> {
    const [bo]: Array<{ id: string; status: BuyerOrderStatus; payment_status: string; payment_method: PaymentMethod; created_at: Date }> = await tx.query(
      `SELECT id, status, payment_status, payment_method, created_at FROM buyer_orders WHERE id = $1 FOR UPDATE`,
      [ref.buyerOrderId],
    );
    const [so]: Array<{ id: string; status: SupplierOrderStatus; delivery_fee_fen: string; evaluated_at: Date | null }> = await tx.query(
      `SELECT id, status, delivery_fee_fen, evaluated_at FROM supplier_orders WHERE id = $1 FOR UPDATE`,
      [ref.id],
    );
    if (!bo || !so) return null;
    return {
      id: so.id,
      status: so.status,
      deliveryFeeFen: Number(so.delivery_fee_fen),
      evaluatedAt: so.evaluated_at,
      buyerOrder: { id: bo.id, status: bo.status, paymentStatus: bo.payment_status, paymentMethod: bo.payment_method, createdAt: bo.created_at },
    };
  }

  async lines(tx: EntityManager, supplierOrderId: string): Promise<FulfilmentLine[]> {
    const rows: Array<{ id: string; line_no: number; sku_code: string; quantity: number; unit_price_fen: string; line_fen: string; status: FulfilmentLine['status'] }> =
      await tx.query(`SELECT id, line_no, sku_code, quantity, unit_price_fen, line_fen, status FROM order_lines WHERE supplier_order_id = $1 ORDER BY line_no`, [
        supplierOrderId,
      ]);
    return rows.map((r) => ({ id: r.id, lineNo: r.line_no, skuCode: r.sku_code, quantity: r.quantity, unitPriceFen: Number(r.unit_price_fen), lineFen: Number(r.line_fen), status: r.status }));
  }

  async decideLines(tx: EntityManager, supplierOrderId: string, decisions: ReadonlyArray<{ lineId: string; decision: LineDecision }>): Promise<void> {
    await tx.query(
      `UPDATE order_lines ol SET status = CASE d.decision WHEN 'accept' THEN 'accepted' ELSE 'rejected' END
         FROM unnest($2::uuid[], $3::text[]) AS d(id, decision)
        WHERE ol.id = d.id AND ol.supplier_order_id = $1`,
      [supplierOrderId, decisions.map((d) => d.lineId), decisions.map((d) => d.decision)],
    );
  }

  async setStatus(tx: EntityManager, supplierOrderId: string, status: SupplierOrderStatus): Promise<void> {
    await tx.query(`UPDATE supplier_orders SET status = $2 WHERE id = $1`, [supplierOrderId, status]);
  }

  async recordShipment(tx: EntityManager, supplierOrderId: string, shipment: { carrier: string; trackingNo: string; shippedOn: string }): Promise<void> {
    await tx.query(`UPDATE supplier_orders SET status = 'shipped', carrier = $2, tracking_no = $3, shipped_on = $4 WHERE id = $1`, [
      supplierOrderId,
      shipment.carrier,
      shipment.trackingNo,
      shipment.shippedOn,
    ]);
  }

  async recordReceipt(tx: EntityManager, supplierOrderId: string, receipts: readonly LineReceipt[], at: Date): Promise<void> {
    await tx.query(
      `UPDATE order_lines ol
          SET received_quantity = r.accepted, short_quantity = r.short, damaged_quantity = r.damaged, receipt_note = r.note, received_at = $3
         FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, accepted int, short int, damaged int, note text)
        WHERE ol.id = r.id AND ol.supplier_order_id = $1`,
      [
        supplierOrderId,
        JSON.stringify(receipts.map((r) => ({ id: r.lineId, accepted: r.acceptedQuantity, short: r.shortQuantity, damaged: r.damagedQuantity, note: r.note }))),
        at,
      ],
    );
    await tx.query(`UPDATE supplier_orders SET status = 'received', received_at = $2 WHERE id = $1`, [supplierOrderId, at]);
  }

  async recordEvaluation(tx: EntityManager, supplierOrderId: string, rating: number, comment: string | null, at: Date): Promise<void> {
    await tx.query(`UPDATE supplier_orders SET evaluation_rating = $2, evaluation_comment = $3, evaluated_at = $4 WHERE id = $1`, [supplierOrderId, rating, comment, at]);
  }

  async setReceiptPhoto(db: EntityManager, lineId: string, key: string): Promise<void> {
    await db.query(`UPDATE order_lines SET receipt_photo_key = $2 WHERE id = $1`, [lineId, key]);
  }

  /** The statuses of every supplier order of a buyer order (the caller holds the buyer order's lock). */
  async statusesOf(tx: EntityManager, buyerOrderId: string): Promise<SupplierOrderStatus[]> {
    const rows: Array<{ status: SupplierOrderStatus }> = await tx.query(`SELECT status FROM supplier_orders WHERE buyer_order_id = $1`, [buyerOrderId]);
    return rows.map((r) => r.status);
  }

  /** Claims are settled by the payments side (refund or credit note); this only records what is owed. */
  async addClaims(tx: EntityManager, claims: readonly NewClaim[]): Promise<string[]> {
    if (claims.length === 0) return [];
    const rows: Array<{ id: string }> = await tx.query(
      `INSERT INTO claims (buyer_order_id, supplier_order_id, order_line_id, reason, quantity, amount_fen, note)
       SELECT bo, so, line, reason, quantity, amount, note
         FROM jsonb_to_recordset($1::jsonb) AS c(bo uuid, so uuid, line uuid, reason text, quantity int, amount bigint, note text)
       RETURNING id`,
      [
        JSON.stringify(
          claims.map((c) => ({ bo: c.buyerOrderId, so: c.supplierOrderId, line: c.orderLineId, reason: c.reason, quantity: c.quantity, amount: c.amountFen, note: c.note })),
        ),
      ],
    );
    return rows.map((r) => r.id);
  }

  async cancelBuyerOrder(tx: EntityManager, buyerOrderId: string, reason: string): Promise<void> {
    await tx.query(`UPDATE buyer_orders SET status = 'cancelled', cancelled_at = now(), cancel_reason = $2, payment_due_at = NULL WHERE id = $1`, [buyerOrderId, reason]);
  }
}

function toRef(row: RefRow): SupplierOrderRef {
  return { id: row.id, supplierId: row.supplier_id, buyerOrderId: row.buyer_order_id, buyerOrganisationId: row.organisation_id };
}
