import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PickListView, SupplierBuyerView, SupplierOrderDetailView, SupplierOrderSummary } from '@shanhai/contract';
import { notFound } from '../common/app-error';
import { Principal } from '../identity/principal';
import { canRead, resolveSupplierOrg } from './fulfilment-access';
import { PickListQueryDto, SupplierOrderQueryDto } from './fulfilment.dto';
import { SupplierOrderRepository } from './supplier-order.repository';
import { SupplierOrderViewRepository } from './supplier-order-view.repository';

/** Reading supplier orders: a cooperative's list and pick list, and one order for either side. */
@Injectable()
export class SupplierOrderService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly orders: SupplierOrderRepository,
    private readonly views: SupplierOrderViewRepository,
  ) {}

  async list(principal: Principal, query: SupplierOrderQueryDto): Promise<{ items: SupplierOrderSummary[]; total: number; page: number; pageSize: number }> {
    const supplierId = resolveSupplierOrg(principal, query.supplierId);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const { items, total } = await this.views.list(this.db.manager, supplierId, { status: query.status, deliveryDate: query.deliveryDate, page, pageSize });
    return { items, total, page, pageSize };
  }

  async get(principal: Principal, id: string): Promise<SupplierOrderDetailView> {
    const ref = await this.orders.ref(this.db.manager, id);
    if (!ref || !canRead(principal, ref)) throw notFound('supplier order', id);
    const view = await this.views.detail(this.db.manager, id);
    if (!view) throw notFound('supplier order', id);
    return view;
  }

  /**
   * The buyer organisations a cooperative trades with: every buyer with a supplier order, an agreement or a
   * commitment with it, most recent order first. Whom it may propose an agreement to, and a customer list.
   */
  async buyers(principal: Principal, supplierId: string): Promise<SupplierBuyerView[]> {
    resolveSupplierOrg(principal, supplierId);
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `WITH partners AS (
         SELECT bo.organisation_id AS id, count(*)::int AS orders, 0 AS agreements, 0 AS commitments, max(so.created_at) AS last_order_at
           FROM supplier_orders so JOIN buyer_orders bo ON bo.id = so.buyer_order_id WHERE so.supplier_id = $1 GROUP BY 1
         UNION ALL SELECT a.buyer_id, 0, count(*)::int, 0, NULL FROM agreements a WHERE a.supplier_id = $1 GROUP BY 1
         UNION ALL SELECT c.organisation_id, 0, 0, count(*)::int, NULL FROM commitments c WHERE c.supplier_id = $1 GROUP BY 1)
       SELECT o.id, o.name, o.name_en AS "nameEn", o.buyer_type AS "buyerType", sum(p.orders)::int AS orders, sum(p.agreements)::int AS agreements,
              sum(p.commitments)::int AS commitments, max(p.last_order_at) AS "lastOrderAt"
         FROM partners p JOIN organisations o ON o.id = p.id AND o.kind = 'buyer'
        GROUP BY o.id
        ORDER BY max(p.last_order_at) DESC NULLS LAST, o.name
        LIMIT 1000`,
      [supplierId],
    );
    return rows.map((r) => ({ ...r, lastOrderAt: r.lastOrderAt ? new Date(r.lastOrderAt as string).toISOString() : null }) as SupplierBuyerView);
  }

  async pickList(principal: Principal, supplierId: string, query: PickListQueryDto): Promise<PickListView> {
    resolveSupplierOrg(principal, supplierId);
    return this.views.pickList(this.db.manager, supplierId, query.deliveryDate);
  }
}
