import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { dataSourceOptions, redisConnection } from '@shanhai/persistence';
import { AgreementsModule } from './agreements/agreements.module';
import { CatalogModule } from './catalog/catalog.module';
import { EvidenceModule } from './evidence/evidence.module';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { HealthController } from './health/health.controller';
import { IdentityModule } from './identity/identity.module';
import { FulfilmentModule } from './fulfilment/fulfilment.module';
import { OrderingModule } from './ordering/ordering.module';
import { PaymentsModule } from './payments/payments.module';
import { PlacesModule } from './places/places.module';
import { StatisticsModule } from './statistics/statistics.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            // Bearer tokens never reach the logs.
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            autoLogging: { ignore: (req) => req.url === '/api/health' },
          },
        }),
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.databaseUrl) }),
        BullModule.forRoot({ connection: redisConnection(config.redisUrl), prefix: process.env.QUEUE_PREFIX ?? 'shanhai' }),
        ThrottlerModule.forRoot({ throttlers: [{ name: 'auth', ttl: 60_000, limit: config.authRateLimitPerMinute }] }),
        PlacesModule,
        IdentityModule,
        CatalogModule,
        EvidenceModule,
        OrderingModule,
        FulfilmentModule,
        PaymentsModule,
        StatisticsModule,
        AgreementsModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_FILTER, useClass: HttpExceptionFilter }],
    };
  }
}
