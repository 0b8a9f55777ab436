import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AgreementJob, QUEUES } from '@shanhai/persistence';

export const AGREEMENT_SWEEP_EVERY_MS = Number(process.env.AGREEMENT_SWEEP_EVERY_MS ?? 15 * 60_000);

/**
 * The agreements sweep, every 15 minutes (one scheduler entry however many workers upsert it, and
 * re-created on every start, so a Redis that lost it gets it back). The sweep is idempotent: it
 * only does what is due and not yet done in PostgreSQL.
 */
@Injectable()
export class AgreementGenerationScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(QUEUES.agreements) private readonly queue: Queue<AgreementJob>) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler('agreements-sweep', { every: AGREEMENT_SWEEP_EVERY_MS }, { name: 'sweep', data: { kind: 'sweep' }, opts: { removeOnComplete: 100, removeOnFail: 100 } });
  }
}
