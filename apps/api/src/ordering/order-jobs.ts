import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { ClaimJob, InvoiceJob, QUEUES, ReservationJob } from '@shanhai/persistence';

/**
 * Jobs that follow an order change, enqueued only after its transaction committed. If Redis is
 * down the change still stands: the worker's periodic sweeps (expired reservations, open claims,
 * draft invoices) pick up whatever was not enqueued.
 */
@Injectable()
export class OrderJobs {
  private readonly logger = new Logger(OrderJobs.name);

  constructor(
    @InjectQueue(QUEUES.reservations) private readonly reservations: Queue<ReservationJob>,
    @InjectQueue(QUEUES.claims) private readonly claims: Queue<ClaimJob>,
    @InjectQueue(QUEUES.invoices) private readonly invoices: Queue<InvoiceJob>,
  ) {}

  async expireAt(buyerOrderId: string, dueAt: Date): Promise<void> {
    await this.safely('reservation expiry', () =>
      this.reservations.add('expire', { kind: 'expire', buyerOrderId }, { jobId: `expire-${buyerOrderId}-${dueAt.getTime()}`, delay: Math.max(0, dueAt.getTime() - Date.now()), removeOnComplete: 1000, removeOnFail: 1000, attempts: 5, backoff: { type: 'exponential', delay: 1000 } }),
    );
  }

  async settleClaims(claimIds: readonly string[]): Promise<void> {
    if (claimIds.length === 0) return;
    await this.safely('claim settlement', () =>
      this.claims.addBulk(claimIds.map((claimId) => ({ name: 'settle', data: { claimId }, opts: { jobId: `claim-${claimId}`, removeOnComplete: 1000, removeOnFail: 1000, attempts: 8, backoff: { type: 'exponential', delay: 2000 } } }))),
    );
  }

  async issueInvoice(invoiceId: string): Promise<void> {
    await this.safely('invoice issue', () =>
      this.invoices.add('issue', { invoiceId }, { jobId: `invoice-${invoiceId}`, removeOnComplete: 1000, removeOnFail: 1000, attempts: 8, backoff: { type: 'exponential', delay: 2000 } }),
    );
  }

  private async safely(what: string, enqueue: () => Promise<unknown>): Promise<void> {
    try {
      // Never hold a buyer's request hostage to a Redis outage.
      await Promise.race([enqueue(), new Promise((_, reject) => setTimeout(() => reject(new Error('Redis did not answer within 2 s')), 2000).unref())]);
    } catch (err) {
      this.logger.warn({ err }, `could not enqueue ${what}; the worker's sweep will pick it up`);
    }
  }
}
