import { isApiError } from '@shanhai/api-client';
import type { TFunction } from 'i18next';

/**
 * What to tell the person about a failed call: the API's own message for a 4xx (it says what to change, in
 * the request's language), a generic line for network failures and server errors.
 */
export function errorText(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return t('errors.tryLater');
  if (error.code === 'NETWORK') return t('errors.network');
  if (error.status >= 500) return t('errors.tryLater');
  return error.message;
}

/** The API's per-field reasons (`details[]`), keyed by field path (`priceTiers[1]`, `lines[0].note`). */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  return isApiError(error) ? error.fieldErrors() : {};
}

/** Reasons for fields the form does not show: they go into the form's alert instead of being lost. */
export function otherFieldErrors(errors: Record<string, string>, shown: readonly string[]): string[] {
  return Object.entries(errors)
    .filter(([field]) => !shown.includes(field))
    .map(([field, reason]) => `${field}: ${reason}`);
}
