import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { businessDay } from '@shanhai/domain';
import { CatalogMaintenanceJob, CertifiedWindowRepository, QUEUES } from '@shanhai/persistence';

/** Keeps each product's certified window on the certificate that counts today (renewals, lapses). */
@Processor(QUEUES.catalog)
export class CertifiedWindowProcessor extends WorkerHost {
  private readonly logger = new Logger(CertifiedWindowProcessor.name);
  private readonly windows = new CertifiedWindowRepository();

  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  async process(_job: Job<CatalogMaintenanceJob>): Promise<{ updated: number }> {
    const updated = await this.windows.refreshAll(this.db.manager, businessDay());
    if (updated) this.logger.log({ updated }, 'certified windows moved on');
    return { updated };
  }
}
