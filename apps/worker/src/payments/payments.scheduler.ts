import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { ClaimJob, InvoiceJob, PaymentReconciliationJob, QUEUES } from '@shanhai/persistence';

export const PAYMENTS_SWEEP_EVERY_MS = Number(process.env.PAYMENTS_SWEEP_EVERY_MS ?? 60_000);
/** 03:30 in Beijing, when nobody is paying. */
export const NIGHTLY_RECONCILIATION_CRON = process.env.PAYMENT_RECONCILIATION_CRON ?? '30 3 * * *';

/**
 * The safety nets behind the per-claim and per-invoice jobs (a sweep every minute each) and the
 * nightly payment reconciliation — one scheduler entry each, however many workers run.
 */
@Injectable()
export class PaymentsScheduler implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QUEUES.claims) private readonly claims: Queue<ClaimJob>,
    @InjectQueue(QUEUES.invoices) private readonly invoices: Queue<InvoiceJob>,
    @InjectQueue(QUEUES.paymentReconciliation) private readonly reconciliation: Queue<PaymentReconciliationJob>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const keep = { removeOnComplete: 100, removeOnFail: 100 };
    await this.claims.upsertJobScheduler('claims-sweep', { every: PAYMENTS_SWEEP_EVERY_MS }, { name: 'sweep', data: { sweep: true }, opts: keep });
    await this.invoices.upsertJobScheduler('invoices-sweep', { every: PAYMENTS_SWEEP_EVERY_MS }, { name: 'sweep', data: { sweep: true }, opts: keep });
    await this.reconciliation.upsertJobScheduler(
      'payment-reconciliation-nightly',
      { pattern: NIGHTLY_RECONCILIATION_CRON, tz: 'Asia/Shanghai' },
      { name: 'reconcile', data: { trigger: 'schedule' }, opts: { ...keep, attempts: 3, backoff: { type: 'exponential', delay: 60_000 } } },
    );
  }
}
