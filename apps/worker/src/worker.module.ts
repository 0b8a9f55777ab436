import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { dataSourceOptions, QUEUES, redisConnection, RuntimeConfig } from '@shanhai/persistence';
import { StripeSettings, stripeSettingsFromEnv } from '@shanhai/payments';
import { AgreementGenerationProcessor } from './agreements/agreement-generation.processor';
import { AgreementGenerationScheduler } from './agreements/agreement-generation.scheduler';
import { AGREEMENT_CLOCK, AgreementGenerator, Clock } from './agreements/agreement-generator';
import { CertifiedWindowProcessor } from './catalog/certified-window.processor';
import { CertifiedWindowScheduler } from './catalog/certified-window.scheduler';
import { HeartbeatProcessor } from './heartbeat/heartbeat.processor';
import { HeartbeatScheduler } from './heartbeat/heartbeat.scheduler';
import { ReservationExpiryProcessor } from './reservations/reservation-expiry.processor';
import { ReservationSweepScheduler } from './reservations/reservation-sweep.scheduler';
import { ClaimSettlementProcessor } from './payments/claim-settlement.processor';
import { InvoiceIssueProcessor } from './payments/invoice-issue.processor';
import { PaymentReconciliationProcessor } from './payments/payment-reconciliation.processor';
import { paymentsCoreProvider } from './payments/payments-core.provider';
import { PaymentsScheduler } from './payments/payments.scheduler';
import { StatisticsProcessor } from './statistics/statistics.processor';
import { StatisticsRecomputeService } from './statistics/statistics-recompute.service';
import { StatisticsScheduler } from './statistics/statistics.scheduler';

@Module({})
export class WorkerModule {
  /**
   * `stripe`: where the payment processors reach Stripe (default: the environment, see libs/payments);
   * `clock`: what agreement generation takes for now (tests move it through the calendar).
   */
  static forRoot(config: RuntimeConfig, options: { schedule?: boolean; stripe?: StripeSettings; clock?: Clock } = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        LoggerModule.forRoot({ pinoHttp: { level: config.logLevel } }),
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.databaseUrl), extra: { max: 10 } }),
        BullModule.forRoot({ connection: redisConnection(config.redisUrl), prefix: process.env.QUEUE_PREFIX ?? 'shanhai' }),
        BullModule.registerQueue({ name: QUEUES.heartbeat }, { name: QUEUES.reservations }, { name: QUEUES.claims }, { name: QUEUES.invoices }, { name: QUEUES.paymentReconciliation }, { name: QUEUES.catalog }, { name: QUEUES.statistics }, { name: QUEUES.agreements }),
      ],
      providers: [
        HeartbeatProcessor,
        CertifiedWindowProcessor,
        ReservationExpiryProcessor,
        paymentsCoreProvider(options.stripe ?? stripeSettingsFromEnv()),
        ClaimSettlementProcessor,
        InvoiceIssueProcessor,
        PaymentReconciliationProcessor,
        StatisticsRecomputeService,
        StatisticsProcessor,
        { provide: AGREEMENT_CLOCK, useValue: options.clock ?? ((): Date => new Date()) },
        AgreementGenerator,
        AgreementGenerationProcessor,
        ...(options.schedule === false ? [] : [HeartbeatScheduler, ReservationSweepScheduler, PaymentsScheduler, CertifiedWindowScheduler, StatisticsScheduler, AgreementGenerationScheduler]),
      ],
    };
  }
}
