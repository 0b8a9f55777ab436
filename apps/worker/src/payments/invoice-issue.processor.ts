import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { Job } from 'bullmq';
import { InvoiceJob, QUEUES } from '@shanhai/persistence';
import { IssueOutcome, PaymentsCore } from '@shanhai/payments';
import { PAYMENTS_CORE } from './payments-core.provider';

export type InvoiceJobResult = { readonly outcome: IssueOutcome; readonly number?: string | null } | { readonly issued: number; readonly failed: number };

/**
 * Issues draft invoices through Stripe Invoicing (libs/payments InvoiceIssuer): every Stripe call
 * carries a key derived from the invoice id, so retries issue one invoice. `sweep` issues drafts
 * whose job was lost.
 */
@Processor(QUEUES.invoices, { concurrency: 2 })
export class InvoiceIssueProcessor extends WorkerHost {
  constructor(@Inject(PAYMENTS_CORE) private readonly core: PaymentsCore) {
    super();
  }

  async process(job: Job<InvoiceJob>): Promise<InvoiceJobResult> {
    if ('invoiceId' in job.data) return this.core.invoices.issue(job.data.invoiceId);
    return this.core.invoices.sweep(new Date(Date.now() - 30_000));
  }
}
