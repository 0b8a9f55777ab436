import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { CatalogMaintenanceJob, QUEUES } from '@shanhai/persistence';

/** Hourly, so the new day (China Standard Time) is picked up soon after midnight, whatever restarts happen. */
@Injectable()
export class CertifiedWindowScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(QUEUES.catalog) private readonly queue: Queue<CatalogMaintenanceJob>) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler('certified-windows', { every: 3_600_000 }, { name: 'certified-windows', data: { kind: 'certified-windows' }, opts: { removeOnComplete: 50, removeOnFail: 50 } });
  }
}
