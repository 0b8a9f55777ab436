// Catalog browse and search benchmark (docs/performance.md).
//
//   npm run bench
//
// Builds the API, loads 100,000 products into a scratch database shanhai_bench_<pid>, starts the real
// API against it on a free loopback port and measures browse, search and product pages over HTTP with
// keep-alive at a fixed concurrency. Beside it, the same 土豆 search as a naive LIKE scan and as the
// indexed token query, straight in SQL. Prints a table, writes bench-results/catalog-<timestamp>.json,
// drops the database and stops the API. Exits 1 when any request failed or 土豆 found nothing.
//
// Environment (all optional):
//   BENCH_CONCURRENCY     requests in flight (16)
//   BENCH_SECONDS         measured seconds per HTTP scenario (10)
//   BENCH_ROUNDS          the measured seconds are taken in this many interleaved slices (5)
//   BENCH_WARMUP_SECONDS  unmeasured seconds before each scenario but the mixes (1)
//   BENCH_SINGLE_SECONDS  then this many seconds per scenario with one client, for unloaded latency (1; 0 = skip)
//   BENCH_PRODUCTS        products to load (100000)
//   BENCH_SQL_ROUNDS      timed repetitions per SQL variant in the baseline (96)
//   BENCH_SEED            PRNG seed for the generated catalog (20240611)
//   BENCH_SKIP_BUILD=1    use dist/ as it is instead of running tsc first
//   BENCH_KEEP_DB=1       keep the scratch database at the end (for EXPLAIN by hand; drop it yourself)
//   BENCH_LOAD_ONLY=1     stop after loading (implies nothing measured; pair with BENCH_KEEP_DB=1)
//   DATABASE_ADMIN_URL    where to create the scratch database (postgres://postgres@127.0.0.1:5432/postgres)
//   REDIS_URL             Redis for the API's health check (redis://127.0.0.1:6379)
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import pg from 'pg';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const DIST = path.join(ROOT, 'dist/apps/api');

// ---------------------------------------------------------------------------------------------
function envInt(name, fallback, min = 1) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min) throw new Error(`${name} must be a number >= ${min}, got "${raw}"`);
  return n;
}

const CONCURRENCY = envInt('BENCH_CONCURRENCY', 16);
const SECONDS = envInt('BENCH_SECONDS', 10);
const WARMUP_SECONDS = envInt('BENCH_WARMUP_SECONDS', 1, 0);
const ROUNDS = envInt('BENCH_ROUNDS', 5);
const SERIAL_SECONDS = envInt('BENCH_SINGLE_SECONDS', 1, 0);
const PRODUCTS = envInt('BENCH_PRODUCTS', 100_000, 100);
const SQL_ROUNDS = envInt('BENCH_SQL_ROUNDS', 96);
const SEED = envInt('BENCH_SEED', 20240611, 0);
const SKIP_BUILD = process.env.BENCH_SKIP_BUILD === '1';
const KEEP_DB = process.env.BENCH_KEEP_DB === '1';
const LOAD_ONLY = process.env.BENCH_LOAD_ONLY === '1';
const ADMIN_URL = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const SUPPLIERS = 500;
const MIX_SIZE = 200;
const WATCHDOG_MS = 12 * 60_000;

const log = (line) => console.log(`[bench] ${line}`);
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Deterministic PRNG (mulberry32) so every run loads the same catalog. */
function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.int = (n) => Math.floor(next() * n);
  next.pick = (list) => list[Math.floor(next() * list.length)];
  next.chance = (p) => next() < p;
  return next;
}

function assertLoopback(urlText, what) {
  const host = new URL(urlText).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) throw new Error(`${what} must be on loopback, got ${host}`);
}

// ---------------------------------------------------------------------------------------------
// Vocabulary of the generated catalog.

const CATEGORY_ITEMS = {
  potatoes: [
    ['土豆', 'potatoes'], ['黄心土豆', 'yellow-flesh potatoes'], ['马铃薯', 'potatoes'], ['紫皮马铃薯', 'purple-skin potatoes'],
    ['红薯', 'sweet potatoes'], ['紫薯', 'purple sweet potatoes'], ['山药', 'Chinese yam'], ['芋头', 'taro'], ['魔芋', 'konjac'],
    ['种薯', 'seed potatoes'],
  ],
  vegetables: [
    ['白菜', 'Chinese cabbage'], ['大白菜', 'napa cabbage'], ['娃娃菜', 'baby cabbage'], ['胡萝卜', 'carrots'], ['白萝卜', 'white radish'],
    ['辣椒', 'chili peppers'], ['番茄', 'tomatoes'], ['黄瓜', 'cucumbers'], ['洋葱', 'onions'], ['大蒜', 'garlic'], ['韭菜', 'garlic chives'],
    ['菠菜', 'spinach'], ['花椰菜', 'cauliflower'], ['莲藕', 'lotus root'], ['百合', 'lily bulbs'],
  ],
  fruit: [
    ['苹果', 'apples'], ['红富士苹果', 'Red Fuji apples'], ['花牛苹果', 'Huaniu apples'], ['香梨', 'fragrant pears'], ['葡萄', 'grapes'],
    ['哈密瓜', 'Hami melons'], ['红枣', 'red dates'], ['核桃', 'walnuts'], ['猕猴桃', 'kiwi fruit'], ['石榴', 'pomegranates'],
    ['杏子', 'apricots'], ['脐橙', 'navel oranges'], ['芒果', 'mangoes'], ['樱桃', 'cherries'],
  ],
  grains: [
    ['荞麦', 'buckwheat'], ['苦荞麦', 'tartary buckwheat'], ['燕麦', 'oats'], ['青稞', 'highland barley'], ['小米', 'millet'],
    ['藜麦', 'quinoa'], ['玉米', 'corn'], ['黑豆', 'black beans'], ['红豆', 'red beans'], ['大米', 'rice'], ['糯米', 'glutinous rice'],
  ],
  herbs: [
    ['党参', 'codonopsis root'], ['黄芪', 'astragalus root'], ['当归', 'angelica root'], ['枸杞', 'goji berries'], ['天麻', 'gastrodia tuber'],
    ['三七', 'notoginseng'], ['甘草', 'licorice root'], ['金银花', 'honeysuckle flowers'], ['贝母', 'fritillaria bulbs'], ['红芪', 'red astragalus'],
  ],
  livestock: [
    ['牛肉', 'beef'], ['牦牛肉', 'yak beef'], ['羊肉', 'mutton'], ['滩羊肉', 'Tan sheep mutton'], ['猪肉', 'pork'], ['土鸡', 'free-range chicken'],
    ['土鸡蛋', 'free-range eggs'], ['鸡蛋', 'eggs'], ['蜂蜜', 'honey'], ['牦牛奶', 'yak milk'], ['酸奶', 'yogurt'],
  ],
  processed: [
    ['马铃薯粉条', 'potato starch noodles'], ['土豆片', 'potato chips'], ['苹果干', 'dried apple chips'], ['荞麦面', 'buckwheat noodles'],
    ['牛肉干', 'beef jerky'], ['辣椒酱', 'chili sauce'], ['菜籽油', 'rapeseed oil'], ['核桃油', 'walnut oil'], ['红枣干', 'dried red dates'],
    ['党参片', 'codonopsis slices'], ['枸杞原浆', 'goji juice'], ['青稞酒', 'highland barley wine'],
  ],
};
const PREFIXES = [
  ['高山', 'highland'], ['有机', 'organic'], ['富硒', 'selenium-rich'], ['生态', 'eco'], ['绿色', 'green'], ['农家', 'farmhouse'],
  ['精选', 'selected'], ['野生', 'wild'], ['原生态', 'natural'], ['新鲜', 'fresh'], ['散养', 'free-range'], ['高原', 'plateau'],
];
const SUFFIXES = [[' (礼盒装)', ', gift box'], [' (食堂装)', ', canteen pack'], [' 大果', ', large'], [' 统货', ', ungraded'], [' (新货)', ', new season']];
const GRADES = ['特级', '一级', '一级', '二级', '优级', null];
const SPECS = ['5公斤/箱', '10公斤/箱', '25公斤/袋', '500克/袋', '1公斤/袋', '单果200-300克', '整件'];
const SUPPLIER_WORDS = ['丰源', '金穗', '绿野', '山泉', '云上', '鑫农', '惠民', '兴农', '雪域', '祥和', '福瑞', '青禾', '康源', '天泽', '益农', '岭上', '瑞丰', '恒昌', '禾美', '秀川'];
const SUPPLIER_WORDS_EN = ['Fengyuan', 'Jinsui', 'Lvye', 'Shanquan', 'Yunshang', 'Xinnong', 'Huimin', 'Xingnong', 'Xueyu', 'Xianghe', 'Furui', 'Qinghe', 'Kangyuan', 'Tianze', 'Yinong', 'Lingshang', 'Ruifeng', 'Hengchang', 'Hemei', 'Xiuchuan'];
const INDUSTRIES = [
  { zh: '马铃薯', en: 'Potato', categories: ['potatoes', 'potatoes', 'potatoes', 'processed', 'vegetables'] },
  { zh: '果业', en: 'Fruit', categories: ['fruit', 'fruit', 'fruit', 'processed'] },
  { zh: '杂粮', en: 'Grains', categories: ['grains', 'grains', 'grains', 'processed'] },
  { zh: '中药材', en: 'Herbs', categories: ['herbs', 'herbs', 'herbs', 'processed'] },
  { zh: '畜牧', en: 'Livestock', categories: ['livestock', 'livestock', 'livestock', 'processed'] },
  { zh: '蔬菜', en: 'Vegetable', categories: ['vegetables', 'vegetables', 'vegetables', 'potatoes'] },
  { zh: '农产品', en: 'Produce', categories: Object.keys(CATEGORY_ITEMS) },
];
const FORMS = [
  { zh: '专业合作社', en: 'Cooperative', type: 'cooperative' },
  { zh: '农业发展有限公司', en: 'Agriculture Co., Ltd.', type: 'enterprise' },
  { zh: '家庭农场', en: 'Family Farm', type: 'family_farm' },
];
const STORAGE = { livestock: ['frozen', 'chilled', 'chilled'], fruit: ['chilled', 'ambient'], vegetables: ['chilled', 'chilled', 'ambient'] };
const WESTERN_PROVINCES = ['62', '63', '64', '52', '53', '54', '65'];

