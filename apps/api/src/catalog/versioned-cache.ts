import { catalogVersion } from './catalog-version';

/**
 * Answers kept for a short time per key, dropped as soon as this process changes the catalog or stock
 * (`catalogVersion`), so they agree with any change made through this API instance; changes made elsewhere (another
 * instance, the worker) show once the entry is older than its time to live. Concurrent misses of one key share one
 * load (a burst of identical requests reads the database once); a failed load is not kept. Oldest entries go first
 * when the cache is full.
 */
export class VersionedCache<T> {
  private readonly entries = new Map<string, { version: number; at: number; value: Promise<T> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    const version = catalogVersion.current();
    const hit = this.entries.get(key);
    if (hit && hit.version === version && this.now() - hit.at < this.ttlMs) return hit.value;
    const value = load();
    if (hit) this.entries.delete(key);
    else if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { version, at: this.now(), value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }
}
