// Statistics benchmark (docs/performance.md): the write side and the read side of issue 4.
//
//   node scripts/bench-statistics.mjs
//
// 1. Reconcile: loads BENCH_LINES order lines (5 per order, paid, one `order.paid` outbox event per
//    order) into a scratch database, then drains the outbox with the production drain (ledger,
//    watermark, attribution, daily and monthly roll-ups — dist/libs/persistence) and times it next to
//    one plain `INSERT … SELECT … GROUP BY` over the same rows (run before and after the drain, the
//    faster counts). Prints order-line events per second and the ratio. Checks that the drained
//    totals equal the plain GROUP BY to the fen.
// 2. Read: replaces the records with BENCH_RECORDS synthetic attribution records over a year (40
//    helped counties, 30 buyer cities, 6 buyer types, 50 categories, 3,000 suppliers), builds the
//    roll-ups with the production roll-up SQL, starts the real API on it and asks
//    /api/stats/totals for that year grouped by month, by county and by category, as the operator,
//    a western and an eastern official; one request in flight, BENCH_QUERIES timed after a warm-up.
//    Prints p50 / p99.
// Writes bench-results/statistics-<timestamp>.json; drops the database and stops the API.
//
// Environment: BENCH_LINES (1000000), BENCH_RECORDS (10000000), BENCH_QUERIES (200), BENCH_BATCH
// (2000 events per drain transaction), BENCH_PART (both | reconcile | read), BENCH_SKIP_BUILD=1,
// BENCH_KEEP_DB=1, DATABASE_ADMIN_URL (postgres://postgres@127.0.0.1:5432/postgres), REDIS_URL.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const env = (name, fallback) => (process.env[name] ? Number(process.env[name]) : fallback);
const LINES = env('BENCH_LINES', 1_000_000);
const RECORDS = env('BENCH_RECORDS', 10_000_000);
const QUERIES = env('BENCH_QUERIES', 200);
const BATCH = env('BENCH_BATCH', 2000);
const PART = process.env.BENCH_PART ?? 'both';
const adminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const database = `shanhai_bench_stats_${process.pid}`;
const dbUrl = (() => {
  const u = new URL(adminUrl);
  u.pathname = `/${database}`;
  return u.toString();
})();
const log = (line) => console.log(`bench-statistics: ${line}`);
const secs = (ms) => `${(ms / 1000).toFixed(2)} s`;
const results = { machine: { cpus: os.cpus().length, load: os.loadavg().map((l) => l.toFixed(2)) }, lines: LINES, records: RECORDS };
let api = null;

