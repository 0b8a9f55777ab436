/**
 * A random key for one checkout attempt. `crypto.randomUUID` exists only in secure contexts, and the
 * storefront may be served over plain http inside a canteen's network; `getRandomValues` works everywhere.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
