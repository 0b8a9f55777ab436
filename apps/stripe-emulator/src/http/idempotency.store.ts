export interface StoredResponse {
  method: string;
  path: string;
  fingerprint: string;
  status: number;
  body: string;
}

export type IdempotencyLookup = { kind: 'new' } | { kind: 'replay'; stored: StoredResponse } | { kind: 'conflict' };

/**
 * Saved results of POSTs sent with an `Idempotency-Key`, per API key (Stripe scopes keys to
 * the account). Kept until reset instead of Stripe's 24 hours: runs of the emulator are short.
 */
export class IdempotencyStore {
  private readonly entries = new Map<string, StoredResponse>();

  lookup(scope: string, key: string, method: string, path: string, fingerprint: string): IdempotencyLookup {
    const stored = this.entries.get(`${scope}\u0000${key}`);
    if (!stored) return { kind: 'new' };
    if (stored.method !== method || stored.path !== path || stored.fingerprint !== fingerprint) return { kind: 'conflict' };
    return { kind: 'replay', stored };
  }

  save(scope: string, key: string, response: StoredResponse): void {
    this.entries.set(`${scope}\u0000${key}`, response);
  }

  clear(): void {
    this.entries.clear();
  }
}
