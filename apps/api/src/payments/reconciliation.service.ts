import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import type { ReconciliationReportView } from '@shanhai/contract';
import { PaymentReconciliationJob, QUEUES } from '@shanhai/persistence';
import { ReconciliationReportRepository, ReconciliationReportRow } from '@shanhai/payments';
import { AppError, notFound } from '../common/app-error';
import { Principal } from '../identity/principal';
import { ReconciliationRequestDto } from './payments.dto';

export const DEFAULT_RECONCILIATION_DAYS = 7;

/** The operator asks for a payment reconciliation (the worker runs it) and reads its report. */
@Injectable()
export class ReconciliationService {
  private readonly reports = new ReconciliationReportRepository();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.paymentReconciliation) private readonly queue: Queue<PaymentReconciliationJob>,
  ) {}

  async request(principal: Principal, dto: ReconciliationRequestDto): Promise<ReconciliationReportView> {
    const days = dto.days ?? DEFAULT_RECONCILIATION_DAYS;
    const report = await this.reports.create(this.db.manager, { trigger: 'operator', requestedBy: principal.userId, windowFrom: new Date(Date.now() - days * 86_400_000) });
    try {
      await Promise.race([
        this.queue.add('reconcile', { trigger: 'operator', reportId: report.id, days }, { jobId: `reconcile-${report.id}`, removeOnComplete: 100, removeOnFail: 100, attempts: 3, backoff: { type: 'exponential', delay: 5000 } }),
        new Promise((_, reject) => setTimeout(() => reject(new Error('Redis did not answer within 2 s')), 2000).unref()),
      ]);
    } catch {
      await this.reports.fail(this.db.manager, report.id, 'could not be queued: the job queue is unavailable');
      throw new AppError(503, 'QUEUE_UNAVAILABLE', 'the job queue is unavailable; try again in a moment');
    }
    return view(report);
  }

  async latest(): Promise<ReconciliationReportView> {
    const report = await this.reports.latest(this.db.manager);
    if (!report) throw notFound('payment reconciliation report', 'latest');
    return view(report);
  }

  async get(id: string): Promise<ReconciliationReportView> {
    const report = await this.reports.get(this.db.manager, id);
    if (!report) throw notFound('payment reconciliation report', id);
    return view(report);
  }
}

function view(r: ReconciliationReportRow): ReconciliationReportView {
  return {
    id: r.id,
    trigger: r.trigger,
    status: r.status,
    windowFrom: r.windowFrom.toISOString(),
    startedAt: r.startedAt?.toISOString() ?? null,
    finishedAt: r.finishedAt?.toISOString() ?? null,
    checked: r.checked,
    settled: r.settled,
    mismatches: r.mismatches,
    error: r.error,
    createdAt: r.createdAt.toISOString(),
  };
}
