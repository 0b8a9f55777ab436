import Redis from 'ioredis';
import { Client } from 'pg';

/**
 * Before starting, make sure PostgreSQL and Redis answer, and if not say so in one line with how to
 * start them, rather than a stack trace from deep inside a driver.
 */
export async function preflight(databaseUrl: string, redisUrl: string): Promise<string | null> {
  const pg = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 3000 });
  try {
    await pg.connect();
    await pg.query('SELECT 1');
  } catch (err) {
    const message = (err as Error).message;
    if (/database .* does not exist/.test(message)) {
      return `PostgreSQL at ${redact(databaseUrl)} has no such database (${message}); run "npm run migrate" (it creates it) or "npm start".`;
    }
    return `PostgreSQL is not reachable at ${redact(databaseUrl)} (${message}). Start it: "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start", or "docker compose -f infra/compose.yaml up -d".`;
  } finally {
    await pg.end().catch(() => undefined);
  }
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 3000, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    return `Redis is not reachable at ${redisUrl} (${(err as Error).message}). Start it: "redis-server --daemonize yes --port 6379", or "docker compose -f infra/compose.yaml up -d".`;
  } finally {
    redis.disconnect();
  }
  return null;
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');
}
