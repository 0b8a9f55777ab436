import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QUEUES } from '@shanhai/persistence';
import { OrderingModule } from '../ordering/ordering.module';
import { SkuOfferRepository } from '../ordering/sku-offer.repository';
import { AgreementController } from './agreement.controller';
import { AgreementJobs } from './agreement-jobs';
import { AgreementService } from './agreement.service';
import { AgreementViewRepository } from './agreement-view.repository';
import { CommitmentController } from './commitment.controller';
import { CommitmentService } from './commitment.service';
import { DeliveryChangeService } from './delivery-change.service';

/** Procurement agreements, standing orders and pre-harvest commitments; the worker generates the orders. */
@Module({
  imports: [OrderingModule, BullModule.registerQueue({ name: QUEUES.agreements })],
  controllers: [AgreementController, CommitmentController],
  providers: [AgreementService, DeliveryChangeService, CommitmentService, AgreementViewRepository, AgreementJobs, SkuOfferRepository],
})
export class AgreementsModule {}
