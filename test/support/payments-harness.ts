import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import Stripe from 'stripe';
import { addDays, businessDay } from '@shanhai/domain';
import { QUEUES } from '@shanhai/persistence';
import { createStripeClient, emulatorStripeSettings, StripeSettings } from '@shanhai/payments';
import { AppConfig } from '../../apps/api/src/config/app-config';
import { startStripeEmulator, StripeEmulatorHandle } from '../../apps/stripe-emulator/src';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { Actor, BAISHI, Fixtures, QINGYA, WEST_PREFECTURE } from './fixtures';
import { TestApp } from './test-app';

export const WEBHOOK_SECRET = 'whsec_test_payments';
export const WEBHOOK_PATH = '/api/payments/stripe/webhook';

export async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The real API and worker against one cloned database, a Stripe emulator started in-process (the
 * official SDK talks to it by host and port, as in production) delivering signed webhooks to the
 * API, and BullMQ queues under a prefix of their own.
 */
export class PaymentsHarness {
  private constructor(
    readonly t: TestApp,
    readonly f: Fixtures,
    readonly emulator: StripeEmulatorHandle,
    readonly worker: INestApplicationContext,
    readonly stripe: Stripe,
    readonly settings: StripeSettings,
  ) {}

  static async start(name: string, overrides: Partial<AppConfig> = {}): Promise<PaymentsHarness> {
    process.env.QUEUE_PREFIX = `shanhai-test-${name}-${process.pid}-${Date.now()}`;
    const emulator = await startStripeEmulator({ port: 0, webhookSecret: WEBHOOK_SECRET, webhookRetry: { initial_delay_ms: 50, max_delay_ms: 400, max_attempts: 8 } });
    const settings = emulatorStripeSettings(emulator.host, emulator.port, WEBHOOK_SECRET);
    const t = await TestApp.start({ stripe: settings, storefrontUrl: 'http://storefront.test', ...overrides });
    emulator.setWebhookUrl(`${t.baseUrl}${WEBHOOK_PATH}`);
    const worker = await NestFactory.createApplicationContext(
      WorkerModule.forRoot({ databaseUrl: t.config.databaseUrl, redisUrl: t.config.redisUrl, logLevel: 'silent' }, { schedule: false, stripe: settings }),
      { logger: false },
    );
    await worker.init();
    return new PaymentsHarness(t, new Fixtures(t), emulator, worker, createStripeClient(settings), settings);
  }

  queue<T = unknown>(name: string): Queue<T> {
    return this.worker.get<Queue<T>>(getQueueToken(name));
  }

  /** Calls a `/__emulator/*` control endpoint over HTTP. */
  async control<T = any>(method: string, path: string, body?: object): Promise<{ status: number; body: T }> {
    const res = await fetch(`${this.emulator.url}${path}`, { method, headers: body ? { 'content-type': 'application/json' } : undefined, body: body ? JSON.stringify(body) : undefined });
    return { status: res.status, body: (await res.json()) as T };
  }

  /** The buyer pays on the hosted page (the emulator's control endpoint does what the Pay button does). */
  async pay(sessionId: string, method?: string): Promise<any> {
    const res = await this.control('POST', `/__emulator/checkout/sessions/${sessionId}/pay`, method ? { payment_method_type: method } : {});
    if (res.status !== 200) throw new Error(`pay failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** Waits until every webhook delivery has been answered. */
  async settle(): Promise<void> {
    await this.emulator.controls.settleDeliveries(15_000);
  }

  async count(sql: string, params: unknown[] = []): Promise<number> {
    const [r] = await this.t.db.query(`SELECT count(*)::int AS n FROM (${sql}) x`, params);
    return r.n;
  }

  async close(): Promise<void> {
    for (const q of [QUEUES.claims, QUEUES.invoices, QUEUES.paymentReconciliation, QUEUES.reservations]) {
      await this.queue(q).obliterate({ force: true }).catch(() => undefined);
    }
    await this.worker.close();
    this.emulator.setWebhookUrl(null);
    await this.t.close();
    await this.emulator.close();
    delete process.env.QUEUE_PREFIX;
  }
}

export interface Market {
  official: Actor;
  potatoCoop: Actor;
  appleCoop: Actor;
}

/** A pairing, a western official and two verified cooperatives in different counties. */
export async function market(f: Fixtures): Promise<Market> {
  await f.pairing();
  const official = await f.official(WEST_PREFECTURE);
  const potatoCoop = await f.supplier(QINGYA, { verifiedBy: official });
  const appleCoop = await f.supplier(BAISHI, { verifiedBy: official });
  return { official, potatoCoop, appleCoop };
}

export const deliveryDay = (): string => addDays(businessDay(), 3);

/** A buyer organisation with one delivery site. */
export async function buyerWithSite(f: Fixtures, type = 'school'): Promise<Actor & { siteId: string }> {
  const buyer = await f.buyer(type);
  return { ...buyer, siteId: await f.deliverySite(buyer) };
}