// ---------------------------------------------------------------------------------------------
async function main() {
  const started = Date.now();
  assertLoopback(ADMIN_URL, 'DATABASE_ADMIN_URL');
  assertLoopback(REDIS_URL, 'REDIS_URL');
  const dbName = `shanhai_bench_${process.pid}`;
  const dbUrl = new URL(ADMIN_URL);
  dbUrl.pathname = `/${dbName}`;
  const DATABASE_URL = dbUrl.toString();
  const storageDir = mkdtempSync(path.join(os.tmpdir(), 'shanhai-bench-'));
  const state = { api: null, apiLog: [], pools: [], workers: [], dbCreated: false, cleaning: null };

  const cleanup = async () => {
    if (state.cleaning) return state.cleaning;
    state.cleaning = (async () => {
      for (const w of state.workers) await w.terminate().catch(() => undefined);
      await stopApi(state);
      for (const p of state.pools) await p.end().catch(() => undefined);
      if (state.dbCreated && KEEP_DB) log(`kept database ${dbName} (BENCH_KEEP_DB=1)`);
      else if (state.dbCreated) {
        const admin = new pg.Client({ connectionString: ADMIN_URL });
        try {
          await admin.connect();
          await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
          log(`dropped database ${dbName}`);
        } catch (err) {
          console.error(`[bench] could not drop ${dbName}: ${err.message}`);
        } finally {
          await admin.end().catch(() => undefined);
        }
      }
      rmSync(storageDir, { recursive: true, force: true });
    })();
    return state.cleaning;
  };
  const abort = (code, why) => {
    console.error(`[bench] ${why}; cleaning up`);
    cleanup().finally(() => process.exit(code));
  };
  process.once('SIGINT', () => abort(130, 'interrupted'));
  process.once('SIGTERM', () => abort(143, 'terminated'));
  const watchdog = setTimeout(() => abort(2, `gave up after ${WATCHDOG_MS / 60000} minutes`), WATCHDOG_MS);
  watchdog.unref();

  let exitCode = 0;
  try {
    // 1. Build, scratch database, schema, reference data, demo places.
    let t = Date.now();
    if (SKIP_BUILD) log('using dist/ as built (BENCH_SKIP_BUILD=1)');
    else {
      log('building the API (tsc -b apps/api/tsconfig.app.json)');
      try {
        execFileSync('npx', ['tsc', '-b', 'apps/api/tsconfig.app.json'], { cwd: ROOT, stdio: 'inherit' });
      } catch {
        throw new Error('the API does not build (see the compiler output above)');
      }
    }
    const buildMs = Date.now() - t;

    t = Date.now();
    state.dbCreated = true; // migrate.js creates it; drop it even if migrating fails halfway
    execFileSync(process.execPath, [path.join(DIST, 'cli/migrate.js')], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, DATABASE_URL } });
    const pool = new pg.Pool({ connectionString: DATABASE_URL, max: Math.max(CONCURRENCY, 4) });
    pool.on('error', () => undefined); // idle clients cut off when the database is dropped
    state.pools.push(pool);
    const pgSettings = Object.fromEntries(
      (
        await pool.query(
          `SELECT name, current_setting(name) AS value FROM pg_settings
            WHERE name IN ('shared_buffers', 'work_mem', 'effective_cache_size', 'random_page_cost', 'jit', 'max_parallel_workers_per_gather')`,
        )
      ).rows.map((r) => [r.name, r.value]),
    );
    const { insertDemoPlaces } = require(path.join(DIST, 'cli/demo-places.js'));
    await insertDemoPlaces({ query: async (sql, params) => (await pool.query(sql, params)).rows });
    const migrateMs = Date.now() - t;

    // 2. The catalog.
    const load = await loadCatalog(pool, state);
    log(`loaded ${load.counts.products.toLocaleString('en')} products in ${secs(load.ms)} (${load.phases.map((p) => `${p.name} ${secs(p.ms)}`).join(', ')})`);

    if (LOAD_ONLY) return;

    // 3. The API.
    const port = await freePort();
    t = Date.now();
    await startApi(state, { DATABASE_URL, port, storageDir });
    log(`API up on 127.0.0.1:${port} in ${secs(Date.now() - t)}`);

    // 4. HTTP scenarios, interleaved: every scenario runs ROUNDS slices of SECONDS/ROUNDS, in turn, so
    //    that a burst of load from elsewhere on a shared machine falls on all of them alike.
    const ids = (await pool.query(`SELECT id FROM products WHERE visible ORDER BY md5(id::text) LIMIT 2000`)).rows.map((r) => r.id);
    const scenarios = buildScenarios(ids, load.sample);
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY, maxFreeSockets: CONCURRENCY });
    t = Date.now();
    for (const s of scenarios) if (s.warmup && WARMUP_SECONDS > 0) await drive(agent, port, s, WARMUP_SECONDS, CONCURRENCY, null);
    const loaded = new Map(scenarios.map((s) => [s, newStats()]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const s of scenarios) await drive(agent, port, s, SECONDS / ROUNDS, CONCURRENCY, loaded.get(s));
      log(`round ${round + 1}/${ROUNDS} done`);
    }
    const single = new Map(scenarios.map((s) => [s, newStats()]));
    if (SERIAL_SECONDS > 0) for (const s of scenarios) await drive(agent, port, s, SERIAL_SECONDS, 1, single.get(s));
    agent.destroy();
    const results = scenarios.map((s) => summarise(s, loaded.get(s), SERIAL_SECONDS > 0 ? single.get(s) : null));
    const httpMs = Date.now() - t;
    for (const r of results) if (r.errors > 0) for (const e of r.errorSamples) console.error(`[bench] ${r.name}: ${e}`);

    // 5. SQL: naive LIKE scan vs the token index, same concurrency; EXPLAIN of the API's own queries.
    t = Date.now();
    const baseline = await sqlBaseline(pool);
    const explain = await explainApiQueries(pool, scenarios);
    const sqlMs = Date.now() - t;

    // 6. Report.
    const apiErrors = state.apiLog.filter((l) => /"level":(50|60)/.test(l));
    const report = {
      benchmark: 'catalog',
      startedAt: new Date(started).toISOString(),
      durationSeconds: Math.round((Date.now() - started) / 1000),
      machine: { ...machine(load.pgVersion), postgresSettings: pgSettings },
      config: { concurrency: CONCURRENCY, secondsPerScenario: SECONDS, rounds: ROUNDS, warmupSeconds: WARMUP_SECONDS, singleClientSeconds: SERIAL_SECONDS, products: PRODUCTS, sqlRounds: SQL_ROUNDS, seed: SEED, mixSize: MIX_SIZE },
      setup: { buildMs, migrateMs, load, httpMs, sqlMs },
      scenarios: results,
      sqlBaseline: baseline,
      explain,
      apiLogErrorLines: apiErrors.slice(0, 20),
    };
    printReport(report);
    mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true });
    const file = path.join(ROOT, 'bench-results', `catalog-${new Date(started).toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify(report, null, 2));
    log(`wrote ${path.relative(ROOT, file)}`);

    const failed = results.filter((r) => r.errors > 0).map((r) => `${r.name}: ${r.errors} errors`);
    const tudou = results.find((r) => r.name === 'search 土豆');
    if (!tudou || !(tudou.results > 0)) failed.push('search 土豆 found nothing');
    if (baseline.naive.rows === 0 || baseline.indexed.rows === 0) failed.push('SQL baseline found nothing');
    if (failed.length) {
      console.error(`[bench] FAILED: ${failed.join('; ')}`);
      exitCode = 1;
    } else {
      log(`done in ${secs(Date.now() - started)}`);
    }
  } catch (err) {
    console.error(`[bench] failed: ${err.stack ?? err.message}`);
    if (state.apiLog.length) console.error(`[bench] last API output:\n${state.apiLog.slice(-30).join('\n')}`);
    exitCode = 1;
  } finally {
    await cleanup();
  }
  process.exit(exitCode);
}

// ---------------------------------------------------------------------------------------------
// Loading

async function loadCatalog(pool, state) {
  const t0 = Date.now();
  const phases = [];
  const phase = async (name, fn) => {
    const t = Date.now();
    const out = await fn();
    phases.push({ name, ms: Date.now() - t });
    return out;
  };
  const rnd = prng(SEED);
  const pgVersion = (await pool.query('SHOW server_version')).rows[0].server_version;
  const bulk = await bulkSession(pool);
  const side = await bulkSession(pool); // a second session, for work that can overlap on two cores
  try {
    return await loadWith(pool, bulk, side, state, { t0, phases, phase, rnd, pgVersion });
  } finally {
    bulk.release();
    side.release();
  }
}

/**
 * A session for bulk statements: no commit waits, and no per-row foreign-key triggers (SKUs and
 * certificates are written before the products they belong to; the references are checked at the end).
 */
async function bulkSession(pool) {
  const client = await pool.connect();
  try {
    await client.query(`SET synchronous_commit = off; SET maintenance_work_mem = '256MB'`);
    await client.query('SET session_replication_role = replica');
  } catch (err) {
    client.release();
    throw new Error(`loading needs a superuser connection (session_replication_role): ${err.message}`);
  }
  return client;
}

async function loadWith(pool, bulk, side, state, { t0, phases, phase, rnd, pgVersion }) {
  // Places: ~7 real counties (名 …县) in each western province plus the demo prefecture's two.
  const counties = await phase('places', async () => {
    const { rows } = await pool.query(
      `SELECT c.code, c.name, pf.name AS prefecture, pr.code AS province_code, pr.name AS province
         FROM (SELECT d.*, row_number() OVER (PARTITION BY substr(d.code, 1, 2) ORDER BY md5(d.code || $2)) AS k
                 FROM divisions d WHERE d.level = 'county' AND d.source = 'gbt2260' AND d.name LIKE '%县' AND substr(d.code, 1, 2) = ANY($1)) c
         JOIN divisions pf ON pf.code = c.parent_code
         JOIN divisions pr ON pr.code = pf.parent_code AND pr.level = 'province'
        WHERE c.k <= 7
       UNION ALL
       SELECT c.code, c.name, pf.name, pr.code, pr.name
         FROM divisions c JOIN divisions pf ON pf.code = c.parent_code JOIN divisions pr ON pr.code = pf.parent_code
        WHERE c.code IN ('629801', '629802')
        ORDER BY 1`,
      [WESTERN_PROVINCES, String(SEED)],
    );
    if (rows.length < 20) throw new Error(`only ${rows.length} western counties in divisions`);
    return rows.map((r) => ({ ...r, short: r.name.length > 2 ? r.name.replace(/县$/, '') : r.name }));
  });

  // Suppliers: verified organisations, each in one county with one production base.
  const suppliers = await phase('suppliers', async () => {
    const wanted = [];
    const seen = new Set();
    for (let i = 0; wanted.length < SUPPLIERS && i < SUPPLIERS * 50; i++) {
      const county = rnd.pick(counties);
      const w = rnd.int(SUPPLIER_WORDS.length);
      const industry = rnd.pick(INDUSTRIES);
      const form = rnd.pick(FORMS);
      const name = `${county.name}${SUPPLIER_WORDS[w]}${industry.zh}${form.zh}`;
      if (seen.has(name)) continue;
      seen.add(name);
      wanted.push({
        name,
        name_en: `${county.code} ${SUPPLIER_WORDS_EN[w]} ${industry.en} ${form.en}`,
        supplier_type: form.type,
        division_code: county.code,
        households_lifted: 20 + rnd.int(300),
        households_monitored: rnd.int(40),
        households_at_risk: rnd.int(15),
        industry: INDUSTRIES.indexOf(industry),
      });
    }
    const { rows } = await pool.query(
      `INSERT INTO organisations (kind, name, name_en, supplier_type, division_code, verification_status, verified_at,
                                  households_lifted, households_monitored, households_at_risk, contact_name, created_at)
       SELECT 'supplier', name, name_en, supplier_type, division_code, 'verified', now() - interval '800 days',
              households_lifted, households_monitored, households_at_risk, '联系人', now() - interval '900 days'
         FROM jsonb_to_recordset($1::jsonb) AS r(name text, name_en text, supplier_type text, division_code text,
                                                 households_lifted int, households_monitored int, households_at_risk int)
       RETURNING id, name`,
      [JSON.stringify(wanted)],
    );
    const idByName = new Map(rows.map((r) => [r.name, r.id]));
    await pool.query(
      `INSERT INTO production_bases (organisation_id, name, county_code, area_m2)
       SELECT id, name || '种植基地', division_code, 100000 + (abs(hashtext(name)) % 900000) FROM organisations WHERE kind = 'supplier'`,
    );
    return wanted.map((s) => ({ ...s, id: idByName.get(s.name), county: counties.find((c) => c.code === s.division_code) }));
  });

  const categories = (await pool.query('SELECT id, code, name_zh, name_en FROM categories')).rows;
  const categoryByCode = new Map(categories.map((c) => [c.code, c]));
  for (const code of Object.keys(CATEGORY_ITEMS)) if (!categoryByCode.has(code)) throw new Error(`category ${code} missing`);

  // Products, generated here in one PRNG stream and sorted by creation time, because in production rows
  // are appended as suppliers list them (each supplier in a few bursts), so the heap is in time order.
  // They go into an unlogged staging table first: SKUs, lots and certificates are generated from it in
  // SQL, and the products are then written once, with their denormalised columns (no UPDATE, no bloat).
  const sample = { tudouNames: 0 };
  const generated = await phase('generate', () => {
    const nowMs = Date.now();
    for (const sup of suppliers) {
      const bursts = 1 + rnd.int(4);
      sup.bursts = Array.from({ length: bursts }, () => nowMs - Math.floor(rnd() * 730 * 86_400_000));
    }
    const rows = [];
    for (let i = 0; i < PRODUCTS; i++) rows.push(generateProduct(rnd, suppliers, counties, categoryByCode, nowMs));
    rows.sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0));
    sample.tudouNames = rows.filter((r) => r.name_zh.includes('土豆')).length;
    return rows;
  });

  await phase('tokenise+stage', async () => {
    await bulk.query(`CREATE UNLOGGED TABLE bench_stage (LIKE products INCLUDING DEFAULTS)`);
    const BATCH = 2000;
    const nWorkers = Math.max(1, Math.min(os.availableParallelism?.() ?? os.cpus().length, 4));
    const workers = Array.from({ length: nWorkers }, () => new Worker(fileURLToPath(import.meta.url)));
    state.workers.push(...workers);
    const pending = new Map();
    for (const w of workers) {
      w.on('message', ({ id, json }) => pending.get(id)?.resolve(json));
      w.on('error', (err) => {
        for (const p of pending.values()) p.reject(err);
      });
    }
    const nBatches = Math.ceil(generated.length / BATCH);
    const dispatched = [];
    const dispatch = (id) => {
      dispatched[id] = new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
      workers[id % workers.length].postMessage({ id, rows: generated.slice(id * BATCH, (id + 1) * BATCH) });
    };
    const AHEAD = workers.length * 2;
    let inserted = 0;
    let waitMs = 0;
    let insertMs = 0;
    for (let id = 0; id < nBatches; id++) {
      for (let k = id; k < Math.min(nBatches, id + AHEAD); k++) if (!dispatched[k]) dispatch(k);
      let t = Date.now();
      const json = await dispatched[id];
      waitMs += Date.now() - t;
      t = Date.now();
      pending.delete(id);
      dispatched[id] = true;
      const { rowCount } = await bulk.query(
        `INSERT INTO bench_stage (id, supplier_id, category_id, origin_county_code, origin_province_code, name_zh, name_en, description_zh, description_en,
                                  grade, spec, storage_class, shelf_life_days, seasons, status, search_terms, created_at, updated_at)
         SELECT id, supplier_id, category_id, origin_county_code, origin_province_code, name_zh, name_en, description_zh, description_en,
                grade, spec, storage_class, shelf_life_days, seasons, status, search_terms, created_at, created_at
           FROM json_to_recordset($1::json) AS r(id uuid, supplier_id uuid, category_id int, origin_county_code text, origin_province_code text,
                name_zh text, name_en text, description_zh text, description_en text, grade text, spec text, storage_class text,
                shelf_life_days int, seasons smallint[], status text, search_terms text[], created_at timestamptz)`,
        [json],
      );
      insertMs += Date.now() - t;
      inserted += rowCount;
    }
    for (const w of workers) await w.terminate();
    state.workers = [];
    generated.length = 0;
    log(`staged ${inserted} products: ${secs(waitMs)} waiting for tokens, ${secs(insertMs)} inserting`);
    return inserted;
  });

  // SKUs (1-3 per product) with one lot each holding its stock, and beside them on a second session,
  // certificates for ~60%: all set-based, from the staged products.
  await phase('skus+lots+certificates', () =>
    Promise.all([
      (async () => {
        await bulk.query(`SELECT setseed(${(SEED % 1000) / 1000})`);
        await bulk.query(
          `INSERT INTO skus (product_id, code, packing_unit_zh, packing_unit_en, net_weight_g, price_fen, price_tiers,
                             min_order_quantity, order_multiple, lead_time_days, stock_units, active, created_at)
           SELECT p.id, 'BK' || replace(p.id::text, '-', '') || '-' || g,
                  (ARRAY['5公斤箱', '10公斤箱', '25公斤袋'])[g], (ARRAY['5 kg case', '10 kg case', '25 kg sack'])[g],
                  (ARRAY[5000, 10000, 25000])[g], price,
                  CASE WHEN random() < 0.5 THEN jsonb_build_array(jsonb_build_object('minQuantity', 50, 'unitPriceFen', (price * 0.92)::bigint)) ELSE '[]'::jsonb END,
                  1 + (random() * 4)::int, 1, 1 + (random() * 5)::int,
                  CASE WHEN random() < 0.22 THEN 0 ELSE 1 + (random() * 3000)::int END,
                  random() > 0.04, p.created_at
             FROM bench_stage p
             CROSS JOIN LATERAL generate_series(1, 1 + (abs(hashtext(p.id::text)) % 3)) AS g
             JOIN categories c ON c.id = p.category_id
             CROSS JOIN LATERAL (SELECT (g * (CASE c.code WHEN 'herbs' THEN 9000 WHEN 'livestock' THEN 12000 WHEN 'processed' THEN 5000 WHEN 'fruit' THEN 2500 ELSE 1500 END)
                                         * (0.6 + random() * 1.8))::bigint + 100 AS price) pr
            ORDER BY p.created_at, g`,
        );
        await bulk.query(
          `INSERT INTO lots (sku_id, base_id, code, harvest_date, quantity_units, available_units, created_at)
           SELECT s.id, b.id, 'LOT-' || substr(replace(s.id::text, '-', ''), 1, 12), current_date - (random() * 200)::int,
                  s.stock_units + (random() * 800)::int, s.stock_units, s.created_at
             FROM skus s JOIN bench_stage p ON p.id = s.product_id JOIN production_bases b ON b.organisation_id = p.supplier_id`,
        );
      })(),
      (async () => {
        // ~60% certified or revoked, with windows that started up to ~2.5 years ago (some not yet, some over);
        // a few more only applied for (they do not count).
        await side.query(
          `INSERT INTO certifications (product_id, supplier_id, county_code, status, applied_at, applied_by, certificate_no, authority,
                                       valid_from, valid_to, households_reached, income_modes, decided_at, decided_by, revoked_on)
           SELECT p.id, p.supplier_id, p.origin_county_code, CASE WHEN r2 < 0.05 THEN 'revoked' ELSE 'certified' END,
                  vf - 30, gen_random_uuid(), 'BENCH-' || replace(p.id::text, '-', ''), '县农业农村局',
                  vf, vt, 5 + (r3 * 200)::int, ARRAY['wages', 'operating']::varchar[], vf - 5, gen_random_uuid(),
                  CASE WHEN r2 < 0.05 THEN vf + ((vt - vf) * r3)::int END
             FROM (SELECT p.id, p.supplier_id, p.origin_county_code, random() AS r1, random() AS r2, random() AS r3,
                          current_date - (random() * 900)::int + 20 AS vf
                     FROM bench_stage p) p,
                  LATERAL (SELECT p.vf + 365 * (1 + (abs(hashtext(p.id::text)) % 3)) - 1 AS vt) t
            WHERE r1 < 0.62`,
        );
        // Renewals: for ~12% of those, the previous certificate, which ran out the day before.
        await side.query(
          `INSERT INTO certifications (product_id, supplier_id, county_code, status, applied_at, applied_by, certificate_no, authority,
                                       valid_from, valid_to, households_reached, income_modes, decided_at, decided_by)
           SELECT product_id, supplier_id, county_code, 'certified', applied_at - interval '365 days', applied_by, certificate_no || '-P', authority,
                  valid_from - 365, valid_from - 1, households_reached, income_modes, decided_at - interval '365 days', decided_by
             FROM certifications WHERE status IN ('certified', 'revoked') AND random() < 0.12`,
        );
        await side.query(
          `INSERT INTO certifications (product_id, supplier_id, county_code, status, applied_at, applied_by)
           SELECT p.id, p.supplier_id, p.origin_county_code, 'applied', now() - interval '3 days', gen_random_uuid()
             FROM bench_stage p WHERE NOT EXISTS (SELECT 1 FROM certifications c WHERE c.product_id = p.id) AND random() < 0.1`,
        );
      })(),
    ]),
  );

  // Secondary indexes on products are dropped for the load and rebuilt from their own definitions after.
  const productIndexes = (
    await pool.query(
      `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def
         FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
        WHERE x.indrelid = 'products'::regclass AND NOT x.indisprimary`,
    )
  ).rows;

  // The products, with the denormalised columns computed exactly as CatalogRepository.refreshProduct
  // does, for all rows at once (checked against refreshProduct itself below): the certificate that counts
  // on the business day, else the next to start, else the latest decided.
  const { businessDay } = require('@shanhai/domain');
  await phase('products', async () => {
    for (const ix of productIndexes) await bulk.query(`DROP INDEX "${ix.name}"`);
    await bulk.query(
      `INSERT INTO products (id, supplier_id, category_id, origin_county_code, origin_province_code, name_zh, name_en, description_zh, description_en,
                             grade, spec, storage_class, shelf_life_days, seasons, status, visible, min_price_fen, stock_units,
                             certified_from, certified_until, search_terms, created_at, updated_at)
       SELECT p.id, p.supplier_id, p.category_id, p.origin_county_code, p.origin_province_code, p.name_zh, p.name_en, p.description_zh, p.description_en,
              p.grade, p.spec, p.storage_class, p.shelf_life_days, p.seasons, p.status,
              (p.status = 'active' AND o.verification_status = 'verified'),
              s.min_price, COALESCE(s.stock, 0),
              c.valid_from,
              CASE WHEN c.valid_from IS NULL THEN NULL ELSE LEAST(c.valid_to + 1, COALESCE(c.revoked_on, c.valid_to + 1)) END,
              p.search_terms, p.created_at, p.updated_at
         FROM bench_stage p
         JOIN organisations o ON o.id = p.supplier_id
         LEFT JOIN (SELECT product_id, MIN(price_fen) AS min_price, SUM(stock_units) AS stock FROM skus WHERE active GROUP BY product_id) s ON s.product_id = p.id
         LEFT JOIN (SELECT DISTINCT ON (product_id) product_id, valid_from, valid_to, revoked_on FROM certifications
                     WHERE status IN ('certified', 'revoked')
                     ORDER BY product_id, (valid_from <= $1 AND valid_to >= $1 AND (revoked_on IS NULL OR revoked_on > $1)) DESC,
                              (valid_from > $1) DESC, valid_from ASC, decided_at DESC) c ON c.product_id = p.id
        ORDER BY p.created_at`,
      [businessDay()],
    );
    await bulk.query('DROP TABLE bench_stage');
  });

  // The GIN index on one session; the B-trees, then statistics for the other tables, on the other.
  const gin = productIndexes.filter((ix) => / USING gin /i.test(ix.def));
  const btrees = productIndexes.filter((ix) => !gin.includes(ix));
  await phase('indexes', () =>
    Promise.all([
      (async () => {
        for (const ix of gin) await bulk.query(ix.def);
      })(),
      (async () => {
        for (const ix of btrees) await side.query(ix.def);
        await side.query('VACUUM (ANALYZE) skus, lots, certifications, organisations, production_bases');
      })(),
    ]),
  );

  // Statistics, and the visibility map that index-only scans rely on (autovacuum would set it in time).
  await phase('vacuum+analyze', async () => {
    await bulk.query('VACUUM (ANALYZE) products');
    await bulk.query('ANALYZE');
  });

  // With foreign-key triggers off during the load, check the references in one pass each.
  await phase('integrity', async () => {
    const { rows } = await bulk.query(
      `SELECT (SELECT count(*) FROM skus s WHERE NOT EXISTS (SELECT 1 FROM products p WHERE p.id = s.product_id))
            + (SELECT count(*) FROM lots l WHERE NOT EXISTS (SELECT 1 FROM skus s WHERE s.id = l.sku_id))
            + (SELECT count(*) FROM certifications c WHERE NOT EXISTS (SELECT 1 FROM products p WHERE p.id = c.product_id))
            + (SELECT count(*) FROM products p WHERE NOT EXISTS (SELECT 1 FROM organisations o WHERE o.id = p.supplier_id)) AS dangling`,
    );
    if (Number(rows[0].dangling) !== 0) throw new Error(`${rows[0].dangling} rows reference nothing after the load`);
  });

  // Sanity: a sample of products recomputed one by one with the API's own refreshProduct must not change.
  const verify = await phase('verify', () => verifyDenormalised(pool));

  const counts = (
    await pool.query(
      `SELECT (SELECT count(*) FROM products)::int AS products, (SELECT count(*) FROM products WHERE visible)::int AS visible,
              (SELECT count(*) FROM products WHERE stock_units > 0 AND visible)::int AS in_stock,
              (SELECT count(*) FROM products WHERE visible AND certified_from <= current_date AND certified_until > current_date)::int AS certified_today,
              (SELECT count(*) FROM skus)::int AS skus, (SELECT count(*) FROM lots)::int AS lots,
              (SELECT count(*) FROM certifications)::int AS certifications,
              (SELECT count(*) FROM organisations WHERE kind = 'supplier')::int AS suppliers,
              (SELECT count(DISTINCT origin_county_code) FROM products)::int AS counties,
              (SELECT count(DISTINCT origin_province_code) FROM products)::int AS provinces,
              (SELECT round(avg(cardinality(search_terms)))::int FROM products) AS avg_search_terms,
              pg_size_pretty(pg_table_size('products')) AS products_table_size,
              pg_size_pretty(pg_relation_size('idx_products_search_terms')) AS gin_index_size`,
    )
  ).rows[0];
  return { ms: Date.now() - t0, phases, counts, verify, pgVersion, sample: { ...sample, provinces: [...new Set(counties.map((c) => c.province_code))], counties: counties.map((c) => c.code) } };
}

function generateProduct(rnd, suppliers, counties, categoryByCode, nowMs) {
  const supplier = rnd.pick(suppliers);
  const industry = INDUSTRIES[supplier.industry];
  const categoryCode = rnd.chance(0.75) ? rnd.pick(industry.categories) : rnd.pick(Object.keys(CATEGORY_ITEMS));
  const category = categoryByCode.get(categoryCode);
  const [itemZh, itemEn] = rnd.pick(CATEGORY_ITEMS[categoryCode]);
  const county = rnd.chance(0.9) ? supplier.county : rnd.pick(counties);
  const prefix = rnd.chance(0.55) ? rnd.pick(PREFIXES) : null;
  const suffix = rnd.chance(0.2) ? rnd.pick(SUFFIXES) : null;
  const place = rnd.chance(0.15) ? county.short : '';
  const nameZh = `${place}${prefix ? prefix[0] : ''}${itemZh}${suffix ? suffix[0] : ''}`;
  const en = `${prefix ? `${prefix[1]} ` : ''}${itemEn}${suffix ? suffix[1] : ''}`;
  const nameEn = rnd.chance(0.88) ? en[0].toUpperCase() + en.slice(1) : null;
  const grade = rnd.pick(GRADES);
  const spec = rnd.pick(SPECS);
  const storage = rnd.pick(STORAGE[categoryCode] ?? ['ambient']);
  const start = 1 + rnd.int(12);
  const seasons = Array.from({ length: 1 + rnd.int(6) }, (_, k) => ((start + k - 1) % 12) + 1);
  const status = rnd.chance(0.965) ? 'active' : rnd.chance(0.7) ? 'draft' : 'archived';
  // Mostly in one of the supplier's listing bursts (within two weeks of it), sometimes on any day since.
  const at = rnd.chance(0.8) ? Math.min(nowMs, rnd.pick(supplier.bursts) + Math.floor(rnd() * 14 * 86_400_000)) : nowMs - Math.floor(rnd() * 730 * 86_400_000);
  const createdAt = new Date(at).toISOString();
  // The same inputs ProductService.searchTerms() gives indexTerms(): the county's path is province, prefecture, county.
  const searchable = {
    primaryZh: nameZh,
    otherZh: [category.name_zh, supplier.name, grade ?? '', spec ?? '', county.province, county.prefecture, county.name],
    en: [nameEn ?? '', category.name_en, supplier.name_en ?? '', category.code],
  };
  return {
    id: randomUUID(),
    supplier_id: supplier.id,
    category_id: category.id,
    origin_county_code: county.code,
    origin_province_code: county.province_code,
    name_zh: nameZh,
    name_en: nameEn,
    description_zh: `${nameZh}，产自${county.name}，${supplier.name}统一种养、统一分级，按批次可追溯。`,
    description_en: nameEn ? `${nameEn} from ${supplier.name_en}, graded and traceable by lot.` : null,
    grade,
    spec,
    storage_class: storage,
    shelf_life_days: 10 + rnd.int(700),
    seasons,
    status,
    created_at: createdAt,
    searchable,
  };
}

/** Recomputes ~300 products with dist's CatalogRepository.refreshProduct inside a rolled-back transaction. */
async function verifyDenormalised(pool) {
  const { CatalogRepository } = require(path.join(DIST, 'catalog/catalog.repository.js'));
  const repo = new CatalogRepository();
  const client = await pool.connect();
  const cols = `id, visible, min_price_fen, stock_units, certified_from, certified_until`;
  try {
    await client.query('BEGIN');
    // Half at random, half among products with more than one certificate (where the choice matters).
    const ids = (
      await client.query(
        `(SELECT id FROM products ORDER BY md5(id::text || 'verify') LIMIT 150)
         UNION
         (SELECT product_id FROM certifications WHERE status IN ('certified', 'revoked') GROUP BY product_id HAVING count(*) > 1
           ORDER BY md5(product_id::text || 'verify') LIMIT 150)`,
      )
    ).rows.map((r) => r.id);
    await client.query(`CREATE TEMP TABLE bench_before ON COMMIT DROP AS SELECT ${cols} FROM products WHERE id = ANY($1)`, [ids]);
    const tx = { query: async (sql, params) => (await client.query(sql, params)).rows };
    for (const id of ids) await repo.refreshProduct(tx, id);
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM ((SELECT ${cols} FROM products WHERE id = ANY($1) EXCEPT SELECT ${cols} FROM bench_before)
                                       UNION ALL (SELECT ${cols} FROM bench_before EXCEPT SELECT ${cols} FROM products WHERE id = ANY($1))) x`,
      [ids],
    );
    await client.query('ROLLBACK');
    if (rows[0].n !== 0) throw new Error(`set-based denormalisation differs from refreshProduct on ${rows[0].n} of ${ids.length} sampled rows`);
    return { sampled: ids.length, differences: 0 };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

