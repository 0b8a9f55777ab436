import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QUEUES } from '@shanhai/persistence';
import { ReservedShareController } from './reserved-share.controller';
import { ReservedShareService } from './reserved-share.service';
import { StatisticsAdminService } from './statistics-admin.service';
import { StatisticsController } from './statistics.controller';
import { StatisticsRepository } from './statistics.repository';
import { StatisticsService } from './statistics.service';

@Module({
  imports: [BullModule.registerQueue({ name: QUEUES.statistics })],
  controllers: [StatisticsController, ReservedShareController],
  providers: [StatisticsRepository, StatisticsService, StatisticsAdminService, ReservedShareService],
})
export class StatisticsModule {}
