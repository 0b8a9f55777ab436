import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { businessDay, shipmentDateProblem } from '@shanhai/domain';
import type { SupplierOrderDetailView } from '@shanhai/contract';
import { invalid, notFound } from '../common/app-error';
import { Principal } from '../identity/principal';
import { moveSupplierOrder, requireSupplierSide } from './fulfilment-access';
import { ShipmentDto } from './fulfilment.dto';
import { SupplierOrderRepository } from './supplier-order.repository';
import { SupplierOrderViewRepository } from './supplier-order-view.repository';

/** The cooperative ships an accepted supplier order: carrier, tracking number and the day it left. */
@Injectable()
export class ShipmentService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly orders: SupplierOrderRepository,
    private readonly views: SupplierOrderViewRepository,
  ) {}

  async ship(principal: Principal, id: string, dto: ShipmentDto): Promise<SupplierOrderDetailView> {
    const ref = await this.orders.ref(this.db.manager, id);
    requireSupplierSide(principal, ref, id);
    await this.db.transaction(async (tx) => {
      const so = await this.orders.lock(tx, ref);
      if (!so) throw notFound('supplier order', id);
      moveSupplierOrder(so.status, 'shipped');
      const problem = shipmentDateProblem(dto.shippedOn, businessDay(), businessDay(so.buyerOrder.createdAt));
      if (problem) throw invalid('shippedOn', problem);
      await this.orders.recordShipment(tx, id, { carrier: dto.carrier.trim(), trackingNo: dto.trackingNo.trim(), shippedOn: dto.shippedOn });
    });
    return (await this.views.detail(this.db.manager, id))!;
  }
}
