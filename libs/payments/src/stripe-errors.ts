import Stripe from 'stripe';

export function isStripeError(err: unknown): err is Stripe.errors.StripeError {
  return err instanceof Stripe.errors.StripeError;
}

/**
 * A refusal that repeating the same request cannot change (invalid request, declined, an
 * idempotency key reused with other parameters). Network failures, Stripe's own errors, rate
 * limits and concurrent-request conflicts (409) are worth retrying.
 */
export function isPermanentStripeError(err: unknown): err is Stripe.errors.StripeError {
  if (!isStripeError(err)) return false;
  if (err instanceof Stripe.errors.StripeConnectionError || err instanceof Stripe.errors.StripeAPIError || err instanceof Stripe.errors.StripeRateLimitError) return false;
  const status = err.statusCode ?? 0;
  return status >= 400 && status < 500 && status !== 409 && status !== 429;
}

export function stripeMessage(err: unknown): string {
  if (isStripeError(err)) return `${err.type}${err.code ? ` (${err.code})` : ''}: ${err.message}`;
  return err instanceof Error ? err.message : String(err);
}

/** The id of an expandable Stripe field, whether it came expanded or not. */
export function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === 'string' ? value : value.id;
}
