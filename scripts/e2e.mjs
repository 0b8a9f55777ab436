#!/usr/bin/env node
/**
 * Browser tests of the front ends: the BUILT storefront and portal, each served by `vite preview`, against the REAL
 * API and worker on a fresh demo database made for this run (and the local Stripe emulator), driven in Debian's
 * Chromium by playwright-core, with node:test.
 *
 *   node scripts/e2e.mjs               build the API, worker, emulator and both front ends, then run
 *                                      apps/storefront/e2e/*.e2e.mjs and then apps/portal/e2e/*.e2e.mjs
 *   node scripts/e2e.mjs --no-build    use what dist/ already holds
 *   node scripts/e2e.mjs --only=portal  only one front end's tests (storefront or portal); everything still starts
 *   node scripts/e2e.mjs --keep-db     leave the database for a post-mortem (it is named in the output)
 *   node scripts/e2e.mjs --summary=tmp/e2e.json   also write {"passed":N,"failed":N,...} there (npm test reads it)
 *
 * Environment: E2E_PG_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres), REDIS_URL (default
 * redis://127.0.0.1:6379), CHROMIUM_PATH (default /usr/bin/chromium). Everything started here listens on 127.0.0.1
 * only and is stopped, and the database dropped and the run's queue keys deleted from Redis, on the way out (also on
 * Ctrl-C). The API and the worker share a queue prefix of their own (QUEUE_PREFIX), so a worker of another run or of
 * `npm start` on the same Redis never takes this run's jobs. The node:test TAP output ends with `# pass N` / `# fail N`.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import Redis from 'ioredis';
import pg from 'pg';

const root = resolve(import.meta.dirname, '..');
const args = new Set(process.argv.slice(2));
const summaryFile = process.argv.slice(2).find((a) => a.startsWith('--summary='))?.slice('--summary='.length);
const only = process.argv.slice(2).find((a) => a.startsWith('--only='))?.slice('--only='.length);
const adminUrl = process.env.E2E_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const resultsDir = join(root, 'test-results');
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
// The storefront's tests first: they expect the demo as seeded, and the portal's change it (a new product, a
// verified supplier, certificates).
const e2eDirs = ['storefront', 'portal'].filter((app) => !only || app === only).map((app) => join(root, `apps/${app}/e2e`));
const queuePrefix = `shanhai-e2e-${process.pid}-${Date.now()}`;
const log = (line) => console.log(`e2e: ${line}`);

const started = [];
let database = null;
let scratch = null;
let tearingDown = null;
let summary = null;

async function main() {
  if (!existsSync(chromium)) throw new Error(`no Chromium at ${chromium}: apt-get install -y chromium fonts-wqy-zenhei`);
  mkdirSync(join(resultsDir, 'screenshots'), { recursive: true });
  scratch = mkdtempSync(join(tmpdir(), 'shanhai-e2e-'));

  if (!args.has('--no-build')) {
    log('building the API, the worker, the Stripe emulator, the storefront and the portal');
    run(join(root, 'node_modules/.bin/tsc'), ['-b', 'apps/api/tsconfig.app.json']);
    run(join(root, 'node_modules/.bin/tsc'), ['-b', 'apps/worker/tsconfig.app.json']);
    run(join(root, 'node_modules/.bin/tsc'), ['-b', 'apps/stripe-emulator/tsconfig.app.json']);
    run(join(root, 'node_modules/.bin/vite'), ['build', '--config', 'apps/storefront/vite.config.mts', '--logLevel', 'warn']);
    run(join(root, 'node_modules/.bin/vite'), ['build', '--config', 'apps/portal/vite.config.mts', '--logLevel', 'warn']);
  }

  database = `shanhai_e2e_${Date.now()}_${process.pid}`;
  await admin(`CREATE DATABASE ${database}`);
  const databaseUrl = withDatabase(adminUrl, database);
  log(`database ${database}: migrating and seeding the demo`);
  run(process.execPath, ['dist/apps/api/cli/migrate.js'], { DATABASE_URL: databaseUrl });
  run(process.execPath, ['dist/apps/api/cli/seed.js'], { DATABASE_URL: databaseUrl });

  const apiPort = await freePort();
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const webPort = await freePort();
  const storefrontUrl = `http://127.0.0.1:${webPort}`;
  const portalPort = await freePort();
  const portalUrl = `http://127.0.0.1:${portalPort}`;

  // The local Stripe: the API opens Checkout sessions there, and its hosted page posts the webhook back.
  const stripePort = await freePort();
  const stripeUrl = `http://127.0.0.1:${stripePort}`;
  start('stripe-emulator', process.execPath, ['dist/apps/stripe-emulator/main.js'], {
    STRIPE_EMULATOR_PORT: String(stripePort),
    STRIPE_EMULATOR_HOST: '127.0.0.1',
    STRIPE_EMULATOR_PUBLIC_URL: stripeUrl,
    STRIPE_WEBHOOK_URL: `${apiUrl}/api/payments/stripe/webhook`,
    STRIPE_WEBHOOK_SECRET: 'whsec_emulator',
  });

  // What the API and the worker share: the database, Redis and the queue prefix, and where Stripe is.
  const backend = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: queuePrefix,
    STRIPE_SECRET_KEY: 'sk_test_emulator',
    STRIPE_WEBHOOK_SECRET: 'whsec_emulator',
    STRIPE_API_HOST: '127.0.0.1',
    STRIPE_API_PORT: String(stripePort),
    STRIPE_API_PROTOCOL: 'http',
  };
  start('api', process.execPath, ['dist/apps/api/main.js'], {
    ...backend,
    PORT: String(apiPort),
    HOST: '127.0.0.1',
    PUBLIC_URL: apiUrl,
    STOREFRONT_URL: storefrontUrl,
    STORAGE_DIR: join(scratch, 'storage'),
    // Every test file signs in afresh from one address; the default 20 a minute is for the open internet.
    AUTH_RATE_LIMIT_PER_MINUTE: '200',
  });
  // The worker issues invoices, settles claims and expires reservations for this run's database; a short
  // heartbeat shows it is up within seconds.
  start('worker', process.execPath, ['dist/apps/worker/main.js'], { ...backend, HEARTBEAT_EVERY_MS: '5000', LOG_LEVEL: 'warn' });
  await waitFor(`${stripeUrl}/__emulator/health`, 'the Stripe emulator');
  await waitFor(`${apiUrl}/api/categories`, 'the API');
  await waitForWorker(`${apiUrl}/api/health`);
  start('preview', process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'preview', '--config', 'apps/storefront/vite.config.mts', '--host', '127.0.0.1', '--port', String(webPort), '--strictPort'], {
    API_URL: apiUrl,
  });
  start('portal-preview', process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'preview', '--config', 'apps/portal/vite.config.mts', '--host', '127.0.0.1', '--port', String(portalPort), '--strictPort'], {
    API_URL: apiUrl,
  });
  await waitFor(`${storefrontUrl}/`, 'vite preview');
  await waitFor(`${storefrontUrl}/api/categories`, 'the preview proxy to the API');
  await waitFor(`${portalUrl}/`, 'vite preview of the portal');
  await waitFor(`${portalUrl}/api/categories`, 'the portal preview proxy to the API');
  log(`API ${apiUrl}, storefront ${storefrontUrl}, portal ${portalUrl}, Stripe emulator ${stripeUrl}, queue prefix ${queuePrefix}`);

  const env = {
    ...process.env,
    STOREFRONT_URL: storefrontUrl,
    PORTAL_URL: portalUrl,
    API_URL: apiUrl,
    STRIPE_EMULATOR_URL: stripeUrl,
    CHROMIUM_PATH: chromium,
    SCREENSHOT_DIR: join(resultsDir, 'screenshots'),
  };
  // One node --test run per front end, in order (node sorts the files it is given, so one run would not keep it);
  // the counts are summed.
  const totals = { passed: 0, failed: 0, tests: 0, skipped: 0 };
  let code = 0;
  for (const dir of e2eDirs) {
    const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.e2e.mjs')).sort().map((f) => join(dir, f)) : [];
    if (files.length === 0) continue;
    const result = await runTests(files, env);
    for (const key of Object.keys(totals)) totals[key] += result.counts[key];
    summary = { ...totals };
    code ||= result.code;
    if (tearingDown) break;
  }
  if (e2eDirs.length > 1) console.log(`e2e: all front ends: ${totals.passed} passed, ${totals.failed} failed`);
  return code;
}

/** Runs test files one at a time (--test-concurrency=1) with TAP to stdout, and counts its closing lines. */
function runTests(files, env) {
  return new Promise((resolveRun) => {
    const tests = spawn(process.execPath, ['--test', '--test-reporter=tap', '--test-concurrency=1', ...files], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env });
    let tap = '';
    tests.stdout.on('data', (chunk) => {
      tap += chunk;
      process.stdout.write(chunk);
    });
    const entry = { name: 'node --test', child: tests };
    started.push(entry);
    tests.on('exit', (code, signal) => {
      started.splice(started.indexOf(entry), 1);
      const count = (name) => Number(tap.match(new RegExp(`^# ${name} (\\d+)$`, 'm'))?.[1] ?? 0);
      // A run that printed no summary (it crashed) counts as one failure.
      const failedToReport = !/^# tests \d+$/m.test(tap);
      resolveRun({
        code: code ?? (signal ? 1 : 0),
        counts: { passed: count('pass'), failed: count('fail') + count('cancelled') + (failedToReport ? 1 : 0), tests: count('tests'), skipped: count('skipped') },
      });
    });
  });
}

