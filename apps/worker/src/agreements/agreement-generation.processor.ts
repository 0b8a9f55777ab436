import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { AgreementJob, QUEUES } from '@shanhai/persistence';
import { AgreementGenerator, GenerationReport } from './agreement-generator';

/**
 * Holds stock and generates the orders of procurement agreements: `generate` one agreement (queued
 * by the API after an acceptance or a change), `sweep` all running ones (repeating). Any number of
 * these may run at once, twice over, after restarts: each delivery is written once, under the
 * agreement's row lock and its unique (agreement_id, delivery_date) key.
 */
@Processor(QUEUES.agreements, { concurrency: 2 })
export class AgreementGenerationProcessor extends WorkerHost {
  constructor(private readonly generator: AgreementGenerator) {
    super();
  }

  async process(job: Job<AgreementJob>): Promise<GenerationReport> {
    return job.data.kind === 'generate' ? this.generator.generate(job.data.agreementId) : this.generator.sweep();
  }
}
