import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { preflight, runtimeConfig } from '@shanhai/persistence';
import { WorkerModule } from './worker.module';

/** The worker: BullMQ processors in a NestJS application context of their own, no HTTP. */
async function main(): Promise<void> {
  const config = runtimeConfig();
  const problem = await preflight(config.databaseUrl, config.redisUrl);
  if (problem) {
    console.error(`shanhai-worker: ${problem}`);
    process.exit(1);
  }
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  console.log('shanhai-worker: processing queues (heartbeat, reservations, claims, invoices, payment-reconciliation, catalog-maintenance, statistics, agreements)');
}

void main();
