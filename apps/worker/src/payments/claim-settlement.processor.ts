import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { ClaimJob, QUEUES } from '@shanhai/persistence';
import { ClaimResult, PaymentsCore } from '@shanhai/payments';
import { PAYMENTS_CORE } from './payments-core.provider';

export interface ClaimJobResult {
  readonly settled: ClaimResult[];
  readonly refundsRetried?: number;
}

/** Claims older than this are the sweep's: younger ones still have their own job in flight. */
const SWEEP_AFTER_MS = 30_000;

/**
 * Settles claims by refund, credit note or waiver (libs/payments ClaimSettlement). Idempotent in
 * PostgreSQL: the claim row is locked and a refund or credit note is unique per claim, so a
 * retried, duplicated or concurrent job settles a claim once. `sweep` settles whatever was left
 * open and completes refunds left pending.
 */
@Processor(QUEUES.claims, { concurrency: 4 })
export class ClaimSettlementProcessor extends WorkerHost {
  private readonly logger = new Logger(ClaimSettlementProcessor.name);

  constructor(@Inject(PAYMENTS_CORE) private readonly core: PaymentsCore) {
    super();
  }

  async process(job: Job<ClaimJob>): Promise<ClaimJobResult> {
    if ('claimId' in job.data) {
      const result = await this.core.claims.settle(job.data.claimId);
      this.logger.log(result, 'claim settled');
      return { settled: [result] };
    }
    const before = new Date(Date.now() - SWEEP_AFTER_MS);
    const settled = await this.core.claims.sweep(before);
    const refunds = await this.core.refunds.retryPending(before);
    if (settled.length || refunds.retried) this.logger.log({ claims: settled.length, refunds: refunds.retried }, 'claims sweep');
    return { settled, refundsRetried: refunds.retried };
  }
}
