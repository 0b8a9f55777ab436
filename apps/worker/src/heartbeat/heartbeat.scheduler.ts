import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { HeartbeatJob, QUEUES } from '@shanhai/persistence';

export const HEARTBEAT_EVERY_MS = Number(process.env.HEARTBEAT_EVERY_MS ?? 30_000);

/** One scheduler entry, upserted by id: several workers starting at once still schedule a single heartbeat. */
@Injectable()
export class HeartbeatScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(QUEUES.heartbeat) private readonly queue: Queue<HeartbeatJob>) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'heartbeat',
      { every: HEARTBEAT_EVERY_MS },
      { name: 'beat', data: { requestedAt: new Date().toISOString() }, opts: { removeOnComplete: 100, removeOnFail: 100 } },
    );
  }
}
