import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AgreementJob, QUEUES } from '@shanhai/persistence';

/**
 * After an agreement is accepted or changed (and the transaction committed), the worker is asked to
 * look at it now rather than at its next sweep. If Redis is down the change stands: the sweep,
 * every 15 minutes, generates whatever is due.
 */
@Injectable()
export class AgreementJobs {
  private readonly logger = new Logger(AgreementJobs.name);

  constructor(@InjectQueue(QUEUES.agreements) private readonly queue: Queue<AgreementJob>) {}

  async generate(agreementId: string): Promise<void> {
    try {
      await Promise.race([
        this.queue.add('generate', { kind: 'generate', agreementId }, { removeOnComplete: 1000, removeOnFail: 1000, attempts: 5, backoff: { type: 'exponential', delay: 2000 } }),
        new Promise((_, reject) => setTimeout(() => reject(new Error('Redis did not answer within 2 s')), 2000).unref()),
      ]);
    } catch (err) {
      this.logger.warn({ err, agreementId }, 'could not enqueue agreement generation; the sweep will pick it up');
    }
  }
}
