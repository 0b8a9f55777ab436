import { randomUUID } from 'node:crypto';
import { addDays, businessDay } from '@shanhai/domain';
import { Fixtures, QINGYA } from '../../../../test/support/fixtures';
import { CallOptions, TestApp } from '../../../../test/support/test-app';

// The integration project's `testTimeout` is not applied per project by Jest; the sweep takes a while.
jest.setTimeout(120_000);

/**
 * Robustness: every documented route, called with hostile input by every kind of caller, answers
 * with a client error or success, never with a server error, and always in the API's error shape.
 */

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  minimum?: number;
}

interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  queryParams: string[];
  jsonSchema: Schema | null;
  binary: boolean;
  /** Documented as needing a bearer token: anonymous calls stop at the guard. */
  secured: boolean;
}

interface Probe {
  role: string;
  method: string;
  path: string;
  options: CallOptions;
  label: string;
}

/** Deterministic choice, so a failure can be reproduced. */
function rotate<T>(list: readonly T[], start: number, count: number): T[] {
  return Array.from({ length: Math.min(count, list.length) }, (_, i) => list[(start + i) % list.length]);
}

function deep(levels: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

/** Values that a property of any type might be sent as. */
const HOSTILE_VALUES: ReadonlyArray<[string, unknown]> = [
  ['null', null],
  ['empty string', ''],
  ['blank', '   '],
  ['number as string', '123'],
  ['negative number as string', '-1'],
  ['word', 'abc'],
  ['huge string', '土'.repeat(20_000)],
  ['negative', -1],
  ['zero', 0],
  ['fraction', 1.5],
  ['beyond int32', 2_147_483_648],
  ['beyond safe integer', 2 ** 53 + 2],
  ['huge number', 1e308],
  ['true', true],
  ['empty array', []],
  ['array of numbers', [1, 2, 3]],
  ['array of nulls', [null]],
  ['array of objects', [{}, { a: 1 }]],
  ['empty object', {}],
  ['operator object', { $ne: null }],
  ['nested object', deep(50)],
  ['date-like', '2026-02-30'],
  ['uuid-like', '00000000-0000-0000-0000-000000000000'],
  ['sql', "' OR '1'='1"],
  ['control characters', 'a\u0000b\u202e'],
];

const HOSTILE_QUERY_VALUES: readonly string[] = [
  '',
  'abc',
  '-1',
  '0',
  '1.5',
  '1e3',
  '99999999999999999999',
  'null',
  'true',
  '%00',
  '2026-02-30',
  '土'.repeat(300),
  '00000000-0000-0000-0000-000000000000',
];

const HOSTILE_IDS: readonly string[] = [
  'not-a-uuid',
  '0',
  '-1',
  '1.5',
  '99999999999999999999',
  '2147483648',
  "'%20OR%20'1'='1",
  'null',
  'x'.repeat(300),
  '%E2%80%AE',
  '00000000-0000-0000-0000-000000000000',
  '629801',
  '999999',
  '12345678-1234-1234-1234-1234567890ab',
  '%E0%A4%A',
];

/** At most this many requests in the sweep (a few thousand: well under a minute on a quiet machine). */
const MAX_PROBES = 3000;

const WHOLE_BODIES: ReadonlyArray<[string, CallOptions]> = [
  ['no body', {}],
  ['empty object', { body: {} }],
  ['array', { body: [] }],
  ['array of objects', { body: [{}, {}] }],
  ['JSON string', { body: '"just a string"' }],
  ['JSON number', { body: '42' }],
  ['JSON null', { body: 'null' }],
  ['malformed JSON', { body: '{"a":' }],
  ['deeply nested JSON', { body: JSON.stringify(deep(3000)) }],
  ['unknown property', { body: { isAdmin: true, __proto__x: 1 } }],
  ['prototype key', { body: '{"__proto__":{"polluted":true}}' }],
  ['form encoded', { body: 'a=1&b[c]=2', contentType: 'application/x-www-form-urlencoded' }],
  ['plain text', { body: 'hello', contentType: 'text/plain' }],
  ['octet stream', { raw: Buffer.from([0, 1, 2, 3]), contentType: 'application/octet-stream' }],
];

describe('no request makes the API answer with a server error', () => {
  let t: TestApp;
  // Anonymous last: on routes that need a token it only checks the guard, so it gets the leftovers.
  const tokens: Record<string, string | undefined> = {};
  const ids: Record<string, string[]> = {};
  const today = businessDay();
  let knownEmail: string;
  let baseId: string;

  beforeAll(async () => {
    t = await TestApp.start();
    const f = new Fixtures(t);
    const op = await f.operator();
    const pairingId = await f.pairing();
    const official = await f.official(QINGYA);
    const supplier = await f.supplier(QINGYA, { verifiedBy: official });
    const buyer = await f.buyer();
    const main = await f.product(supplier, { nameZh: '高山土豆' });
    const draft = await f.product(supplier, { nameZh: '草稿土豆', status: 'draft' });
    const certifiedId = await f.certify(supplier, official, main.productId);
    const applied = await t.post(`/api/products/${draft.productId}/certifications`, {}, supplier.token);
    const site = await t.post(`/api/organisations/${buyer.orgId}/delivery-sites`, { name: '食堂', address: '东澜市', countyCode: '339801' }, buyer.token);
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4e90000000049454e44ae426082', 'hex');
    const image = await t.call('POST', `/api/products/${main.productId}/images`, { raw: png, contentType: 'image/png', token: supplier.token });
    expect([applied.status, site.status, image.status]).toEqual([201, 201, 201]);
    const categories = await t.get('/api/categories');
    const jurisdiction = (await t.get('/api/auth/me', official.token)).body.memberships[0].organisationId;

    Object.assign(tokens, { buyer: buyer.token, supplier: supplier.token, official: official.token, operator: op.token, anonymous: undefined });
    knownEmail = buyer.email;
    baseId = main.baseId;
    Object.assign(ids, {
      organisations: [supplier.orgId, buyer.orgId, jurisdiction, op.orgId],
      suppliers: [supplier.orgId, buyer.orgId],
      'delivery-sites': [site.body.id],
      products: [main.productId, draft.productId],
      skus: [main.skuId, draft.skuId],
      lots: [main.lotId],
      certifications: [certifiedId, applied.body.id],
      images: [image.body.id],
      pairings: [pairingId],
      categories: [String(categories.body[0].id), String(categories.body[categories.body.length - 1].id)],
      divisions: [QINGYA, '620000', '629800', '339800'],
    });
  });
  afterAll(() => t.close());

  it('refuses a body nested too deeply with 400 naming the body, instead of overflowing the stack', async () => {
    const res = await t.call('POST', '/api/auth/sign-in', { body: JSON.stringify(deep(3000)) });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: expect.any(String), reason: expect.stringContaining('nested') }] });
    const inField = await t.patch(`/api/products/${ids.products[0]}`, { nameZh: deep(100) }, tokens.supplier);
    expect(inField.status).toBe(400);
    expect(inField.body.details[0].field).toMatch(/^nameZh/);
  });

  it('refuses NUL characters, which PostgreSQL cannot store, with 400 naming the field', async () => {
    const res = await t.patch(`/api/products/${ids.products[0]}`, { nameZh: '土豆\u0000' }, tokens.supplier);
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ field: 'nameZh', reason: expect.stringContaining('NUL') }]);
    const query = await t.get('/api/catalog/products?q=%00');
    expect(query.status).toBe(400);
    expect(query.body.details[0].field).toBe('q');
  });

  function operations(doc: { paths: Record<string, Record<string, any>> }): Operation[] {
    const out: Operation[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const params: Array<{ name: string; in: string }> = op.parameters ?? [];
        const content: Record<string, { schema: Schema }> = op.requestBody?.content ?? {};
        out.push({
          method: method.toUpperCase(),
          path,
          pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
          queryParams: params.filter((p) => p.in === 'query').map((p) => p.name),
          jsonSchema: content['application/json']?.schema ?? null,
          binary: Object.keys(content).some((type) => type.startsWith('image/')),
          secured: Array.isArray(op.security) && op.security.length > 0,
        });
      }
    }
    return out;
  }

  it('answers every documented route, called with hostile input by every role, without a 5xx and in the error shape', async () => {
    const docRes = await t.get('/api/docs-json');
    expect(docRes.status).toBe(200);
    const doc = docRes.body;
    const resolve = (schema: Schema): Schema => (schema.$ref ? resolve(doc.components.schemas[schema.$ref.split('/').pop() as string]) : schema);

    /** A plausible value for a property, so that requests get past validation and reach the services. */
    const sample = (name: string, raw: Schema, depth = 0): unknown => {
      const schema = resolve(raw);
      if (/^(validFrom|harvestDate|revokedOn|on)$/.test(name)) return today;
      if (name === 'validTo') return addDays(today, 30);
      if (name === 'email') return knownEmail;
      if (name === 'baseId') return baseId;
      if (name === 'password') return 'correct horse battery';
      if (schema.example !== undefined) return schema.example;
      if (schema.enum?.length) return schema.enum[0];
      switch (schema.type) {
        case 'string':
          return 'sample';
        case 'number':
        case 'integer':
          return Math.max(schema.minimum ?? 1, 1);
        case 'boolean':
          return true;
        case 'array':
          return schema.items && depth < 3 ? [sample(name, schema.items, depth + 1)] : [];
        default:
          return depth < 3 ? Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, v]) => [k, sample(k, v, depth + 1)])) : {};
      }
    };

    const fill = (path: string, chosen: Record<string, string>): string => path.replace(/\{(\w+)\}/g, (_, name: string) => chosen[name]);
    const segmentBefore = (path: string, param: string): string => {
      const parts = path.split('/');
      return parts[parts.indexOf(`{${param}}`) - 1];
    };

    const roles = Object.keys(tokens);
    const probes: Probe[] = [];
    for (const op of operations(doc)) {
      const pools = Object.fromEntries(op.pathParams.map((p) => [p, ids[segmentBefore(op.path, p)] ?? [randomUUID()]]));
      const realCombos: Array<Record<string, string>> = [];
      const maxPool = Math.max(1, ...Object.values(pools).map((pool) => pool.length));
      for (let i = 0; i < maxPool; i++) realCombos.push(Object.fromEntries(op.pathParams.map((p) => [p, pools[p][i % pools[p].length]])));
      const real = realCombos[0];
      const base = op.jsonSchema ? (sample('body', op.jsonSchema) as Record<string, unknown>) : undefined;
      const baseOptions: CallOptions = base ? { body: base } : {};

      roles.forEach((role, r) => {
        if (op.path === '/api/auth/sign-out' && role !== 'anonymous') return; // would end the session the sweep uses
        const token = tokens[role];
        const add = (path: string, options: CallOptions, label: string): void => {
          probes.push({ role, method: op.method, path, options: { ...options, token }, label });
        };

        // Real ids of every kind the path takes, with a plausible body.
        for (const combo of realCombos) add(fill(op.path, combo), baseOptions, 'real ids');
        // Ids that are not UUIDs, random UUIDs, ids of the wrong kind.
        const kinds = Object.keys(ids);
        for (const param of op.pathParams) {
          for (const bad of [...rotate(HOSTILE_IDS, r * 3, 2), randomUUID()]) add(fill(op.path, { ...real, [param]: bad }), baseOptions, `${param}=${bad.slice(0, 20)}`);
          for (const kind of rotate(kinds, r * 3, 1).filter((k) => k !== segmentBefore(op.path, param))) add(fill(op.path, { ...real, [param]: ids[kind][0] }), baseOptions, `${param} of kind ${kind}`);
        }
        if (op.secured && role === 'anonymous') {
          if (op.method !== 'GET') add(fill(op.path, real), { body: { isAdmin: true } }, 'anonymous with a body');
          return;
        }
        // Garbage in every query parameter, repeated parameters, bracketed parameters, unknown parameters.
        for (const q of op.queryParams) {
          for (const value of rotate(HOSTILE_QUERY_VALUES, r * 3 + q.length, 3)) add(`${fill(op.path, real)}?${q}=${encodeURIComponent(value)}`, {}, `?${q}=${value.slice(0, 20)}`);
          if (r % 2 === 0) add(`${fill(op.path, real)}?${q}=1&${q}=2`, {}, `?${q} twice`);
          else add(`${fill(op.path, real)}?${q}[a]=1`, {}, `?${q}[a]`);
        }
        if (op.method === 'GET') add(`${fill(op.path, real)}?unknown=${'x'.repeat(50)}`, {}, 'unknown query parameter');
        if (op.method === 'GET') return;

        if (op.binary) {
          for (const [label, raw, contentType] of [
            ['not an image', Buffer.from('hello'), 'image/png'],
            ['jpeg magic only', Buffer.from([0xff, 0xd8, 0xff]), 'image/jpeg'],
            ['webp header only', Buffer.from('RIFF\u0000\u0000\u0000\u0000WEBP', 'latin1'), 'image/webp'],
            ['empty', Buffer.alloc(0), 'image/png'],
            ['random bytes', Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37 + r) % 256)), 'application/octet-stream'],
          ] as const) {
            add(fill(op.path, real), { raw, contentType }, label);
          }
          add(fill(op.path, real), { body: { image: 'data' } }, 'JSON instead of bytes');
          return;
        }

        // The whole body wrong.
        for (const [label, options] of rotate(WHOLE_BODIES, r * 3, 3)) add(fill(op.path, real), options, label);
        if (!base) return;
        // Each property, and each property of the first element of nested arrays, wrong in turn.
        // Two values per property and role; the window moves with the property, so every value is sent somewhere.
        for (const [index, [prop, schema]] of Object.entries(resolve(op.jsonSchema as Schema).properties ?? {}).entries()) {
          for (const [label, value] of rotate(HOSTILE_VALUES, index * 8 + r * 2, 2)) {
            add(fill(op.path, real), { body: { ...base, [prop]: value } }, `${prop}: ${label}`);
          }
          const items = resolve(schema).items;
          const itemSchema = items ? resolve(items) : undefined;
          if (itemSchema?.properties) {
            const element = sample(prop, itemSchema) as Record<string, unknown>;
            for (const inner of Object.keys(itemSchema.properties)) {
              for (const [label, value] of rotate(HOSTILE_VALUES, r * 2 + inner.length * 3, 2)) {
                add(fill(op.path, real), { body: { ...base, [prop]: [{ ...element, [inner]: value }] } }, `${prop}[0].${inner}: ${label}`);
              }
            }
            if (r === 0) add(fill(op.path, real), { body: { ...base, [prop]: Array.from({ length: 500 }, () => element) } }, `${prop}: 500 elements`);
          }
        }
      });
    }
    // One oversized JSON body per route that takes a body.
    for (const op of operations(doc).filter((o) => o.jsonSchema)) {
      probes.push({ role: 'operator', method: op.method, path: fill(op.path, Object.fromEntries(op.pathParams.map((p) => [p, randomUUID()]))), options: { body: { name: 'x'.repeat(1_100_000) }, token: tokens.operator }, label: 'body above 1 MB' });
    }

    // Bounded whatever the size of the API: every route keeps its real-id probe for every role, and the
    // hostile variants are thinned evenly (deterministically) to fit the budget.
    const essential = probes.filter((p) => p.label === 'real ids');
    const variants = probes.filter((p) => p.label !== 'real ids');
    const room = Math.max(0, MAX_PROBES - essential.length);
    const kept = variants.length <= room ? variants : Array.from({ length: room }, (_, i) => variants[Math.floor((i * variants.length) / room)]);
    probes.splice(0, probes.length, ...essential, ...kept);
    expect(probes.length).toBeGreaterThan(1000);
    expect(probes.length).toBeLessThanOrEqual(MAX_PROBES);

    const serverErrors: string[] = [];
    const badShapes: string[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < probes.length) {
        const probe = probes[next++];
        const res = await t.call(probe.method, probe.path, probe.options);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const where = `${probe.role} ${probe.method} ${probe.path.slice(0, 120)} [${probe.label}]`;
        if (res.status >= 500) serverErrors.push(`${res.status} ${where}: ${JSON.stringify(res.body).slice(0, 200)}`);
        else if (res.status >= 400) {
          const b = res.body as Record<string, unknown>;
          const shaped =
            typeof b === 'object' &&
            b !== null &&
            b.statusCode === res.status &&
            typeof b.error === 'string' &&
            typeof b.code === 'string' &&
            typeof b.message === 'string' &&
            (b.details === undefined || (Array.isArray(b.details) && b.details.every((d: { field?: unknown; reason?: unknown }) => typeof d.field === 'string' && typeof d.reason === 'string')));
          if (!shaped) badShapes.push(`${res.status} ${where}: ${String(typeof b === 'string' ? b : JSON.stringify(b)).slice(0, 200)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));

    // Requests reached past the guards and validation into the services, not only 4xx.
    const successes = [...statuses.entries()].filter(([s]) => s < 300).reduce((n, [, c]) => n + c, 0);
    expect(successes).toBeGreaterThan(100);
    expect(statuses.get(404) ?? 0).toBeGreaterThan(0);
    expect(statuses.get(409) ?? 0).toBeGreaterThan(0);
    expect(serverErrors).toEqual([]);
    expect(badShapes).toEqual([]);
    // The API is still healthy afterwards.
    expect((await t.get('/api/health')).status).toBe(200);
  });
});
