import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isMoneyOwedBack, receiptClaims, receiptProblem } from '@shanhai/domain';
import type { SupplierOrderDetailView } from '@shanhai/contract';
import { OrderCompletionRepository } from '@shanhai/persistence';
import { AppError, FieldProblem, notFound } from '../common/app-error';
import { Principal } from '../identity/principal';
import { OrderJobs } from '../ordering/order-jobs';
import { moveSupplierOrder, requireReceivingSide } from './fulfilment-access';
import { ReceiptDto } from './fulfilment.dto';
import { FulfilmentLine, LineReceipt, LockedSupplierOrder, NewClaim, SupplierOrderRepository } from './supplier-order.repository';
import { SupplierOrderViewRepository } from './supplier-order-view.repository';

/**
 * The buyer records what arrived for every accepted line of a shipped supplier order. Short and
 * damaged units become claims at the line's unit price (refund for card and wallet, credit note for
 * invoice: the payments side settles them); then the order may complete.
 */
@Injectable()
export class ReceiptService {
  private readonly completion = new OrderCompletionRepository();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly orders: SupplierOrderRepository,
    private readonly views: SupplierOrderViewRepository,
    private readonly jobs: OrderJobs,
  ) {}

  async receive(principal: Principal, id: string, dto: ReceiptDto): Promise<SupplierOrderDetailView> {
    const ref = await this.orders.ref(this.db.manager, id);
    requireReceivingSide(principal, ref, id);
    const claimIds = await this.db.transaction(async (tx) => {
      // The lock makes a second, concurrent submission wait and then find the order received (409).
      const so = await this.orders.lock(tx, ref);
      if (!so) throw notFound('supplier order', id);
      moveSupplierOrder(so.status, 'received');
      const lines = await this.orders.lines(tx, id);
      const receipts = matchReceipts(lines, dto);
      await this.orders.recordReceipt(tx, id, receipts.map((r) => r.receipt), new Date());
      const claimIds = await this.orders.addClaims(tx, claimsFor(so, receipts));
      await this.completion.tryComplete(tx, so.buyerOrder.id);
      return claimIds;
    });
    await this.jobs.settleClaims(claimIds);
    return (await this.views.detail(this.db.manager, id))!;
  }
}

interface MatchedReceipt {
  readonly line: FulfilmentLine;
  readonly receipt: LineReceipt;
}

function claimsFor(so: LockedSupplierOrder, receipts: readonly MatchedReceipt[]): NewClaim[] {
  if (!isMoneyOwedBack(so.buyerOrder.paymentStatus, so.buyerOrder.paymentMethod)) return [];
  return receipts.flatMap(({ line, receipt }) =>
    receiptClaims(line.unitPriceFen, receipt).map((c) => ({ buyerOrderId: so.buyerOrder.id, supplierOrderId: so.id, orderLineId: line.id, ...c, note: receipt.note })),
  );
}

/** One entry for every accepted line, none for rejected or foreign lines, and quantities that add up. */
function matchReceipts(lines: readonly FulfilmentLine[], dto: ReceiptDto): MatchedReceipt[] {
  const byId = new Map(lines.map((l) => [l.id, l]));
  const seen = new Map<string, number>();
  const problems: FieldProblem[] = [];
  const matched: MatchedReceipt[] = [];
  dto.lines.forEach((r, i) => {
    const line = byId.get(r.lineId);
    if (!line) problems.push({ field: `lines[${i}].lineId`, reason: 'not a line of this supplier order' });
    else if (line.status !== 'accepted') problems.push({ field: `lines[${i}].lineId`, reason: 'the cooperative rejected this line; there is nothing to receive' });
    else if (seen.has(r.lineId)) problems.push({ field: `lines[${i}].lineId`, reason: `already received in lines[${seen.get(r.lineId)}]` });
    else {
      const problem = receiptProblem(line.quantity, r);
      if (problem) problems.push({ field: `lines[${i}].acceptedQuantity`, reason: `${line.skuCode}: ${problem}` });
      else matched.push({ line, receipt: { lineId: line.id, acceptedQuantity: r.acceptedQuantity, shortQuantity: r.shortQuantity, damagedQuantity: r.damagedQuantity, note: r.note ?? null } });
    }
    seen.set(r.lineId, i);
  });
  const missing = lines.filter((l) => l.status === 'accepted' && !seen.has(l.id));
  if (missing.length > 0) {
    problems.push({ field: 'lines', reason: `every accepted line must be received; missing ${missing.slice(0, 10).map((l) => `line ${l.lineNo} (${l.skuCode}, id ${l.id})`).join(', ')}` });
  }
  if (problems.length > 0) throw new AppError(400, 'VALIDATION_FAILED', problems.slice(0, 20).map((p) => `${p.field}: ${p.reason}`).join('; '), problems.slice(0, 20));
  return matched;
}
