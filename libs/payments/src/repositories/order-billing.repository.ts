import { EntityManager } from 'typeorm';
import type { BillableOrderLine, BillableSupplierOrder } from '../billable-lines';

export interface OrderForBilling {
  readonly id: string;
  readonly number: string;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly status: string;
  readonly paymentMethod: string;
  readonly paymentStatus: string;
  readonly totalFen: number;
  readonly paymentDueAt: Date | null;
  readonly createdAt: Date;
  readonly lines: BillableOrderLine[];
  readonly supplierOrders: BillableSupplierOrder[];
}

/** An order as a bill: its lines and each cooperative's produce and delivery fee. */
export class OrderBillingRepository {
  async header(db: EntityManager, buyerOrderId: string, lock = false): Promise<Omit<OrderForBilling, 'lines' | 'supplierOrders'> | null> {
    const [o] = await db.query(
      `SELECT o.id, o.number, o.organisation_id, org.name AS organisation_name, o.status, o.payment_method, o.payment_status, o.total_fen, o.payment_due_at, o.created_at
         FROM buyer_orders o JOIN organisations org ON org.id = o.organisation_id WHERE o.id = $1 ${lock ? 'FOR UPDATE OF o' : ''}`,
      [buyerOrderId],
    );
    if (!o) return null;
    return {
      id: o.id,
      number: o.number,
      organisationId: o.organisation_id,
      organisationName: o.organisation_name,
      status: o.status,
      paymentMethod: o.payment_method,
      paymentStatus: o.payment_status,
      totalFen: Number(o.total_fen),
      paymentDueAt: o.payment_due_at ? new Date(o.payment_due_at) : null,
      createdAt: new Date(o.created_at),
    };
  }

  async get(db: EntityManager, buyerOrderId: string): Promise<OrderForBilling | null> {
    const header = await this.header(db, buyerOrderId);
    if (!header) return null;
    const lines: Array<Record<string, unknown>> = await db.query(
      `SELECT id, supplier_order_id, product_name_zh, product_name_en, packing_unit_zh, sku_code, quantity, unit_price_fen, line_fen
         FROM order_lines WHERE buyer_order_id = $1 ORDER BY line_no`,
      [buyerOrderId],
    );
    const sos: Array<Record<string, unknown>> = await db.query(
      `SELECT so.id, org.name AS supplier_name, so.produce_fen, so.delivery_fee_fen
         FROM supplier_orders so JOIN organisations org ON org.id = so.supplier_id WHERE so.buyer_order_id = $1
        ORDER BY (SELECT min(ol.line_no) FROM order_lines ol WHERE ol.supplier_order_id = so.id), so.id`,
      [buyerOrderId],
    );
    return {
      ...header,
      lines: lines.map((l) => ({
        id: l.id as string,
        supplierOrderId: l.supplier_order_id as string,
        productNameZh: l.product_name_zh as string,
        productNameEn: (l.product_name_en as string | null) ?? null,
        packingUnitZh: l.packing_unit_zh as string,
        skuCode: l.sku_code as string,
        quantity: Number(l.quantity),
        unitPriceFen: Number(l.unit_price_fen),
        lineFen: Number(l.line_fen),
      })),
      supplierOrders: sos.map((s) => ({ id: s.id as string, supplierName: s.supplier_name as string, produceFen: Number(s.produce_fen), deliveryFeeFen: Number(s.delivery_fee_fen) })),
    };
  }
}