// ---------------------------------------------------------------------------------------------
// The API process

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function startApi(state, { DATABASE_URL, port, storageDir }) {
  const child = spawn(process.execPath, [path.join(DIST, 'main.js')], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL, REDIS_URL, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', STORAGE_DIR: storageDir, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  state.api = child;
  const keep = (chunk) => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) state.apiLog.push(line.slice(0, 2000));
    if (state.apiLog.length > 5000) state.apiLog.splice(0, state.apiLog.length - 5000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  child.once('exit', (code, signal) => (exited = { code, signal }));
  const deadline = Date.now() + 60_000;
  for (let attempt = 0; Date.now() < deadline; attempt++) {
    if (exited) throw new Error(`API exited during start (${JSON.stringify(exited)})`);
    const status = await new Promise((resolve) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/api/health', timeout: 2000 }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
      });
      req.on('timeout', () => req.destroy());
      req.on('error', () => resolve(0));
    });
    if (status === 200) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('API did not answer /api/health with 200 within 60 s');
}

async function stopApi(state) {
  const child = state.api;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await gone;
  clearTimeout(timer);
}

// ---------------------------------------------------------------------------------------------
// HTTP scenarios

const qs = (params) => {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null) u.set(k, String(v));
  const s = u.toString();
  return `/api/catalog/products${s ? `?${s}` : ''}`;
};

