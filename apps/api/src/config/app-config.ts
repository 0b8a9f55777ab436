import { runtimeConfig, RuntimeConfig } from '@shanhai/persistence';
import { StripeSettings, stripeSettingsFromEnv } from '@shanhai/payments';

/** Everything the API and worker read from the environment, with defaults for this machine. */
export interface AppConfig extends RuntimeConfig {
  readonly port: number;
  readonly host: string;
  readonly sessionTtlHours: number;
  readonly authRateLimitPerMinute: number;
  readonly storageDir: string;
  /** How long a page of catalog results is kept per query (0: not kept). */
  readonly catalogPageCacheMs: number;
  readonly publicUrl: string;
  /** How long stock stays reserved for an order awaiting card or wallet payment. */
  readonly paymentWindowMinutes: number;
  /** How long stock stays reserved for an order waiting for its approver. */
  readonly approvalWindowHours: number;
  /** Where buyers return after Stripe Checkout (the storefront). */
  readonly storefrontUrl: string;
  /** Stripe: the local emulator by default, real Stripe with real keys (docs/payments.md). */
  readonly stripe: StripeSettings;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

export function loadConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  const port = int('PORT', 3000);
  return {
    ...runtimeConfig(),
    port,
    host: process.env.HOST ?? '127.0.0.1',
    sessionTtlHours: int('SESSION_TTL_HOURS', 24 * 7),
    authRateLimitPerMinute: int('AUTH_RATE_LIMIT_PER_MINUTE', 20),
    storageDir: process.env.STORAGE_DIR ?? 'var/storage',
    catalogPageCacheMs: int('CATALOG_PAGE_CACHE_MS', 2_000),
    publicUrl: process.env.PUBLIC_URL ?? `http://127.0.0.1:${port}`,
    paymentWindowMinutes: int('PAYMENT_WINDOW_MINUTES', 30),
    approvalWindowHours: int('APPROVAL_WINDOW_HOURS', 72),
    storefrontUrl: (process.env.STOREFRONT_URL ?? 'http://127.0.0.1:4173').replace(/\/+$/, ''),
    stripe: stripeSettingsFromEnv(),
    ...overrides,
  };
}
