import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { QUEUES, ReservationJob } from '@shanhai/persistence';

export const RESERVATION_SWEEP_EVERY_MS = Number(process.env.RESERVATION_SWEEP_EVERY_MS ?? 60_000);

/** The safety net behind the delayed expiry jobs: a sweep every minute (one scheduler entry, however many workers). */
@Injectable()
export class ReservationSweepScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(QUEUES.reservations) private readonly queue: Queue<ReservationJob>) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler('reservation-sweep', { every: RESERVATION_SWEEP_EVERY_MS }, { name: 'sweep', data: { kind: 'sweep' }, opts: { removeOnComplete: 100, removeOnFail: 100 } });
  }
}
