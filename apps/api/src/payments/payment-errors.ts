import { HttpStatus } from '@nestjs/common';
import { IllegalTransitionError } from '@shanhai/domain';
import { isPermanentStripeError, isStripeError, stripeMessage } from '@shanhai/payments';
import { AppError, conflict } from '../common/app-error';

/**
 * Errors of the payments library and of Stripe, as the API answers them: an illegal state change
 * is a 409 with the current state; Stripe refusing a request is a 502 (our request or Stripe's
 * state is at fault, not the caller's); Stripe unreachable is a 503 worth retrying.
 */
export function paymentError(err: unknown): unknown {
  if (err instanceof AppError) return err;
  if (err instanceof IllegalTransitionError) return conflict('ILLEGAL_TRANSITION', `${err.machine === 'invoice' ? 'an invoice' : `a ${err.machine}`} that is ${err.from} cannot become ${err.to}`, { currentStatus: err.from });
  if (isPermanentStripeError(err)) return new AppError(HttpStatus.BAD_GATEWAY, 'PAYMENT_PROVIDER_REFUSED', `the payment provider refused: ${stripeMessage(err)}`);
  if (isStripeError(err)) return new AppError(HttpStatus.SERVICE_UNAVAILABLE, 'PAYMENT_PROVIDER_UNAVAILABLE', 'the payment provider could not be reached; try again in a moment');
  return err;
}

/** Runs `work`, translating payment errors; anything else passes through to the one filter. */
export async function translatingPaymentErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw paymentError(err);
  }
}