/** ~200 distinct searches and filter combinations: different plans, different result sizes. */
function buildMix(sample) {
  const rnd = prng(SEED + 7);
  const words = [
    '土豆', '马铃薯', '苹果', '荞麦', '党参', '黄芪', '牛肉', '白菜', '枸杞', '核桃', '红枣', '青稞', '蜂蜜', '羊肉', '辣椒', '富硒', '高山',
    '有机 土豆', '红富士', '牦牛', '粉条', '当归', '燕麦', '土鸡蛋', 'tudou', 'td', 'malingshu', 'mls', 'pingguo', 'pg', 'qiaomai', 'dangshen',
    'ds', 'huangqi', 'hq', 'niurou', 'potato', 'potatoes', 'apple', 'beef', 'buckwheat', 'honey', 'organic', 'highland potato', 'goji', 'yak',
    'p', 'a',
  ];
  const cats = Object.keys(CATEGORY_ITEMS);
  const sorts = [undefined, undefined, 'newest', 'price_asc', 'price_desc', 'name', 'relevance'];
  const out = [];
  const seen = new Set();
  for (let i = 0; out.length < MIX_SIZE && i < MIX_SIZE * 50; i++) {
    const q = {};
    if (rnd.chance(0.65)) q.q = rnd.pick(words);
    if (rnd.chance(0.35)) q.category = rnd.pick(cats);
    if (rnd.chance(0.3)) q.province = `${rnd.pick(sample.provinces).slice(0, 2)}0000`;
    else if (rnd.chance(0.1)) q.county = rnd.pick(sample.counties);
    if (rnd.chance(0.2)) q.certified = rnd.chance(0.8);
    if (rnd.chance(0.2)) q.inStock = true;
    if (rnd.chance(0.1)) q.storage = rnd.pick(['ambient', 'chilled', 'frozen']);
    if (rnd.chance(0.12)) {
      q.priceMinFen = rnd.pick([0, 1000, 5000, 10000]);
      q.priceMaxFen = q.priceMinFen + rnd.pick([5000, 20000, 100000]);
    }
    const sort = rnd.pick(sorts);
    if (sort && !(sort === 'relevance' && !q.q)) q.sort = sort;
    if (rnd.chance(0.15)) q.page = 2 + rnd.int(4);
    const key = qs(q);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(q);
  }
  return out;
}

