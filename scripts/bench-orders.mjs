// Order placement benchmark (issue 3): orders per second and latency at 32 concurrent buyers with
// contention on a few hot SKUs, then a race for a scarce SKU; zero oversell is asserted at the end.
//   node scripts/bench-orders.mjs            (BENCH_SECONDS, BENCH_CONCURRENCY to change the load)
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Agent, setGlobalDispatcher } from 'undici';
import pg from 'pg';
import { root, startChild, waitFor } from './lib.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const PORT = 3300 + (process.pid % 500);
const db = `shanhai_bench_orders_${process.pid}`;
const adminUrl = 'postgres://postgres@127.0.0.1:5432/postgres';
const url = `postgres://postgres@127.0.0.1:5432/${db}`;
const env = { DATABASE_URL: url, PORT: String(PORT), LOG_LEVEL: 'warn', AUTH_RATE_LIMIT_PER_MINUTE: '100000', QUEUE_PREFIX: `bench-${process.pid}`, DATABASE_POOL_SIZE: '16' };
setGlobalDispatcher(new Agent({ connections: CONCURRENCY * 2, keepAliveTimeout: 30_000 }));

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
let api;
const cleanup = async () => {
  api?.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`).catch(() => undefined);
  await admin.end().catch(() => undefined);
};
process.on('SIGINT', async () => {
  await cleanup();
  process.exit(130);
});

try {
  execSync('npx tsc -b tsconfig.build.json', { cwd: root, stdio: 'inherit' });
  execSync('node dist/apps/api/cli/migrate.js && node dist/apps/api/cli/seed.js', { cwd: root, stdio: 'ignore', env: { ...process.env, ...env } });
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  // Hot SKUs: the first SKU of four popular products gets deep stock in one big lot.
  const hot = (await c.query(`SELECT s.id, s.code FROM skus s JOIN products p ON p.id = s.product_id WHERE p.visible AND s.min_order_quantity = 1 AND s.order_multiple = 1 AND s.lead_time_days <= 5 ORDER BY s.code LIMIT 4`)).rows;
  const cold = (await c.query(`SELECT s.id, s.min_order_quantity AS min, s.order_multiple AS mult FROM skus s JOIN products p ON p.id = s.product_id WHERE p.visible AND s.lead_time_days <= 5 AND NOT (s.id = ANY($1)) ORDER BY s.code`, [hot.map((h) => h.id)])).rows;
  const base = (await c.query(`SELECT b.id, b.organisation_id FROM production_bases b`)).rows;
  for (const h of hot) {
    const [{ supplier_id }] = (await c.query(`SELECT p.supplier_id FROM skus s JOIN products p ON p.id = s.product_id WHERE s.id = $1`, [h.id])).rows;
    const b = base.find((x) => x.organisation_id === supplier_id);
    await c.query(`INSERT INTO lots (sku_id, base_id, code, harvest_date, quantity_units, available_units) VALUES ($1, $2, 'BENCH', '2026-01-01', 1000000, 1000000)`, [h.id, b.id]);
    await c.query(`UPDATE skus SET stock_units = stock_units + 1000000 WHERE id = $1`, [h.id]);
  }
  for (const s of cold) {
    const [{ supplier_id }] = (await c.query(`SELECT p.supplier_id FROM skus s JOIN products p ON p.id = s.product_id WHERE s.id = $1`, [s.id])).rows;
    const b = base.find((x) => x.organisation_id === supplier_id);
    await c.query(`INSERT INTO lots (sku_id, base_id, code, harvest_date, quantity_units, available_units) VALUES ($1, $2, 'BENCH', '2026-01-01', 1000000, 1000000)`, [s.id, b.id]);
    await c.query(`UPDATE skus SET stock_units = stock_units + 1000000 WHERE id = $1`, [s.id]);
  }
  await c.query(`UPDATE products p SET stock_units = (SELECT COALESCE(sum(stock_units), 0) FROM skus WHERE product_id = p.id)`);
  const initial = new Map((await c.query(`SELECT id, stock_units FROM skus`)).rows.map((r) => [r.id, r.stock_units]));

  api = startChild('api', 'node', ['dist/apps/api/main.js'], env);
  const base_url = `http://127.0.0.1:${PORT}`;
  await waitFor(async () => (await fetch(`${base_url}/api/health`).catch(() => null))?.ok ?? false, { what: 'the API' });

  const post = (path, body, token) =>
    fetch(`${base_url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  // 32 buyer organisations, each with a delivery site.
  const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const creditCode = (n) => {
    const body = `913398000MA${String(n).padStart(6, '0')}`.slice(0, 17);
    const sum = [...body].reduce((a, ch, i) => a + ALPHABET.indexOf(ch) * W[i], 0);
    return body + ALPHABET[(31 - (sum % 31)) % 31];
  };
  const buyers = [];
  for (let i = 0; i < CONCURRENCY; i++) {
    const res = await post('/api/auth/sign-up', { email: `bench-${i}@bench.shanhai.cn`, password: 'bench-password-1', displayName: `bench ${i}`, organisation: { kind: 'buyer', name: `压测采购单位 ${i}`, buyerType: 'enterprise', creditCode: creditCode(i + 1) } });
    const s = await res.json();
    const site = await (await post(`/api/organisations/${s.user.memberships[0].organisationId}/delivery-sites`, { name: '食堂', address: '东澜市', countyCode: '339801' }, s.token)).json();
    buyers.push({ token: s.token, site: site.id });
  }
  const deliveryDate = new Date(Date.now() + 8 * 86400_000 + 8 * 3600_000).toISOString().slice(0, 10);
  const rand = (n) => Math.floor(Math.random() * n);

  async function phase(name, seconds, makeLines) {
    const latencies = [];
    const statuses = {};
    const until = Date.now() + seconds * 1000;
    const started = performance.now();
    await Promise.all(
      buyers.map(async (b) => {
        while (Date.now() < until) {
          const lines = makeLines();
          if (!lines) return;
          const t0 = performance.now();
          const res = await post('/api/orders', { deliverySiteId: b.site, deliveryDate, paymentMethod: 'card', lines }, b.token);
          await res.arrayBuffer();
          latencies.push(performance.now() - t0);
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          if (res.status === 409 && name === 'scarce') return;
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
    return { name, requests: latencies.length, seconds: +elapsed.toFixed(1), perSecond: +(statuses[201] / elapsed || 0).toFixed(1), p50: +q(0.5).toFixed(1), p95: +q(0.95).toFixed(1), p99: +q(0.99).toFixed(1), max: +q(1).toFixed(1), statuses };
  }

  const results = [];
  // Contended: every order takes 1–4 units of one of 4 hot SKUs plus 0–3 other lines.
  results.push(
    await phase('contended', SECONDS, () => {
      const lines = [{ skuId: hot[rand(hot.length)].id, quantity: 1 + rand(4) }];
      const extra = rand(4);
      const used = new Set(lines.map((l) => l.skuId));
      for (let i = 0; i < extra; i++) {
        const s = cold[rand(cold.length)];
        if (used.has(s.id)) continue;
        used.add(s.id);
        lines.push({ skuId: s.id, quantity: Math.max(s.min, s.mult) * (1 + rand(2)) });
      }
      return lines;
    }),
  );

  // Scarce: one SKU with exactly 500 units left; everyone races for it, 1–3 units an order.
  const scarce = hot[0];
  const [{ stock_units: before }] = (await c.query(`SELECT stock_units FROM skus WHERE id = $1`, [scarce.id])).rows;
  await c.query(`UPDATE lots SET available_units = 0 WHERE sku_id = $1 AND code <> 'BENCH'`, [scarce.id]);
  await c.query(`UPDATE lots SET available_units = 500, quantity_units = GREATEST(quantity_units, 500) WHERE sku_id = $1 AND code = 'BENCH'`, [scarce.id]);
  await c.query(`UPDATE skus SET stock_units = 500 WHERE id = $1`, [scarce.id]);
  const [{ sold_before }] = (await c.query(`SELECT COALESCE(sum(quantity), 0)::int AS sold_before FROM order_lines WHERE sku_id = $1`, [scarce.id])).rows;
  results.push(await phase('scarce', 60, () => [{ skuId: scarce.id, quantity: 1 + rand(3) }]));
  const [{ sold_after }] = (await c.query(`SELECT COALESCE(sum(quantity), 0)::int AS sold_after FROM order_lines WHERE sku_id = $1`, [scarce.id])).rows;
  const [{ left }] = (await c.query(`SELECT stock_units AS left FROM skus WHERE id = $1`, [scarce.id])).rows;
  void before;

  // Invariants: no SKU sold more than it had; every SKU's stock equals its lots; every reserved unit is allocated to a lot.
  const problems = [];
  const now = new Map((await c.query(`SELECT s.id, s.stock_units, COALESCE((SELECT sum(available_units) FROM lots WHERE sku_id = s.id), 0)::int AS lots FROM skus s`)).rows.map((r) => [r.id, r]));
  for (const [id, r] of now) {
    if (r.stock_units < 0) problems.push(`SKU ${id} negative stock ${r.stock_units}`);
    if (r.stock_units !== r.lots) problems.push(`SKU ${id}: stock ${r.stock_units} ≠ lots ${r.lots}`);
  }
  const [{ unallocated }] = (await c.query(`SELECT count(*)::int AS unallocated FROM order_lines ol WHERE ol.quantity <> (SELECT COALESCE(sum(quantity), 0) FROM line_allocations a WHERE a.order_line_id = ol.id)`)).rows;
  if (unallocated) problems.push(`${unallocated} order lines not fully allocated to lots`);
  const scarceSold = sold_after - sold_before;
  if (scarceSold !== 500 || left !== 0) problems.push(`scarce SKU: sold ${scarceSold} of 500, ${left} left`);
  for (const h of hot.slice(1)) {
    const [{ sold }] = (await c.query(`SELECT COALESCE(sum(quantity), 0)::int AS sold FROM order_lines WHERE sku_id = $1`, [h.id])).rows;
    if (sold + now.get(h.id).stock_units !== initial.get(h.id)) problems.push(`hot SKU ${h.code}: sold ${sold} + left ${now.get(h.id).stock_units} ≠ ${initial.get(h.id)}`);
  }
  await c.end();

  console.log(`\nOrder placement, ${CONCURRENCY} concurrent buyers, ${hot.length} hot SKUs (machine: ${(await import('node:os')).cpus().length} cores)`);
  console.log('phase       orders/s  requests  p50 ms  p95 ms  p99 ms  max ms  statuses');
  for (const r of results) console.log(`${r.name.padEnd(11)} ${String(r.perSecond).padStart(8)}  ${String(r.requests).padStart(8)}  ${String(r.p50).padStart(6)}  ${String(r.p95).padStart(6)}  ${String(r.p99).padStart(6)}  ${String(r.max).padStart(6)}  ${JSON.stringify(r.statuses)}`);
  console.log(`scarce SKU: 500 units, sold ${scarceSold}, left ${left}; invariants: ${problems.length ? problems.join('; ') : 'no oversell, stock = lots for every SKU, every line allocated'}`);
  mkdirSync(`${root}/bench-results`, { recursive: true });
  writeFileSync(`${root}/bench-results/orders-${Date.now()}.json`, JSON.stringify({ concurrency: CONCURRENCY, results, scarceSold, left, problems }, null, 2));
  await cleanup();
  process.exit(problems.length || results.some((r) => Object.keys(r.statuses).some((s) => !['201', '409'].includes(s))) ? 1 : 0);
} catch (err) {
  console.error(err);
  await cleanup();
  process.exit(1);
}
