import { Logger, Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { createPaymentsCore, StripeSettings, structuredLog } from '@shanhai/payments';

export const PAYMENTS_CORE = Symbol('PAYMENTS_CORE');

/** The payment services shared with the API (libs/payments), over the worker's DataSource. */
export function paymentsCoreProvider(settings: StripeSettings): Provider {
  return {
    provide: PAYMENTS_CORE,
    inject: [getDataSourceToken()],
    useFactory: (db: DataSource) => createPaymentsCore(db, settings, structuredLog(new Logger('Payments'))),
  };
}
