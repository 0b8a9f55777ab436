/** What a front end keeps of a session: the bearer token and when the API will stop accepting it. */
export interface StoredSession {
  readonly token: string;
  readonly expiresAt: string;
}

export interface SessionStore {
  read(): StoredSession | null;
  write(session: StoredSession): void;
  clear(): void;
  /** Called when the stored session changes, in this tab or (through `storage` events) in another one. */
  subscribe(listener: () => void): () => void;
}

export interface SessionStoreOptions {
  readonly key?: string;
  readonly now?: () => number;
  /** Where `storage` events arrive from; omit outside a browser. */
  readonly events?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
}

/**
 * Keeps the session in a Web Storage area. An expired or unreadable entry reads as "signed out" and
 * is removed, so a stale token is never sent.
 */
export function createSessionStore(storage: Storage | null, options: SessionStoreOptions = {}): SessionStore {
  const key = options.key ?? 'shanhai.session';
  const now = options.now ?? Date.now;
  const listeners = new Set<() => void>();
  const notify = (): void => listeners.forEach((l) => l());

  const read = (): StoredSession | null => {
    const raw = safe(() => storage?.getItem(key) ?? null, null);
    if (!raw) return null;
    const parsed = safe<unknown>(() => JSON.parse(raw), null);
    if (!isStoredSession(parsed) || Date.parse(parsed.expiresAt) <= now()) {
      safe(() => storage?.removeItem(key), undefined);
      return null;
    }
    return parsed;
  };

  return {
    read,
    write(session) {
      safe(() => storage?.setItem(key, JSON.stringify({ token: session.token, expiresAt: session.expiresAt })), undefined);
      notify();
    },
    clear() {
      safe(() => storage?.removeItem(key), undefined);
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      const onStorage = (event: Event): void => {
        if ((event as StorageEvent).key === key || (event as StorageEvent).key === null) listener();
      };
      options.events?.addEventListener('storage', onStorage);
      return () => {
        listeners.delete(listener);
        options.events?.removeEventListener('storage', onStorage);
      };
    },
  };
}

function isStoredSession(value: unknown): value is StoredSession {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.token === 'string' && v.token.length > 0 && typeof v.expiresAt === 'string' && !Number.isNaN(Date.parse(v.expiresAt));
}

// Storage throws in some privacy modes and when full; a session that cannot be kept is just not kept.
function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}