function buildScenarios(ids, sample) {
  const fixed = (name, query) => ({ name, query, path: qs(query), warmup: true, counts: true, next: () => qs(query) });
  const mix = buildMix(sample);
  let m = 0;
  let u = 0;
  let d = 0;
  return [
    // No database: what the HTTP stack alone manages on this machine at this moment, a yardstick for the rest.
    { name: 'floor: GET /api/categories', path: '/api/categories', warmup: true, counts: false, next: () => '/api/categories' },
    fixed('browse newest (page 1)', {}),
    fixed('browse potatoes+Gansu, price asc', { category: 'potatoes', province: '620000', sort: 'price_asc' }),
    fixed('browse deep page 50', { page: 50 }),
    fixed('search 土豆', { q: '土豆' }),
    fixed('search 马铃薯 certified', { q: '马铃薯', certified: true }),
    fixed('search tudou', { q: 'tudou' }),
    fixed('search td', { q: 'td' }),
    fixed('search potato', { q: 'potato' }),
    fixed('search 党参 inStock', { q: '党参', inStock: true }),
    // Round-robin through the 200: a per-filter facet cache would see each key again only every ~200 requests.
    { name: `mix of ${mix.length} queries`, mix: true, warmup: false, counts: true, next: () => qs(mix[m++ % mix.length]) },
    // The same mix with a distinct, non-binding price ceiling on every request (+u fen): no two requests
    // share a filter, so no per-filter cache could ever answer one.
    {
      name: 'mix, every filter unique',
      mix: true,
      warmup: false,
      counts: false,
      next: () => {
        const q = mix[u % mix.length];
        return qs({ ...q, priceMaxFen: (q.priceMaxFen ?? 9_000_000_000) + u++ });
      },
    },
    { name: 'product detail (random ids)', path: '/api/catalog/products/:id', warmup: true, counts: false, detail: true, next: () => `/api/catalog/products/${ids[d++ % ids.length]}` },
  ];
}

