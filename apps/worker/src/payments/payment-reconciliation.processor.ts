import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { PaymentReconciliationJob, QUEUES } from '@shanhai/persistence';
import { PaymentsCore, ReconciliationReportRepository } from '@shanhai/payments';
import { PAYMENTS_CORE } from './payments-core.provider';

/** The nightly run looks back this far: overlapping windows, so a night missed is caught the next. */
export const NIGHTLY_RECONCILIATION_DAYS = 3;

export interface ReconciliationJobResult {
  readonly reportId: string;
  readonly status: string;
  readonly settled: number;
  readonly mismatches: number;
}

/** Runs a payment reconciliation (libs/payments PaymentReconciler) and stores its report. */
@Processor(QUEUES.paymentReconciliation)
export class PaymentReconciliationProcessor extends WorkerHost {
  private readonly reports = new ReconciliationReportRepository();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(PAYMENTS_CORE) private readonly core: PaymentsCore,
  ) {
    super();
  }

  async process(job: Job<PaymentReconciliationJob>): Promise<ReconciliationJobResult> {
    let reportId = job.data.reportId;
    if (!reportId) {
      const days = job.data.days ?? NIGHTLY_RECONCILIATION_DAYS;
      reportId = (await this.reports.create(this.db.manager, { trigger: job.data.trigger, requestedBy: null, windowFrom: new Date(Date.now() - days * 86_400_000) })).id;
      // A retry of this job continues the same report.
      await job.updateData({ ...job.data, reportId });
    }
    const report = await this.core.reconciler.run(reportId);
    return { reportId, status: report?.status ?? 'missing', settled: report?.settled.length ?? 0, mismatches: report?.mismatches.length ?? 0 };
  }
}