async function main() {
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    log('building');
    execFileSync(path.join(ROOT, 'node_modules/.bin/tsc'), ['-b', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  try {
    execFileSync(process.execPath, ['dist/apps/api/cli/migrate.js'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, DATABASE_URL: dbUrl } });
    const pool = new pg.Pool({ connectionString: dbUrl, max: 4 });
    pool.on('error', () => undefined); // the database is dropped at the end, whatever happened
    try {
      const places = await placesFor(pool);
      if (PART !== 'read') await reconcile(pool, places);
      if (PART !== 'reconcile') await read(pool, places);
    } finally {
      await pool.end();
    }
  } finally {
    if (api) api.kill('SIGTERM');
    if (process.env.BENCH_KEEP_DB !== '1') await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    else log(`kept database ${database}`);
    await admin.end();
  }
  mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true });
  const file = path.join(ROOT, 'bench-results', `statistics-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(results, null, 2));
  log(`wrote ${path.relative(ROOT, file)}`);
}

/** Real GB/T 2260 codes: 40 counties of Gansu (helped), 30 prefecture-level cities of Zhejiang, Jiangsu, Shanghai and Fujian (helping). */
async function placesFor(pool) {
  const counties = (await pool.query(`SELECT code FROM divisions WHERE level = 'county' AND code LIKE '62%' ORDER BY code LIMIT 40`)).rows.map((r) => r.code);
  const cities = (await pool.query(`SELECT code FROM divisions WHERE level = 'prefecture' AND (code LIKE '33%' OR code LIKE '32%' OR code LIKE '35%') ORDER BY code LIMIT 30`)).rows.map((r) => r.code);
  if (counties.length < 40 || cities.length < 20) throw new Error('reference divisions missing');
  return { counties, cities };
}

async function reconcile(pool, { counties, cities }) {
  const orders = Math.ceil(LINES / 5);
  log(`loading ${orders} paid orders with ${orders * 5} lines and one order.paid event each`);
  const t0 = Date.now();
  await pool.query(`INSERT INTO pairings (id, name, east_division_code, valid_from) VALUES ('00000000-0000-4000-8000-0000000000aa', '基准结对', '330000', '2020-01-01')`);
  await pool.query(`INSERT INTO pairing_counties (pairing_id, county_code, valid_from) SELECT '00000000-0000-4000-8000-0000000000aa', c, '2020-01-01' FROM unnest($1::text[]) c`, [counties]);
  await pool.query(
    `INSERT INTO organisations (id, kind, name, division_code, verification_status, supplier_type, households_lifted)
     SELECT ('00000000-0000-4000-a000-' || lpad(i::text, 12, '0'))::uuid, 'supplier', '合作社' || i, ($1::text[])[1 + i % 40], 'verified', 'cooperative', i % 50
       FROM generate_series(1, 1000) i`,
    [counties],
  );
  await pool.query(
    `INSERT INTO organisations (id, kind, name, buyer_type, verification_status)
     SELECT ('00000000-0000-4000-b000-' || lpad(i::text, 12, '0'))::uuid, 'buyer', '采购单位' || i, (ARRAY['enterprise','school','supermarket','government','hospital','other'])[1 + i % 6], 'verified'
       FROM generate_series(1, 2000) i`,
  );
  const chunk = 50_000;
  for (let from = 1; from <= orders; from += chunk) {
    const to = Math.min(orders, from + chunk - 1);
    await pool.query(
      `WITH o AS (
         SELECT i, ('00000000-0000-4000-c000-' || lpad(i::text, 12, '0'))::uuid AS id, 1 + i % 2000 AS buyer, 1 + (i * 7) % 1000 AS supplier, ($3::text[])[1 + i % array_length($3::text[], 1)] AS city
           FROM generate_series($1::int, $2::int) i),
       bo AS (
         INSERT INTO buyer_orders (id, number, organisation_id, placed_by, status, payment_method, payment_status, delivery_site_id, delivery_date, site_county_code, site_city_code, site_province_code,
                                   buyer_type, produce_fen, delivery_fee_fen, total_fen, paid_at)
         SELECT o.id, 'B' || o.i, ('00000000-0000-4000-b000-' || lpad(o.buyer::text, 12, '0'))::uuid, gen_random_uuid(), 'open', 'card', 'paid', gen_random_uuid(), '2026-06-30',
                left(o.city, 4) || '02', o.city, left(o.city, 2) || '0000', (ARRAY['enterprise','school','supermarket','government','hospital','other'])[1 + o.buyer % 6],
                0, 0, 0, timestamp '2026-01-01 08:00' + (o.i % 365) * interval '1 day' + (o.i % 600) * interval '1 minute'
           FROM o RETURNING id),
       so AS (
         INSERT INTO supplier_orders (id, buyer_order_id, supplier_id, supplier_county_code, status, produce_fen, delivery_fee_fen, distance_band, weight_g)
         SELECT o.id, o.id, ('00000000-0000-4000-a000-' || lpad(o.supplier::text, 12, '0'))::uuid, ($4::text[])[1 + o.supplier % 40], 'placed', 0, 0, 'near', 0 FROM o RETURNING id)
       INSERT INTO order_lines (supplier_order_id, buyer_order_id, line_no, sku_id, product_id, sku_code, product_name_zh, packing_unit_zh, category_id, origin_county_code, net_weight_g, quantity, unit_price_fen, line_fen, status)
       SELECT o.id, o.id, n, gen_random_uuid(), gen_random_uuid(), 'SKU' || n, '产品', '箱', 1 + (o.i + n) % 7, ($4::text[])[1 + o.supplier % 40], 10000, q, p, q * p, 'pending'
         FROM o CROSS JOIN generate_series(1, 5) n CROSS JOIN LATERAL (SELECT 1 + (o.i * n) % 40 AS q, 1000 + (o.i * 31 + n * 17) % 9000 AS p) x`,
      [from, to, cities, counties],
    );
  }
  await pool.query(`INSERT INTO outbox_events (type, aggregate_id, business_day, payload, tx_id)
                    SELECT 'order.paid', id, (paid_at AT TIME ZONE 'Asia/Shanghai')::date, jsonb_build_object('buyerOrderId', id), 1 FROM buyer_orders ORDER BY id`);
  await pool.query('ANALYZE');
  const lines = Number((await pool.query(`SELECT count(*) FROM order_lines`)).rows[0].count);
  log(`loaded ${lines} lines in ${secs(Date.now() - t0)}`);

  const baseline = async () => {
    await pool.query(`DROP TABLE IF EXISTS bench_baseline`);
    await pool.query(`CREATE UNLOGGED TABLE bench_baseline (day date, county char(6), city char(6), province char(6), buyer_type varchar(16), category_id int, supplier_id uuid, gross_fen bigint, lines bigint)`);
    const t = Date.now();
    await pool.query(
      `INSERT INTO bench_baseline
       SELECT (bo.paid_at AT TIME ZONE 'Asia/Shanghai')::date, so.supplier_county_code, bo.site_city_code, bo.site_province_code, bo.buyer_type, ol.category_id, so.supplier_id, sum(ol.line_fen), count(*)
         FROM order_lines ol JOIN supplier_orders so ON so.id = ol.supplier_order_id JOIN buyer_orders bo ON bo.id = ol.buyer_order_id
        GROUP BY 1, 2, 3, 4, 5, 6, 7`,
    );
    return Date.now() - t;
  };
  const before = await baseline();
  log(`plain INSERT … SELECT … GROUP BY: ${secs(before)}`);
  const { StatisticsDrainRepository, createDataSource } = require(path.join(ROOT, 'libs/persistence/dist/index.js'));
  const ds = createDataSource(dbUrl);
  await ds.initialize();
  const t1 = Date.now();
  const drained = await new StatisticsDrainRepository(ds).drain({ batchSize: BATCH });
  const drainMs = Date.now() - t1;
  await ds.destroy();
  const after = await baseline();
  const baseMs = Math.min(before, after);
  const [check] = (await pool.query(
    `SELECT (SELECT sum(gross_fen) FROM bench_baseline)::bigint AS plain, (SELECT sum(net_fen) FROM stat_attributions)::bigint AS records,
            (SELECT sum(net_fen) FROM stat_daily)::bigint AS daily, (SELECT sum(net_fen) FROM stat_monthly WHERE grain = 0)::bigint AS monthly`,
  )).rows;
  const exact = new Set([check.plain, check.records, check.daily, check.monthly]).size === 1;
  results.reconcile = {
    events: drained.events,
    lineEvents: drained.records,
    drainSeconds: drainMs / 1000,
    lineEventsPerSecond: Math.round(drained.records / (drainMs / 1000)),
    ordersPerSecond: Math.round(drained.events / (drainMs / 1000)),
    plainGroupBySeconds: { before: before / 1000, after: after / 1000 },
    ratio: Number((drainMs / baseMs).toFixed(2)),
    batchSize: BATCH,
    totalsEqual: exact,
    totals: check,
  };
  console.log(`\nreconcile ${drained.records} order-line events (${drained.events} outbox events, ${BATCH} per transaction)`);
  console.log(`  drain into records + daily + monthly roll-ups  ${secs(drainMs)}   ${results.reconcile.lineEventsPerSecond} line events/s`);
  console.log(`  one plain INSERT … SELECT … GROUP BY            ${secs(baseMs)}   (before ${secs(before)}, after ${secs(after)})`);
  console.log(`  ratio                                          ${results.reconcile.ratio}×   totals equal to the fen: ${exact ? 'yes' : 'NO'}\n`);
  if (!exact) process.exitCode = 1;
}

async function read(pool, { counties, cities }) {
  log(`generating ${RECORDS} attribution records over 2025`);
  await pool.query(`TRUNCATE stat_attributions, stat_daily, stat_monthly, stat_event_ledger`);
  const t0 = Date.now();
  const chunk = 1_000_000;
  for (let from = 1; from <= RECORDS; from += chunk) {
    const to = Math.min(RECORDS, from + chunk - 1);
    // Each supplier sits in one county and sells a few categories; each buyer sits in one city.
    await pool.query(
      `INSERT INTO stat_attributions (figure, kind, source_key, business_day, recorded_on, order_line_id, buyer_order_id, supplier_order_id, pairing_id, supplier_county_code,
                                      buyer_city_code, buyer_province_code, buyer_type, buyer_org_id, category_id, certified, certificate_no, supplier_id, households_linked,
                                      gross_fen, refund_fen, net_fen, lines)
       SELECT CASE WHEN i % 2 = 0 THEN 'sales' ELSE 'counted' END, CASE WHEN i % 23 = 0 THEN 'refund' ELSE 'sale' END, CASE WHEN i % 23 = 0 THEN i::text ELSE '' END,
              d, d, gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), CASE WHEN b % 5 = 0 THEN NULL ELSE '00000000-0000-4000-8000-0000000000aa'::uuid END,
              ($3::text[])[1 + s % 40], c, left(c, 2) || '0000', (ARRAY['enterprise','school','supermarket','government','hospital','other'])[1 + b % 6],
              ('00000000-0000-4000-b000-' || lpad(b::text, 12, '0'))::uuid, 1 + (s * 3 + i % 3) % 50, s % 5 <> 0, CASE WHEN s % 5 <> 0 THEN 'C' || s END,
              ('00000000-0000-4000-a000-' || lpad(s::text, 12, '0'))::uuid, s % 50,
              CASE WHEN i % 23 = 0 THEN 0 ELSE g END, CASE WHEN i % 23 = 0 THEN g / 10 ELSE 0 END, CASE WHEN i % 23 = 0 THEN -(g / 10) ELSE g END, CASE WHEN i % 23 = 0 THEN 0 ELSE 1 END
         FROM generate_series($1::bigint, $2::bigint) i
         CROSS JOIN LATERAL (SELECT 1 + (i * 7919) % 3000 AS s, 1 + (i * 104729) % 20000 AS b, 1000 + (i * 31) % 500000 AS g, date '2025-01-01' + ((i * 13) % 365)::int AS d) x
         CROSS JOIN LATERAL (SELECT ($4::text[])[1 + b % array_length($4::text[], 1)] AS c) y`,
      [from, to, counties, cities],
    );
    log(`  ${to} records (${secs(Date.now() - t0)})`);
  }
  const { rollupStatements } = require(path.join(ROOT, 'libs/persistence/dist/index.js'));
  const t1 = Date.now();
  for (let m = 1; m <= 12; m++) {
    const start = `2025-${String(m).padStart(2, '0')}-01`;
    const end = m === 12 ? '2026-01-01' : `2025-${String(m + 1).padStart(2, '0')}-01`;
    const source = `(SELECT * FROM stat_attributions WHERE business_day >= '${start}' AND business_day < '${end}')`;
    const sql = rollupStatements(source);
    await pool.query(sql.daily);
    await pool.query(sql.monthly);
  }
  await pool.query('ANALYZE');
  const counts = (await pool.query(`SELECT (SELECT count(*) FROM stat_daily) AS daily, (SELECT count(*) FROM stat_monthly) AS monthly`)).rows[0];
  log(`roll-ups built in ${secs(Date.now() - t1)}: ${counts.daily} daily rows, ${counts.monthly} monthly rows`);

  const tokens = await startApiWithUsers(pool);
  const queries = [];
  for (const [who, token] of Object.entries(tokens)) {
    for (const groupBy of ['month', 'supplierCounty', 'category']) queries.push({ who, groupBy, token, figure: 'counted' });
  }
  results.read = { dailyRows: Number(counts.daily), monthlyRows: Number(counts.monthly), queries: [] };
  console.log(`\nread side at ${RECORDS} attribution records: GET /api/stats/totals for 2025, one request in flight, ${QUERIES} timed`);
  console.log(`  ${'caller'.padEnd(10)} ${'groupBy'.padEnd(16)} ${'rows'.padStart(5)} ${'source'.padEnd(14)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`);
  for (const q of queries) {
    const url = `${api.url}/api/stats/totals?from=2025-01-01&to=2025-12-31&figure=${q.figure}&groupBy=${q.groupBy}`;
    let last = null;
    for (let i = 0; i < 10; i++) last = await fetchJson(url, q.token);
    const times = [];
    for (let i = 0; i < QUERIES; i++) {
      const t = performance.now();
      await fetchJson(url, q.token);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const p = (x) => times[Math.min(times.length - 1, Math.floor(x * times.length))];
    const row = { caller: q.who, groupBy: q.groupBy, rows: last.rows.length, source: last.source, p50: Number(p(0.5).toFixed(1)), p99: Number(p(0.99).toFixed(1)) };
    results.read.queries.push(row);
    console.log(`  ${row.caller.padEnd(10)} ${row.groupBy.padEnd(16)} ${String(row.rows).padStart(5)} ${row.source.padEnd(14)} ${row.p50.toFixed(1).padStart(8)} ${row.p99.toFixed(1).padStart(8)}`);
  }
  console.log('');
}

async function fetchJson(url, token) {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function startApiWithUsers(pool) {
  const { hashPassword } = require(path.join(ROOT, 'dist/apps/api/identity/password.js'));
  const hash = await hashPassword('bench-password-1');
  const people = [
    ['operator', 'operator', null],
    ['west', 'jurisdiction', '620000'],
    ['east', 'jurisdiction', '330000'],
  ];
  for (const [who, kind, division] of people) {
    const org = (await pool.query(`INSERT INTO organisations (kind, name, division_code, verification_status) VALUES ($1, $2, $3, 'verified') RETURNING id`, [kind, `bench ${who}`, division])).rows[0].id;
    const user = (await pool.query(`INSERT INTO users (email, display_name, password_hash) VALUES ($1, $2, $3) RETURNING id`, [`${who}@bench.shanhai.cn`, who, hash])).rows[0].id;
    await pool.query(`INSERT INTO memberships (user_id, organisation_id, role) VALUES ($1, $2, $3)`, [user, org, kind === 'operator' ? 'operator' : 'official']);
  }
  const port = await new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => resolve(p));
    });
  });
  const storage = mkdtempSync(path.join(os.tmpdir(), 'shanhai-bench-'));
  api = spawn(process.execPath, [path.join(ROOT, 'dist/apps/api/main.js')], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DATABASE_URL: dbUrl, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', STORAGE_DIR: storage, AUTH_RATE_LIMIT_PER_MINUTE: '1000', QUEUE_PREFIX: `bench-${process.pid}` },
  });
  api.url = `http://127.0.0.1:${port}`;
  process.on('exit', () => rmSync(storage, { recursive: true, force: true }));
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${api.url}/api/categories`)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  const tokens = {};
  for (const [who] of people) {
    const res = await fetch(`${api.url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: `${who}@bench.shanhai.cn`, password: 'bench-password-1' }) });
    tokens[who] = (await res.json()).token;
  }
  return tokens;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
