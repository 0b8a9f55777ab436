import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QUEUES } from '@shanhai/persistence';
import { OrderingModule } from '../ordering/ordering.module';
import { CheckoutService } from './checkout.service';
import { InvoiceService } from './invoice.service';
import { paymentsCoreProvider } from './payments-core.provider';
import { PaymentsController } from './payments.controller';
import { ManualPayoutProvider, PAYOUT_PROVIDER } from './payout-provider';
import { ReconciliationService } from './reconciliation.service';
import { SettlementService } from './settlement.service';
import { StripeWebhookController } from './stripe-webhook.controller';
import { StripeWebhookService } from './stripe-webhook.service';

@Module({
  imports: [OrderingModule, BullModule.registerQueue({ name: QUEUES.paymentReconciliation })],
  controllers: [PaymentsController, StripeWebhookController],
  providers: [
    paymentsCoreProvider,
    { provide: PAYOUT_PROVIDER, useClass: ManualPayoutProvider },
    CheckoutService,
    InvoiceService,
    SettlementService,
    ReconciliationService,
    StripeWebhookService,
  ],
})
export class PaymentsModule {}
