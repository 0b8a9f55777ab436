// Small helpers shared by the start, test and CI scripts (no dependencies: they run before npm ci).
import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';

export const root = new URL('..', import.meta.url).pathname;

export function run(cmd, args, options = {}) {
  const res = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...options });
  return res.status ?? 1;
}

export function must(cmd, args, options = {}) {
  const code = run(cmd, args, options);
  if (code !== 0) {
    console.error(`✗ ${cmd} ${args.join(' ')} exited with ${code}`);
    process.exit(code);
  }
}

export function portOpen(port, host = '127.0.0.1', timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Starts a long-running child whose output lines carry a name. */
export function startChild(name, cmd, args, env = {}) {
  const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = `[${name}]`.padEnd(12);
  for (const stream of [child.stdout, child.stderr]) {
    let buf = '';
    stream.on('data', (chunk) => {
      buf += chunk;
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        process.stdout.write(`${prefix} ${buf.slice(0, i)}\n`);
        buf = buf.slice(i + 1);
      }
    });
  }
  return child;
}

export async function waitFor(check, { timeoutMs = 60_000, intervalMs = 300, what = 'service' } = {}) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`${what} did not come up within ${timeoutMs / 1000} s`);
}

/** PostgreSQL and Redis on this machine: start them with the Debian commands when they are down. */
export async function ensureServices({ start = true } = {}) {
  const pgUp = await portOpen(5432);
  if (!pgUp && start && spawnSync('sh', ['-c', 'ls /etc/postgresql >/dev/null 2>&1']).status === 0) {
    console.log('PostgreSQL is not running; starting it (pg_ctlcluster)…');
    spawnSync('sh', ['-c', 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start'], { stdio: 'inherit' });
  }
  const redisUp = await portOpen(6379);
  if (!redisUp && start && spawnSync('sh', ['-c', 'command -v redis-server >/dev/null']).status === 0) {
    console.log('Redis is not running; starting it (redis-server --daemonize yes)…');
    spawnSync('sh', ['-c', 'mkdir -p /var/lib/redis /var/log/redis; redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log'], { stdio: 'inherit' });
  }
  const problems = [];
  if (!(await waitOpen(5432))) problems.push('PostgreSQL is not reachable on 127.0.0.1:5432 — start it ("pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start") or run "docker compose -f infra/compose.yaml up -d"');
  if (!(await waitOpen(6379))) problems.push('Redis is not reachable on 127.0.0.1:6379 — start it ("redis-server --daemonize yes") or run "docker compose -f infra/compose.yaml up -d"');
  return problems;
}

async function waitOpen(port) {
  for (let i = 0; i < 20; i++) {
    if (await portOpen(port)) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}
