import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QUEUES } from '@shanhai/persistence';
import { CartService } from './cart.service';
import { OrderJobs } from './order-jobs';
import { OrderViewRepository } from './order-view.repository';
import { OrderService } from './order.service';
import { OrderingController } from './ordering.controller';
import { PurchasingSettingsService } from './purchasing-settings.service';
import { SkuOfferRepository } from './sku-offer.repository';

@Module({
  imports: [BullModule.registerQueue({ name: QUEUES.reservations }, { name: QUEUES.claims }, { name: QUEUES.invoices })],
  controllers: [OrderingController],
  providers: [CartService, OrderService, OrderJobs, OrderViewRepository, PurchasingSettingsService, SkuOfferRepository],
  exports: [OrderService, OrderJobs, OrderViewRepository],
})
export class OrderingModule {}
