import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { BUYER_ORDER_TRANSITIONS, businessDay, canTransition, isMoneyOwedBack, supplierOrderAfterDecisions } from '@shanhai/domain';
import type { LineDecision } from '@shanhai/domain';
import type { SupplierOrderDetailView } from '@shanhai/contract';
import { OrderCompletionRepository, OutboxRepository, StockRepository } from '@shanhai/persistence';
import { AppError, FieldProblem, notFound } from '../common/app-error';
import { Principal } from '../identity/principal';
import { OrderJobs } from '../ordering/order-jobs';
import { illegalTransition, moveSupplierOrder, requireSupplierSide } from './fulfilment-access';
import { DecisionsDto } from './fulfilment.dto';
import { FulfilmentLine, LockedSupplierOrder, NewClaim, SupplierOrderRepository } from './supplier-order.repository';
import { SupplierOrderViewRepository } from './supplier-order-view.repository';
import { catalogVersion } from '../catalog/catalog-version';

const EVERY_COOPERATIVE_REJECTED = 'every cooperative rejected its part of the order';

interface Decided {
  readonly line: FulfilmentLine;
  readonly decision: LineDecision;
  readonly note: string | null;
}

/**
 * The cooperative accepts or rejects every line of a placed supplier order at once. Rejected lines
 * give their units back to their lots and become claims (refund or credit note, by the payments
 * side); a fully rejected supplier order also owes back its delivery fee.
 */
@Injectable()
export class DecisionService {
  private readonly stock = new StockRepository();
  private readonly completion = new OrderCompletionRepository();
  private readonly outbox = new OutboxRepository();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly orders: SupplierOrderRepository,
    private readonly views: SupplierOrderViewRepository,
    private readonly jobs: OrderJobs,
  ) {}

  async decide(principal: Principal, id: string, dto: DecisionsDto): Promise<SupplierOrderDetailView> {
    const ref = await this.orders.ref(this.db.manager, id);
    requireSupplierSide(principal, ref, id);
    const claimIds = await this.db.transaction(async (tx) => {
      const so = await this.orders.lock(tx, ref);
      if (!so) throw notFound('supplier order', id);
      if (so.status !== 'placed') {
        throw illegalTransition(so.status, 'accepted', so.status === 'pending' ? 'the buyer has not paid or been approved yet' : 'its lines are already decided');
      }
      const decided = matchDecisions(await this.orders.lines(tx, id), dto);
      const outcome = supplierOrderAfterDecisions(decided.map((d) => d.decision));
      moveSupplierOrder(so.status, outcome);

      await this.orders.decideLines(tx, id, decided.map((d) => ({ lineId: d.line.id, decision: d.decision })));
      const rejected = decided.filter((d) => d.decision === 'reject');
      await this.stock.release(tx, rejected.map((d) => d.line.id));
      await this.orders.setStatus(tx, id, outcome);
      const claimIds = await this.orders.addClaims(tx, this.claimsFor(so, rejected, outcome === 'rejected'));

      if (outcome === 'rejected' && (await this.orders.statusesOf(tx, so.buyerOrder.id)).every((s) => s === 'rejected')) {
        await this.closeBuyerOrder(tx, so);
      } else {
        // A rejection may settle the last open supplier order of an otherwise received order.
        await this.completion.tryComplete(tx, so.buyerOrder.id);
      }
      return claimIds;
    });
    catalogVersion.bump();
    await this.jobs.settleClaims(claimIds);
    return (await this.views.detail(this.db.manager, id))!;
  }

  private claimsFor(so: LockedSupplierOrder, rejected: readonly Decided[], wholeOrder: boolean): NewClaim[] {
    if (!isMoneyOwedBack(so.buyerOrder.paymentStatus, so.buyerOrder.paymentMethod)) return [];
    const base = { buyerOrderId: so.buyerOrder.id, supplierOrderId: so.id };
    const claims: NewClaim[] = rejected.map((d) => ({ ...base, orderLineId: d.line.id, reason: 'rejected', quantity: d.line.quantity, amountFen: d.line.lineFen, note: d.note }));
    if (wholeOrder && so.deliveryFeeFen > 0) {
      claims.push({ ...base, orderLineId: null, reason: 'delivery_fee', quantity: 0, amountFen: so.deliveryFeeFen, note: 'every line rejected by the cooperative' });
    }
    return claims;
  }

  /**
   * When every cooperative has rejected its part nothing will ever be delivered, and an order with
   * nothing received can never complete: the buyer order is cancelled, so it leaves the pipeline
   * with an `order.cancelled` event. Its stock is already back in the lots and every line and fee
   * already has its claim, so nothing else is owed twice.
   */
  private async closeBuyerOrder(tx: EntityManager, so: LockedSupplierOrder): Promise<void> {
    // A placed supplier order implies an open buyer order; anything else has been closed already.
    if (!canTransition(BUYER_ORDER_TRANSITIONS, so.buyerOrder.status, 'cancelled')) return;
    await this.orders.cancelBuyerOrder(tx, so.buyerOrder.id, EVERY_COOPERATIVE_REJECTED);
    await this.outbox.add(tx, {
      type: 'order.cancelled',
      aggregateId: so.buyerOrder.id,
      businessDay: businessDay(),
      payload: { buyerOrderId: so.buyerOrder.id, reason: EVERY_COOPERATIVE_REJECTED, previousStatus: so.buyerOrder.status, paymentStatus: so.buyerOrder.paymentStatus },
    });
  }
}

/** Every line of the supplier order decided exactly once; anything else is a 400 naming the entry. */
function matchDecisions(lines: readonly FulfilmentLine[], dto: DecisionsDto): Decided[] {
  const byId = new Map(lines.map((l) => [l.id, l]));
  const seen = new Map<string, number>();
  const problems: FieldProblem[] = [];
  const decided: Decided[] = [];
  dto.lines.forEach((d, i) => {
    const line = byId.get(d.lineId);
    if (!line) problems.push({ field: `lines[${i}].lineId`, reason: 'not a line of this supplier order' });
    else if (seen.has(d.lineId)) problems.push({ field: `lines[${i}].lineId`, reason: `already decided in lines[${seen.get(d.lineId)}]` });
    else decided.push({ line, decision: d.decision, note: d.note ?? null });
    seen.set(d.lineId, i);
  });
  const missing = lines.filter((l) => !seen.has(l.id));
  if (missing.length > 0) {
    problems.push({ field: 'lines', reason: `every line must be decided; missing ${missing.slice(0, 10).map((l) => `line ${l.lineNo} (${l.skuCode}, id ${l.id})`).join(', ')}` });
  }
  if (problems.length > 0) throw new AppError(400, 'VALIDATION_FAILED', problems.slice(0, 20).map((p) => `${p.field}: ${p.reason}`).join('; '), problems.slice(0, 20));
  return decided;
}
