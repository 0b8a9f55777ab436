import { RetryPolicy } from './webhooks/webhook-delivery';

export interface StripeEmulatorOptions {
  /** 0 picks a free ephemeral port (what tests should use). Default 12111. */
  port?: number;
  /** Default 127.0.0.1: the emulator is a development tool and should not listen publicly. */
  host?: string;
  /** Base URL used in hosted checkout page URLs. Default `http://<host>:<port>`. */
  publicUrl?: string;
  /** Where events are POSTed; null/undefined means record events without delivering them. */
  webhookUrl?: string | null;
  /** Default `whsec_emulator`. */
  webhookSecret?: string;
  webhookRetry?: Partial<RetryPolicy>;
  webhookTimeoutMs?: number;
  /** Used in `event.api_version` when no request carried a `Stripe-Version` header. */
  apiVersion?: string;
  /** Invoices need a currency when neither the request nor the customer gives one. */
  defaultCurrency?: string;
  /** Receives operational log lines (start-up, webhook give-ups). Silent by default. */
  log?: (line: string) => void;
}

export const DEFAULT_PORT = 12111;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_WEBHOOK_SECRET = 'whsec_emulator';
/** The API version that stripe@23.1.0 (the version pinned in package.json) sends. */
export const DEFAULT_API_VERSION = '2026-10-28.endive';
export const DEFAULT_RETRY: RetryPolicy = { initial_delay_ms: 200, max_delay_ms: 3200, max_attempts: 8 };

/** Reads the documented environment variables (see docs/stripe-emulator.md). */
export function optionsFromEnv(env: NodeJS.ProcessEnv): StripeEmulatorOptions {
  return {
    port: intFromEnv(env, 'STRIPE_EMULATOR_PORT'),
    host: env.STRIPE_EMULATOR_HOST || undefined,
    publicUrl: env.STRIPE_EMULATOR_PUBLIC_URL || undefined,
    webhookUrl: env.STRIPE_WEBHOOK_URL || null,
    webhookSecret: env.STRIPE_WEBHOOK_SECRET || undefined,
    webhookRetry: {
      initial_delay_ms: intFromEnv(env, 'STRIPE_WEBHOOK_RETRY_INITIAL_MS'),
      max_delay_ms: intFromEnv(env, 'STRIPE_WEBHOOK_RETRY_MAX_MS'),
      max_attempts: intFromEnv(env, 'STRIPE_WEBHOOK_MAX_ATTEMPTS'),
    },
    defaultCurrency: env.STRIPE_EMULATOR_DEFAULT_CURRENCY || undefined,
  };
}

export function resolveRetry(retry: Partial<RetryPolicy> | undefined): RetryPolicy {
  const defined = Object.fromEntries(Object.entries(retry ?? {}).filter(([, v]) => v !== undefined));
  return { ...DEFAULT_RETRY, ...defined };
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}
