import { describe, expect, it, vi } from 'vitest';
import { createSessionStore } from './session-store';

class MemoryStorage implements Storage {
  private readonly map = new Map<string, string>();
  get length(): number {
    return this.map.size;
  }
  clear(): void {
    this.map.clear();
  }
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.map.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
  setItem(key: string, value: string): void {
    this.map.set(key, value);
  }
}

const NOW = Date.parse('2026-11-28T12:00:00Z');

describe('createSessionStore', () => {
  it('reads back the session it wrote and notifies subscribers', () => {
    const store = createSessionStore(new MemoryStorage(), { now: () => NOW });
    const listener = vi.fn();
    store.subscribe(listener);

    store.write({ token: 'shs_a', expiresAt: '2026-12-05T12:00:00Z' });

    expect(store.read()).toEqual({ token: 'shs_a', expiresAt: '2026-12-05T12:00:00Z' });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('treats an expired session as signed out and forgets it', () => {
    const storage = new MemoryStorage();
    const store = createSessionStore(storage, { now: () => NOW });
    store.write({ token: 'shs_old', expiresAt: '2026-11-28T11:59:59Z' });

    expect(store.read()).toBeNull();
    expect(storage.length).toBe(0);
  });

  it('ignores a corrupted entry instead of failing', () => {
    const storage = new MemoryStorage();
    storage.setItem('shanhai.session', '{not json');
    const store = createSessionStore(storage, { now: () => NOW });

    expect(store.read()).toBeNull();
  });

  it('works without any storage (privacy modes): nothing is kept, nothing throws', () => {
    const store = createSessionStore(null, { now: () => NOW });
    store.write({ token: 'shs_a', expiresAt: '2026-12-05T12:00:00Z' });

    expect(store.read()).toBeNull();
  });
});
