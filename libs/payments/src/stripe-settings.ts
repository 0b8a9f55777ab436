import Stripe from 'stripe';

/** The local emulator's key and webhook secret (apps/stripe-emulator); any `sk_` key is accepted there. */
export const EMULATOR_SECRET_KEY = 'sk_test_emulator';
export const EMULATOR_WEBHOOK_SECRET = 'whsec_emulator';
export const EMULATOR_HOST = '127.0.0.1';
export const EMULATOR_PORT = 12111;

/**
 * How the platform reaches Stripe. With the emulator's key (the default) or an explicit
 * `STRIPE_API_HOST`, the SDK talks to that host; with a real key and no host, to Stripe itself.
 * Nothing else differs between the two: the same SDK calls, idempotency keys and webhooks.
 */
export interface StripeSettings {
  readonly secretKey: string;
  readonly webhookSecret: string;
  /** null: the SDK's default (api.stripe.com over https). */
  readonly apiHost: string | null;
  readonly apiPort: number | null;
  readonly apiProtocol: 'http' | 'https' | null;
}

export function stripeSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): StripeSettings {
  const secretKey = env.STRIPE_SECRET_KEY || EMULATOR_SECRET_KEY;
  const webhookSecret = env.STRIPE_WEBHOOK_SECRET || EMULATOR_WEBHOOK_SECRET;
  const local = Boolean(env.STRIPE_API_HOST) || secretKey === EMULATOR_SECRET_KEY;
  if (!local) return { secretKey, webhookSecret, apiHost: null, apiPort: null, apiProtocol: null };
  const port = env.STRIPE_API_PORT ? Number(env.STRIPE_API_PORT) : EMULATOR_PORT;
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`STRIPE_API_PORT must be a port number, got "${env.STRIPE_API_PORT}"`);
  const protocol = env.STRIPE_API_PROTOCOL || 'http';
  if (protocol !== 'http' && protocol !== 'https') throw new Error(`STRIPE_API_PROTOCOL must be http or https, got "${protocol}"`);
  return { secretKey, webhookSecret, apiHost: env.STRIPE_API_HOST || EMULATOR_HOST, apiPort: port, apiProtocol: protocol };
}

/** Settings for an emulator started in-process (tests): its host and port, our default key and the given secret. */
export function emulatorStripeSettings(host: string, port: number, webhookSecret = EMULATOR_WEBHOOK_SECRET): StripeSettings {
  return { secretKey: EMULATOR_SECRET_KEY, webhookSecret, apiHost: host, apiPort: port, apiProtocol: 'http' };
}

export function createStripeClient(settings: StripeSettings): Stripe {
  // Network failures are retried by the SDK with the same idempotency key, so a retry never doubles a charge or refund.
  const common = { maxNetworkRetries: 2, timeout: 20_000, appInfo: { name: 'shanhai' } };
  if (settings.apiHost === null) return new Stripe(settings.secretKey, common);
  return new Stripe(settings.secretKey, { ...common, host: settings.apiHost, port: settings.apiPort ?? EMULATOR_PORT, protocol: settings.apiProtocol ?? 'http' });
}
