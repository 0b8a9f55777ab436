import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { ClaimJob, OrderCancellationRepository, QUEUES, ReservationJob } from '@shanhai/persistence';

export interface ExpiryResult {
  readonly expired: string[];
}

/**
 * Releases the stock of orders whose payment or approval deadline passed. `expire` handles one
 * order at its deadline (a delayed job); `sweep` (repeating) catches any whose delayed job was lost.
 * Idempotent by construction: the cancellation re-checks the status under a row lock.
 */
@Processor(QUEUES.reservations)
export class ReservationExpiryProcessor extends WorkerHost {
  private readonly logger = new Logger(ReservationExpiryProcessor.name);
  private readonly cancellation = new OrderCancellationRepository();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.claims) private readonly claims: Queue<ClaimJob>,
  ) {
    super();
  }

  async process(job: Job<ReservationJob>): Promise<ExpiryResult> {
    const now = new Date();
    const ids = job.data.kind === 'expire' ? [job.data.buyerOrderId] : await this.cancellation.dueForExpiry(this.db.manager, now);
    const expired: string[] = [];
    for (const id of ids) {
      const claimIds = await this.db.transaction(async (tx) => {
        const [order] = await tx.query(`SELECT payment_due_at FROM buyer_orders WHERE id = $1`, [id]);
        // A delayed job can run early after a clock change, or for an order whose deadline was extended (approval).
        if (!order?.payment_due_at || new Date(order.payment_due_at) > now) return null;
        const outcome = await this.cancellation.cancel(tx, id, 'reservation expired: not paid or approved in time', ['awaiting_payment', 'pending_approval']);
        return outcome?.cancelled ? outcome.claimIds : null;
      });
      if (claimIds) {
        expired.push(id);
        if (claimIds.length) await this.claims.addBulk(claimIds.map((claimId) => ({ name: 'settle', data: { claimId }, opts: { jobId: `claim-${claimId}` } })));
      }
    }
    if (expired.length) this.logger.log({ expired: expired.length }, 'released expired reservations');
    return { expired };
  }
}
