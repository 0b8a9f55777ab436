import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { dataSourceOptions, QUEUES, redisConnection, RuntimeConfig } from '@shanhai/persistence';
import { HeartbeatProcessor } from './heartbeat/heartbeat.processor';
import { HeartbeatScheduler } from './heartbeat/heartbeat.scheduler';
import { ReservationExpiryProcessor } from './reservations/reservation-expiry.processor';
import { ReservationSweepScheduler } from './reservations/reservation-sweep.scheduler';

@Module({})
export class WorkerModule {
  static forRoot(config: RuntimeConfig, options: { schedule?: boolean } = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        LoggerModule.forRoot({ pinoHttp: { level: config.logLevel } }),
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.databaseUrl), extra: { max: 10 } }),
        BullModule.forRoot({ connection: redisConnection(config.redisUrl), prefix: process.env.QUEUE_PREFIX ?? 'shanhai' }),
        BullModule.registerQueue({ name: QUEUES.heartbeat }, { name: QUEUES.reservations }, { name: QUEUES.claims }),
      ],
      providers: [HeartbeatProcessor, ReservationExpiryProcessor, ...(options.schedule === false ? [] : [HeartbeatScheduler, ReservationSweepScheduler])],
    };
  }
}