function request(agent, port, pathText) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const req = http.get({ host: '127.0.0.1', port, path: pathText, agent, headers: { accept: 'application/json' } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, ms: performance.now() - t0, body: chunks }));
      res.on('error', (err) => resolve({ status: 0, ms: performance.now() - t0, error: err.message }));
    });
    req.setTimeout(30_000, () => req.destroy(new Error('timed out after 30 s')));
    req.on('error', (err) => resolve({ status: 0, ms: performance.now() - t0, error: err.message }));
  });
}

function newStats() {
  return { latencies: [], errors: 0, errorSamples: [], seconds: 0, totals: new Map(), detailSkus: null };
}

/** `concurrency` clients, each sending its next request when the last one is answered, for `seconds`. */
async function drive(agent, port, scenario, seconds, concurrency, stats) {
  const startedAt = performance.now();
  const deadline = startedAt + seconds * 1000;
  const MAX_REQUESTS = 1_000_000;
  let issued = 0;
  const client = async () => {
    while (performance.now() < deadline && issued < MAX_REQUESTS) {
      issued++;
      const p = scenario.next();
      const r = await request(agent, port, p);
      if (!stats) continue;
      stats.latencies.push(r.ms);
      if (r.status !== 200) {
        stats.errors++;
        if (stats.errorSamples.length < 5) stats.errorSamples.push(`${r.status} ${p} ${r.error ?? Buffer.concat(r.body ?? []).toString().slice(0, 300)}`);
      } else if (scenario.counts && !stats.totals.has(p)) {
        stats.totals.set(p, JSON.parse(Buffer.concat(r.body).toString()).total);
      } else if (scenario.detail && stats.detailSkus === null) {
        stats.detailSkus = JSON.parse(Buffer.concat(r.body).toString()).skus.length;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  if (stats) stats.seconds += (performance.now() - startedAt) / 1000;
}

function percentiles(latencies) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const pct = (p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);
  return { p50: round(pct(50), 2), p95: round(pct(95), 2), p99: round(pct(99), 2), max: round(sorted[sorted.length - 1], 2), mean: round(sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length), 2) };
}

function summarise(scenario, stats, single) {
  const out = {
    name: scenario.name,
    path: scenario.path ?? null,
    requests: stats.latencies.length,
    seconds: round(stats.seconds, 2),
    rps: round(stats.latencies.length / Math.max(stats.seconds, 1e-9), 1),
    ...percentiles(stats.latencies),
    errors: stats.errors + (single?.errors ?? 0),
    errorSamples: [...stats.errorSamples, ...(single?.errorSamples ?? [])].slice(0, 5),
  };
  if (single) out.singleClient = { requests: single.latencies.length, rps: round(single.latencies.length / Math.max(single.seconds, 1e-9), 1), ...percentiles(single.latencies) };
  if (scenario.counts && !scenario.mix) out.results = [...stats.totals.values()][0];
  if (scenario.mix && scenario.counts) {
    const values = [...stats.totals.values()].sort((a, b) => a - b);
    out.distinctQueries = values.length;
    out.queriesWithResults = values.filter((n) => n > 0).length;
    out.medianResults = values[Math.floor(values.length / 2)];
  }
  if (scenario.detail) out.skusOnFirstProduct = stats.detailSkus;
  return out;
}

// ---------------------------------------------------------------------------------------------
// SQL baseline and EXPLAIN

async function sqlBaseline(pool) {
  const cols = `id, name_zh, name_en, min_price_fen, created_at`;
  const variants = {
    naive: {
      page: `SELECT ${cols} FROM products WHERE visible AND (name_zh LIKE '%土豆%' OR name_en ILIKE '%土豆%') ORDER BY created_at DESC LIMIT 20`,
      count: `SELECT count(*)::int AS n FROM products WHERE visible AND (name_zh LIKE '%土豆%' OR name_en ILIKE '%土豆%')`,
    },
    indexed: {
      page: `SELECT ${cols} FROM products WHERE visible AND search_terms @> ARRAY['c:土豆'] ORDER BY created_at DESC LIMIT 20`,
      count: `SELECT count(*)::int AS n FROM products WHERE visible AND search_terms @> ARRAY['c:土豆']`,
    },
  };
  const once = async (client, v) => {
    const t0 = performance.now();
    const page = await client.query(v.page);
    const count = await client.query(v.count);
    return { ms: performance.now() - t0, rows: count.rows[0].n, pageRows: page.rowCount };
  };
  const run = async (v, rounds) => {
    const times = [];
    let rows = 0;
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        const client = await pool.connect();
        try {
          while (next < rounds) {
            next++;
            const r = await once(client, v);
            times.push(r.ms);
            rows = r.rows;
          }
        } finally {
          client.release();
        }
      }),
    );
    return { times, rows, seconds: (performance.now() - t0) / 1000 };
  };
  // Warm both, then alternate halves (naive, indexed, naive, indexed) so drift on a noisy machine hits both.
  await run(variants.naive, CONCURRENCY);
  await run(variants.indexed, CONCURRENCY);
  const acc = { naive: { times: [], seconds: 0, rows: 0 }, indexed: { times: [], seconds: 0, rows: 0 } };
  for (let half = 0; half < 2; half++) {
    for (const name of ['naive', 'indexed']) {
      const r = await run(variants[name], Math.ceil(SQL_ROUNDS / 2));
      acc[name].times.push(...r.times);
      acc[name].seconds += r.seconds;
      acc[name].rows = r.rows;
    }
  }
  const summarise = (a) => {
    const t = [...a.times].sort((x, y) => x - y);
    const pct = (p) => t[Math.min(t.length - 1, Math.ceil((p / 100) * t.length) - 1)];
    return { rounds: t.length, rows: a.rows, perSecond: round(t.length / a.seconds, 1), mean: round(t.reduce((x, y) => x + y, 0) / t.length, 2), p50: round(pct(50), 2), p95: round(pct(95), 2), p99: round(pct(99), 2) };
  };
  const naive = summarise(acc.naive);
  const indexed = summarise(acc.indexed);
  const plans = {};
  for (const [name, v] of Object.entries(variants)) {
    const { rows } = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${v.count}`);
    plans[name] = planSummary(rows.map((r) => r['QUERY PLAN']));
  }
  return {
    query: '土豆: page of 20 newest + count(*), one after the other on one connection',
    sql: Object.fromEntries(Object.entries(variants).map(([k, v]) => [k, v])),
    concurrency: CONCURRENCY,
    naive,
    indexed,
    ratio: { p50: round(naive.p50 / indexed.p50, 1), mean: round(naive.mean / indexed.mean, 1), throughput: round(indexed.perSecond / naive.perSecond, 1) },
    countPlans: plans,
  };
}

/**
 * The API's own SQL for each fixed scenario, captured from dist's CatalogSearchService with a recording
 * DataSource, then run under EXPLAIN ANALYZE on an idle server: the database's share of each request.
 */
async function explainApiQueries(pool, scenarios) {
  require('reflect-metadata');
  const { CatalogSearchService } = require(path.join(DIST, 'catalog/catalog-search.service.js'));
  const categories = (await pool.query('SELECT id, code, name_zh AS "nameZh", name_en AS "nameEn" FROM categories')).rows;
  const captured = [];
  const recorder = { query: async (sql, params) => (captured.push({ sql, params }), []) };
  const lookups = { find: async () => undefined, byId: async (id) => categories.find((c) => c.id === id), byCode: async (code) => categories.find((c) => c.code === code) };
  const perScenario = [];
  let tudou = null;
  for (const s of scenarios.filter((x) => x.query)) {
    captured.length = 0;
    await new CatalogSearchService(recorder, lookups, lookups).search(s.query);
    const parts = {};
    for (const [i, { sql, params }] of captured.entries()) {
      const { rows } = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
      const plan = rows.map((r) => r['QUERY PLAN']);
      parts[i === 0 ? 'page' : 'facets'] = { ...planSummary(plan), plan };
    }
    perScenario.push({ name: s.name, pageMs: parts.page?.executionMs ?? null, facetsMs: parts.facets?.executionMs ?? null });
    if (s.name === 'search 土豆') tudou = parts;
  }
  const ginIndexUsed = Boolean(tudou && Object.values(tudou).some((p) => p.plan.some((l) => l.includes('idx_products_search_terms'))));
  return { ginIndexUsed, tudou, perScenario };
}

function planSummary(lines) {
  const nodes = [];
  for (const line of lines) {
    const m = line.match(/^(\s*)(?:->\s+)?(.+?)\s{2}\(cost=.*?\(actual time=[\d.]+\.\.([\d.]+) rows=(\d+)/);
    if (m) nodes.push(`${' '.repeat(Math.floor(m[1].length / 3))}${m[2]}  (${m[3]} ms, ${m[4]} rows)`);
  }
  const exec = lines.find((l) => l.startsWith('Execution Time'));
  const planning = lines.find((l) => l.startsWith('Planning Time'));
  const jit = lines.some((l) => l.startsWith('JIT:'));
  return { nodes, executionMs: exec ? Number(exec.match(/([\d.]+) ms/)[1]) : null, planningMs: planning ? Number(planning.match(/([\d.]+) ms/)[1]) : null, jit };
}

// ---------------------------------------------------------------------------------------------
// Report

function round(n, d = 1) {
  return Number.isFinite(n) ? Math.round(n * 10 ** d) / 10 ** d : null;
}
function fmt(n, d = 1) {
  return n === null || n === undefined ? '-' : n.toFixed(d);
}

function machine(pgVersion) {
  const cpus = os.cpus();
  return {
    nproc: os.availableParallelism?.() ?? cpus.length,
    cpu: cpus[0]?.model ?? 'unknown',
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    loadAverage: os.loadavg().map((x) => round(x, 2)),
    platform: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: pgVersion,
  };
}

function printReport(r) {
  const c = r.setup.load.counts;
  console.log('');
  console.log(`Catalog benchmark: ${c.products.toLocaleString('en')} products (${c.visible.toLocaleString('en')} visible, ${c.in_stock.toLocaleString('en')} in stock, ${c.certified_today.toLocaleString('en')} certified today), ${c.skus.toLocaleString('en')} SKUs, ${c.suppliers} suppliers, ${c.counties} counties in ${c.provinces} provinces`);
  console.log(`machine: ${r.machine.nproc} CPUs (${r.machine.cpu}), ${r.machine.memoryGiB} GiB, load average ${r.machine.loadAverage.join(' ')} at the end; Node ${r.machine.node}; PostgreSQL ${r.machine.postgres}`);
  console.log(`PostgreSQL settings: ${Object.entries(r.machine.postgresSettings).map(([k, v]) => `${k}=${v}`).join(', ')}`);
  console.log(`load: ${secs(r.setup.load.ms)} (${r.setup.load.phases.map((p) => `${p.name} ${secs(p.ms)}`).join(', ')}); products table ${c.products_table_size}, GIN index ${c.gin_index_size}, ${c.avg_search_terms} tokens per product`);
  console.log(`HTTP: ${r.config.concurrency} requests in flight over keep-alive, ${r.config.secondsPerScenario} s per scenario in ${r.config.rounds} interleaved slices${r.config.warmupSeconds ? `, after ${r.config.warmupSeconds} s warm-up (not for the mixes)` : ''}; "1 client" = ${r.config.singleClientSeconds} s with one request at a time`);
  console.log('');
  const head = ['scenario', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'errors', 'results', '1 client p50', '1 client p99'];
  const rows = r.scenarios.map((s) => [
    s.name,
    fmt(s.rps, 0),
    fmt(s.p50),
    fmt(s.p95),
    fmt(s.p99),
    fmt(s.max),
    String(s.errors),
    s.results !== undefined ? String(s.results) : s.distinctQueries !== undefined ? `${s.queriesWithResults}/${s.distinctQueries} found` : '',
    fmt(s.singleClient?.p50),
    fmt(s.singleClient?.p99),
  ]);
  for (const line of markdownTable(head, rows)) console.log(line);
  const b = r.sqlBaseline;
  console.log('');
  console.log(`SQL baseline, 土豆, page of 20 newest + count(*), ${b.concurrency} connections, ${b.naive.rounds} rounds each:`);
  console.log(`  naive LIKE '%土豆%'           ${fmt(b.naive.perSecond, 0).padStart(6)}/s  p50 ${fmt(b.naive.p50).padStart(8)} ms  p95 ${fmt(b.naive.p95).padStart(8)} ms  (${b.naive.rows} rows)`);
  console.log(`  search_terms @> c:土豆 (GIN)  ${fmt(b.indexed.perSecond, 0).padStart(6)}/s  p50 ${fmt(b.indexed.p50).padStart(8)} ms  p95 ${fmt(b.indexed.p95).padStart(8)} ms  (${b.indexed.rows} rows)`);
  console.log(`  ratio: ${b.ratio.p50}x at p50, ${b.ratio.mean}x mean, ${b.ratio.throughput}x throughput`);
  console.log('');
  console.log(`EXPLAIN (ANALYZE, BUFFERS) of the API's queries for ?q=土豆 (GIN index used: ${r.explain.ginIndexUsed ? 'yes' : 'NO'}):`);
  for (const [part, x] of Object.entries(r.explain.tudou ?? {})) {
    console.log(`  ${part}: execution ${x.executionMs} ms, planning ${x.planningMs} ms${x.jit ? ', JIT' : ''}`);
    for (const n of x.nodes) console.log(`    ${n}`);
  }
  console.log('');
  console.log('Database time of each scenario\'s two queries, one at a time (EXPLAIN ANALYZE execution, ms):');
  for (const line of markdownTable(['scenario', 'page', 'facets'], r.explain.perScenario.map((x) => [x.name, fmt(x.pageMs), fmt(x.facetsMs)]))) console.log(line);
  if (r.apiLogErrorLines.length) console.log(`\nAPI logged ${r.apiLogErrorLines.length} error lines; first: ${r.apiLogErrorLines[0].slice(0, 300)}`);
  console.log('');
}

function markdownTable(head, rows) {
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((row) => width(row[i]))));
  const line = (cells) => `| ${cells.map((x, i) => (i === 0 ? padEnd(x, widths[i]) : padStart(x, widths[i]))).join(' | ')} |`;
  return [line(head), `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...rows.map(line)];
}

function width(s) {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return w;
}
function padEnd(s, w) {
  return s + ' '.repeat(Math.max(0, w - width(s)));
}
function padStart(s, w) {
  return ' '.repeat(Math.max(0, w - width(s))) + s;
}

// ---------------------------------------------------------------------------------------------
// Entry point. In a worker thread: search tokens with the API's own indexTerms() (CPU-bound: the
// pinyin of every name), returned as the JSON batch the main thread inserts.
if (isMainThread) {
  await main();
} else {
  const { indexTerms } = require(path.join(DIST, 'catalog/search-terms.js'));
  parentPort.on('message', ({ id, rows }) => {
    const out = rows.map(({ searchable, ...row }) => ({ ...row, search_terms: indexTerms(searchable) }));
    parentPort.postMessage({ id, json: JSON.stringify(out) });
  });
}
