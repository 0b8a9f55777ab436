import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { SupplierOrderDetailView } from '@shanhai/contract';
import { OrderCompletionRepository } from '@shanhai/persistence';
import { conflict, notFound } from '../common/app-error';
import { Principal } from '../identity/principal';
import { requireReceivingSide } from './fulfilment-access';
import { EvaluationDto } from './fulfilment.dto';
import { SupplierOrderRepository } from './supplier-order.repository';
import { SupplierOrderViewRepository } from './supplier-order-view.repository';

/** The buyer rates a received supplier order once; where the jurisdiction asks for it, completion waits for this. */
@Injectable()
export class EvaluationService {
  private readonly completion = new OrderCompletionRepository();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly orders: SupplierOrderRepository,
    private readonly views: SupplierOrderViewRepository,
  ) {}

  async evaluate(principal: Principal, id: string, dto: EvaluationDto): Promise<SupplierOrderDetailView> {
    const ref = await this.orders.ref(this.db.manager, id);
    requireReceivingSide(principal, ref, id);
    await this.db.transaction(async (tx) => {
      const so = await this.orders.lock(tx, ref);
      if (!so) throw notFound('supplier order', id);
      if (so.status !== 'received') {
        throw conflict('NOT_RECEIVED', `a supplier order that is ${so.status} cannot be evaluated: record its receipt first`, { currentStatus: so.status });
      }
      if (so.evaluatedAt) {
        throw conflict('ALREADY_EVALUATED', 'this supplier order has already been evaluated; an evaluation is given once', { currentStatus: so.status, evaluatedAt: so.evaluatedAt.toISOString() });
      }
      await this.orders.recordEvaluation(tx, id, dto.rating, dto.comment?.trim() || null, new Date());
      await this.completion.tryComplete(tx, so.buyerOrder.id);
    });
    return (await this.views.detail(this.db.manager, id))!;
  }
}
