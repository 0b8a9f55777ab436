import { ApiError } from './api-error';

const NO_KEY_MESSAGE =
  "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.";

/**
 * Accepts any secret key (`sk_…`) via Bearer or HTTP Basic (curl's `-u sk_test_…:`) and returns
 * it; it scopes idempotency keys. Publishable keys are refused, as Stripe refuses them here.
 */
export function authenticate(authorization: string | undefined): string {
  const key = extractKey(authorization);
  if (!key) throw ApiError.authentication(NO_KEY_MESSAGE);
  if (!key.startsWith('sk_')) {
    throw ApiError.authentication(`Invalid API Key provided: ${redact(key)}`);
  }
  return key;
}

function extractKey(authorization: string | undefined): string | undefined {
  if (!authorization) return undefined;
  const [scheme, credentials = ''] = authorization.trim().split(/\s+/, 2);
  if (/^bearer$/i.test(scheme)) return credentials || undefined;
  if (/^basic$/i.test(scheme)) {
    const decoded = Buffer.from(credentials, 'base64').toString('utf8');
    return decoded.split(':')[0] || undefined;
  }
  return undefined;
}

function redact(key: string): string {
  return key.length <= 8 ? '*'.repeat(key.length) : `${key.slice(0, 8)}${'*'.repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`;
}