function run(cmd, argv, env = {}) {
  execFileSync(cmd, argv, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
}

/** A long-running server; its output goes to test-results/e2e-<name>.log, and an early exit fails the run. */
function start(name, cmd, argv, env) {
  const out = createWriteStream(join(resultsDir, `e2e-${name}.log`));
  const child = spawn(cmd, argv, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  const entry = { name, child, exited: false };
  child.on('exit', (code) => {
    entry.exited = true;
    if (!tearingDown) log(`${name} exited early (code ${code}); see test-results/e2e-${name}.log`);
  });
  started.push(entry);
  return entry;
}

async function waitFor(url, what, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (started.some((s) => s.exited)) throw new Error(`a server stopped while waiting for ${what}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${what} did not answer ${url} within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The worker is up once it has written a heartbeat into this run's database (the API's health shows the last one). */
async function waitForWorker(healthUrl, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (started.some((s) => s.exited)) throw new Error('a server stopped while waiting for the worker');
    try {
      const res = await fetch(healthUrl);
      const body = await res.json();
      if (body?.worker?.lastHeartbeatAt) return;
    } catch {
      // not answering yet
    }
    if (Date.now() > deadline) throw new Error(`the worker wrote no heartbeat within ${timeoutMs / 1000} s; see test-results/e2e-worker.log`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Deletes this run's BullMQ keys (`<prefix>:<queue>:…`) so that runs leave nothing behind in a shared Redis. */
async function dropQueueKeys() {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
  try {
    await redis.connect();
    let cursor = '0';
    let removed = 0;
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${queuePrefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) removed += await redis.del(...keys);
    } while (cursor !== '0');
    if (removed) log(`removed ${removed} queue keys (${queuePrefix})`);
  } catch (err) {
    log(`could not remove the queue keys ${queuePrefix}:*: ${err.message}`);
  } finally {
    redis.disconnect();
  }
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin(sql) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function stop({ name, child }) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => {
    log(`${name} ignored SIGTERM; killing it`);
    child.kill('SIGKILL');
  }, 5000);
  await exited;
  clearTimeout(timer);
}

function teardown() {
  tearingDown ??= (async () => {
    for (const s of started.reverse()) await stop(s);
    await dropQueueKeys();
    if (database && !args.has('--keep-db')) {
      try {
        await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
        log(`database ${database} dropped`);
      } catch (err) {
        log(`could not drop ${database}: ${err.message}`);
      }
    } else if (database) {
      log(`database ${database} kept (--keep-db)`);
    }
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  })();
  return tearingDown;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    log(`${signal}: stopping`);
    void teardown().then(() => process.exit(130));
  });
}

let code = 1;
try {
  code = await main();
} catch (err) {
  console.error(`e2e: ${err.stack ?? err.message}`);
  code = 1;
} finally {
  await teardown();
}
if (summaryFile) {
  // A run that broke before any test ran (build, database, a server) counts as one failure.
  const written = summary ?? { passed: 0, failed: 1, tests: 0, skipped: 0 };
  mkdirSync(dirname(resolve(root, summaryFile)), { recursive: true });
  writeFileSync(resolve(root, summaryFile), `${JSON.stringify({ ...written, exitCode: code })}\n`);
}
process.exit(code);
