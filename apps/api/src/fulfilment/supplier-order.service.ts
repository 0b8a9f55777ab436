import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PickListView, SupplierOrderDetailView, SupplierOrderSummary } from '@shanhai/contract';
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

  async pickList(principal: Principal, supplierId: string, query: PickListQueryDto): Promise<PickListView> {
    resolveSupplierOrg(principal, supplierId);
    return this.views.pickList(this.db.manager, supplierId, query.deliveryDate);
  }
}
