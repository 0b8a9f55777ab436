import { DEFAULT_DATABASE_URL } from './data-source';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** The connection settings every process (API, worker, CLI) reads from the environment. */
export interface RuntimeConfig {
  readonly databaseUrl: string;
  readonly redisUrl: string;
  readonly logLevel: string;
}

export function runtimeConfig(): RuntimeConfig {
  return {
    databaseUrl: process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    redisUrl: process.env.REDIS_URL ?? DEFAULT_REDIS_URL,
    logLevel: process.env.LOG_LEVEL ?? 'info',
  };
}

/** Parses a Redis URL into the options BullMQ's connection wants. */
export function redisConnection(url: string): { host: string; port: number; password?: string; db?: number; username?: string } {
  const u = new URL(url);
  return {
    host: u.hostname || '127.0.0.1',
    port: Number(u.port || 6379),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.pathname.length > 1 ? { db: Number(u.pathname.slice(1)) } : {}),
  };
}
