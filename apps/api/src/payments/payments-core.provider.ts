import { Logger, Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { createPaymentsCore, structuredLog } from '@shanhai/payments';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** The payment services shared with the worker (libs/payments), over the API's DataSource and Stripe settings. */
export const PAYMENTS_CORE = Symbol('PAYMENTS_CORE');

export const paymentsCoreProvider: Provider = {
  provide: PAYMENTS_CORE,
  inject: [getDataSourceToken(), APP_CONFIG],
  useFactory: (db: DataSource, config: AppConfig) => createPaymentsCore(db, config.stripe, structuredLog(new Logger('Payments'))),
};
