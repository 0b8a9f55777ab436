import { deflateSync, crc32 } from 'node:zlib';
import { LotEntity, ProductEntity, ProductImageEntity, SkuEntity } from '@shanhai/persistence';
import { Actor, BAISHI, Fixtures, QINGYA, UNPAIRED_COUNTY } from '../../../../test/support/fixtures';
import { TestApp } from '../../../../test/support/test-app';

// The integration project's `testTimeout` is not applied per project by Jest; setup signs several people up.
jest.setTimeout(60_000);

/** 西吉县, Guyuan, Ningxia: a real county of another province. */
const XIJI = '640422';

type Item = { id: string; [key: string]: any };
const idsOf = (res: { body: { items: Item[] } }): string[] => res.body.items.map((i) => i.id);

/** A real PNG: signature, IHDR, IDAT and IEND chunks with correct CRCs. */
function tinyPng(width = 2, height = 2): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([len, typed, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour RGB
  const rows = Buffer.concat(Array.from({ length: height }, (_, y) => Buffer.from([0, ...Array.from({ length: width }, (_, x) => [200, 40 * x, 40 * y]).flat()])));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('catalog: browse, search, facets, filters, sorting and paging', () => {
  let t: TestApp;
  let f: Fixtures;
  const p: Record<string, string> = {};
  let supplierA: Actor;
  let supplierB: Actor;

  beforeAll(async () => {
    t = await TestApp.start();
    f = new Fixtures(t);
    await f.pairing([QINGYA, BAISHI]);
    const op = await f.operator();
    const qingyaOfficial = await f.official(QINGYA);
    const baishiOfficial = await f.official(BAISHI);
    supplierA = await f.supplier(QINGYA, { verifiedBy: qingyaOfficial, name: '青崖高山合作社' });
    supplierB = await f.supplier(BAISHI, { verifiedBy: baishiOfficial, name: '白石果蔬合作社' });
    const supplierD = await f.supplier(UNPAIRED_COUNTY, { verifiedBy: op, name: '榆中蔬菜合作社' });
    const supplierE = await f.supplier(XIJI, { verifiedBy: op, name: '西吉马铃薯合作社' });
    const pending = await f.supplier(QINGYA, { name: '未审核合作社' });

    // Created one after another, so "newest" is the reverse of this order.
    p.highland = (await f.product(supplierA, { nameZh: '高山土豆', nameEn: 'Highland potatoes', categoryCode: 'potatoes', priceFen: 4000, units: 100 })).productId;
    p.yellow = (await f.product(supplierA, { nameZh: '黄心土豆', nameEn: 'Yellow potatoes', categoryCode: 'potatoes', storageClass: 'chilled', priceFen: 2500, units: 0 })).productId;
    p.dangshen = (await f.product(supplierA, { nameZh: '岷县党参', nameEn: 'Codonopsis root', categoryCode: 'herbs', priceFen: 12000, units: 50 })).productId;
    p.apple = (await f.product(supplierB, { nameZh: '白石苹果', nameEn: 'Baishi apples', categoryCode: 'fruit', countyCode: BAISHI, storageClass: 'chilled', priceFen: 6000, units: 30 })).productId;
    p.sweet = (await f.product(supplierB, { nameZh: '红薯', nameEn: 'Sweet potatoes', categoryCode: 'potatoes', countyCode: BAISHI, storageClass: 'frozen', priceFen: 3000, units: 20 })).productId;
    p.noodles = (await f.product(supplierB, { nameZh: '荞麦面', nameEn: 'Buckwheat noodles', categoryCode: 'processed', countyCode: BAISHI, priceFen: 1500, units: 10 })).productId;
    p.cabbage = (await f.product(supplierD, { nameZh: '榆中大白菜', nameEn: 'Chinese cabbage', categoryCode: 'vegetables', countyCode: UNPAIRED_COUNTY, storageClass: 'chilled', priceFen: 800, units: 500 })).productId;
    p.xiji = (await f.product(supplierE, { nameZh: '西吉土豆', nameEn: 'Xiji potatoes', categoryCode: 'potatoes', countyCode: XIJI, priceFen: 3500, units: 40 })).productId;
    // Hidden: a draft, an archived product, and an active product of an unverified supplier.
    p.draft = (await f.product(supplierA, { nameZh: '土豆干', nameEn: 'Dried potato', status: 'draft' })).productId;
    p.archived = (await f.product(supplierA, { nameZh: '土豆片', nameEn: 'Potato chips', status: 'archived' })).productId;
    p.unverified = (await f.product(pending, { nameZh: '土豆粉', nameEn: 'Potato noodles' })).productId;

    await f.certify(supplierA, qingyaOfficial, p.dangshen);
  });
  afterAll(() => t.close());

  const visible = () => [p.highland, p.yellow, p.dangshen, p.apple, p.sweet, p.noodles, p.cabbage, p.xiji];
  const browse = (query = '') => t.get(`/api/catalog/products${query ? `?${query}` : ''}`);

  it('lists only active products of verified suppliers, newest first', async () => {
    const res = await browse();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 8, page: 1, pageSize: 20 });
    expect(idsOf(res)).toEqual([...visible()].reverse());
    for (const hidden of [p.draft, p.archived, p.unverified]) expect(idsOf(res)).not.toContain(hidden);
  });

  it('describes each item with category, origin, supplier, price, stock and certification', async () => {
    const res = await browse(`supplier=${supplierA.orgId}`);
    const highland = res.body.items.find((i: Item) => i.id === p.highland);
    expect(highland).toEqual({
      id: p.highland,
      nameZh: '高山土豆',
      nameEn: 'Highland potatoes',
      categoryCode: 'potatoes',
      categoryNameZh: '薯类',
      categoryNameEn: 'Potatoes and tubers',
      originCountyCode: QINGYA,
      originCountyName: '青崖县',
      originProvinceCode: '620000',
      originProvinceName: '甘肃省',
      supplierId: supplierA.orgId,
      supplierName: '青崖高山合作社',
      supplierNameEn: null,
      grade: null,
      spec: null,
      storageClass: 'ambient',
      seasons: [],
      minPriceFen: 4000,
      currency: 'CNY',
      stockUnits: 100,
      inStock: true,
      certified: false,
      imageUrl: null,
    });
    const dangshen = res.body.items.find((i: Item) => i.id === p.dangshen);
    expect(dangshen).toMatchObject({ certified: true, minPriceFen: 12000, stockUnits: 50 });
    const yellow = res.body.items.find((i: Item) => i.id === p.yellow);
    expect(yellow).toMatchObject({ stockUnits: 0, inStock: false });
  });

  it.each([
    ['土豆', () => [p.highland, p.yellow, p.xiji]],
    ['tudou', () => [p.highland, p.yellow, p.xiji]],
    ['TuDou', () => [p.highland, p.yellow, p.xiji]],
    ['tud', () => [p.highland, p.yellow, p.xiji]],
    ['td', () => [p.highland, p.yellow, p.xiji]],
    ['potato', () => [p.highland, p.yellow, p.sweet, p.xiji]],
    ['党参', () => [p.dangshen]],
    ['dangshen', () => [p.dangshen]],
    ['codonopsis', () => [p.dangshen]],
    ['苹果', () => [p.apple]],
    ['pingguo', () => [p.apple]],
    ['apples', () => [p.apple]],
    ['白菜', () => [p.cabbage]],
    ['tudou 青崖', () => [p.highland, p.yellow]],
    ['青崖', () => [p.highland, p.yellow, p.dangshen]],
    ['宁夏', () => [p.xiji]],
    ['榴莲', () => []],
    ['durian', () => []],
    ['c', () => [p.dangshen, p.cabbage]],
    ['%', () => []],
    ['_', () => []],
    ['!!', () => []],
  ])('search for "%s" finds exactly the matching visible products', async (q, expected) => {
    const res = await browse(`q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    expect(idsOf(res).sort()).toEqual(expected().sort());
    expect(res.body.total).toBe(expected().length);
  });

  it('ranks by relevance when searching: names containing the query first, then in stock, then newest', async () => {
    // 薯 is in the name of 红薯 only, and in the category (薯类) of the other three.
    const res = await browse(`q=${encodeURIComponent('薯')}`);
    expect(idsOf(res)).toEqual([p.sweet, p.xiji, p.highland, p.yellow]);
    // An explicit sort still applies to a search.
    expect(idsOf(await browse(`q=${encodeURIComponent('薯')}&sort=price_desc`))).toEqual([p.highland, p.xiji, p.sweet, p.yellow]);
  });

  it('counts facets over all visible products', async () => {
    const { facets, total } = (await browse()).body;
    expect(total).toBe(8);
    const counts = (list: Array<{ key: string; count: number }>) => Object.fromEntries(list.map((x) => [x.key, x.count]));
    expect(counts(facets.categories)).toEqual({ potatoes: 4, herbs: 1, fruit: 1, processed: 1, vegetables: 1 });
    expect(facets.categories[0]).toEqual({ key: 'potatoes', nameZh: '薯类', nameEn: 'Potatoes and tubers', count: 4 });
    expect(counts(facets.provinces)).toEqual({ '620000': 7, '640000': 1 });
    expect(facets.provinces).toContainEqual({ key: '620000', name: '甘肃省', count: 7 });
    expect(counts(facets.counties)).toEqual({ [QINGYA]: 3, [BAISHI]: 3, [UNPAIRED_COUNTY]: 1, [XIJI]: 1 });
    expect(facets.counties).toContainEqual({ key: QINGYA, name: '青崖县', count: 3 });
    expect(counts(facets.storage)).toEqual({ ambient: 4, chilled: 3, frozen: 1 });
    expect(facets.certified).toEqual({ yes: 1, no: 7 });
    expect(facets.inStock).toEqual({ yes: 7, no: 1 });
    expect(facets.price).toEqual({ minFen: 800, maxFen: 12000 });
  });

  it('counts facets within the current filter', async () => {
    const res = await browse('category=potatoes');
    expect(res.body.total).toBe(4);
    const { facets } = res.body;
    expect(facets.categories).toEqual([{ key: 'potatoes', nameZh: '薯类', nameEn: 'Potatoes and tubers', count: 4 }]);
    expect(Object.fromEntries(facets.storage.map((x: { key: string; count: number }) => [x.key, x.count]))).toEqual({ ambient: 2, chilled: 1, frozen: 1 });
    expect(facets.inStock).toEqual({ yes: 3, no: 1 });
    expect(facets.certified).toEqual({ yes: 0, no: 4 });
    expect(facets.price).toEqual({ minFen: 2500, maxFen: 4000 });

    const none = await browse('q=durian');
    expect(none.body.total).toBe(0);
    expect(none.body.facets).toMatchObject({ categories: [], provinces: [], counties: [], storage: [], certified: { yes: 0, no: 0 }, inStock: { yes: 0, no: 0 }, price: { minFen: null, maxFen: null } });
  });

  it.each([
    ['category=potatoes', () => [p.highland, p.yellow, p.sweet, p.xiji]],
    ['category=herbs', () => [p.dangshen]],
    ['province=620000', () => [p.highland, p.yellow, p.dangshen, p.apple, p.sweet, p.noodles, p.cabbage]],
    ['province=640000', () => [p.xiji]],
    [`county=${BAISHI}`, () => [p.apple, p.sweet, p.noodles]],
    [`county=${UNPAIRED_COUNTY}`, () => [p.cabbage]],
    ['storage=frozen', () => [p.sweet]],
    ['storage=chilled', () => [p.yellow, p.apple, p.cabbage]],
    ['certified=true', () => [p.dangshen]],
    ['certified=false', () => [p.highland, p.yellow, p.apple, p.sweet, p.noodles, p.cabbage, p.xiji]],
    ['inStock=true', () => [p.highland, p.dangshen, p.apple, p.sweet, p.noodles, p.cabbage, p.xiji]],
    ['inStock=false', () => [p.yellow]],
    ['priceMinFen=2500&priceMaxFen=4000', () => [p.highland, p.yellow, p.sweet, p.xiji]],
    ['priceMinFen=6000', () => [p.apple, p.dangshen]],
    ['priceMaxFen=800', () => [p.cabbage]],
    ['priceMinFen=4000&priceMaxFen=4000', () => [p.highland]],
    ['category=potatoes&inStock=true&storage=ambient', () => [p.highland, p.xiji]],
    ['q=tudou&county=629801&inStock=false', () => [p.yellow]],
  ])('filters by %s', async (query, expected) => {
    const res = await browse(query);
    expect(res.status).toBe(200);
    expect(idsOf(res).sort()).toEqual(expected().sort());
    expect(res.body.total).toBe(expected().length);
  });

  it("filters by supplier, showing only that supplier's visible products", async () => {
    const a = await browse(`supplier=${supplierA.orgId}`);
    expect(idsOf(a).sort()).toEqual([p.highland, p.yellow, p.dangshen].sort());
    const b = await browse(`supplier=${supplierB.orgId}`);
    expect(idsOf(b).sort()).toEqual([p.apple, p.sweet, p.noodles].sort());
    const nobody = await browse('supplier=00000000-0000-4000-8000-000000000000');
    expect(nobody.body).toMatchObject({ items: [], total: 0 });
  });

  it('sorts by price up and down, and by newest', async () => {
    const byPrice = [p.cabbage, p.noodles, p.yellow, p.sweet, p.xiji, p.highland, p.apple, p.dangshen];
    const asc = await browse('sort=price_asc');
    expect(idsOf(asc)).toEqual(byPrice);
    expect(asc.body.items.map((i: Item) => i.minPriceFen)).toEqual([800, 1500, 2500, 3000, 3500, 4000, 6000, 12000]);
    expect(idsOf(await browse('sort=price_desc'))).toEqual([...byPrice].reverse());
    expect(idsOf(await browse('sort=newest'))).toEqual([...visible()].reverse());
    // A sort combines with a search.
    expect(idsOf(await browse('q=tudou&sort=price_asc'))).toEqual([p.yellow, p.xiji, p.highland]);
  });

  it.each(['sort=newest', 'sort=price_asc', 'sort=price_desc', 'sort=name', 'q=potato'])('pages through all results without duplicates (%s)', async (order) => {
    const seen: string[] = [];
    const expectedTotal = order.startsWith('q=') ? 4 : 8;
    for (let page = 1; page <= 4; page++) {
      const res = await browse(`${order}&pageSize=3&page=${page}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ page, pageSize: 3, total: expectedTotal });
      expect(res.body.items.length).toBe(Math.max(0, Math.min(3, expectedTotal - (page - 1) * 3)));
      seen.push(...idsOf(res));
    }
    expect(seen).toHaveLength(expectedTotal);
    expect(new Set(seen).size).toBe(expectedTotal);
  });

  it.each([
    ['pageSize=0', 'pageSize'],
    ['pageSize=101', 'pageSize'],
    ['page=0', 'page'],
    ['page=abc', 'page'],
    ['page=1.5', 'page'],
    ['certified=maybe', 'certified'],
    ['inStock=yes', 'inStock'],
    ['priceMinFen=abc', 'priceMinFen'],
    ['priceMinFen=-1', 'priceMinFen'],
    ['priceMaxFen=12.5', 'priceMaxFen'],
    ['priceMinFen=5000&priceMaxFen=4000', 'priceMaxFen'],
    ['sort=x', 'sort'],
    ['storage=warm', 'storage'],
    ['category=durian', 'category'],
    ['province=62', 'province'],
    ['county=abcdef', 'county'],
    ['supplier=not-a-uuid', 'supplier'],
    [`q=${'土'.repeat(101)}`, 'q'],
    ['q=a&q=b', 'q'],
    ['colour=red', 'colour'],
  ])('refuses %s with 400 naming the field', async (query, field) => {
    const res = await browse(query);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'VALIDATION_FAILED' });
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
  });
});

describe('catalog: a supplier manages products, SKUs, lots and images', () => {
  let t: TestApp;
  let f: Fixtures;
  let op: Actor;
  let official: Actor;
  let supplier: Actor;
  let other: Actor;
  let buyer: Actor;
  let baseId: string;
  let otherBaseId: string;
  let productId: string;
  let skuId: string;
  let lotA: string;
  let lotB: string;

  beforeAll(async () => {
    t = await TestApp.start();
    f = new Fixtures(t);
    await f.pairing([QINGYA, BAISHI]);
    op = await f.operator();
    official = await f.official(QINGYA);
    supplier = await f.supplier(QINGYA, { name: '青崖生命周期合作社' });
    other = await f.supplier(QINGYA, { verifiedBy: official, name: '邻村合作社' });
    buyer = await f.buyer();
    const base = await t.post(`/api/organisations/${supplier.orgId}/production-bases`, { name: '青崖北坡基地', countyCode: QINGYA, areaM2: 120_000 }, supplier.token);
    expect(base.status).toBe(201);
    baseId = base.body.id;
    const otherBase = await t.post(`/api/organisations/${other.orgId}/production-bases`, { name: '邻村基地', countyCode: QINGYA }, other.token);
    otherBaseId = otherBase.body.id;
  });
  afterAll(() => t.close());

  const listed = async (): Promise<string[]> => idsOf(await t.get(`/api/catalog/products?supplier=${supplier.orgId}`));
  const detail = (token?: string) => t.get(`/api/catalog/products/${productId}`, token);

  it('creates a product as a draft by default, with its origin and derived province', async () => {
    const res = await t.post(
      `/api/suppliers/${supplier.orgId}/products`,
      {
        categoryCode: 'potatoes',
        originCountyCode: QINGYA,
        nameZh: '  青崖黄心土豆 ',
        nameEn: 'Qingya yellow potatoes',
        descriptionZh: '海拔2000米',
        grade: '一级',
        spec: '单果 200-300g',
        storageClass: 'ambient',
        shelfLifeDays: 90,
        seasons: [10, 9, 9, 11],
      },
      supplier.token,
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ nameZh: '青崖黄心土豆', status: 'draft', visible: false, originProvinceCode: '620000', seasons: [9, 10, 11] });
    productId = res.body.id;
  });

  it('adds a SKU with tiers and lots whose units become its stock', async () => {
    const sku = await t.post(
      `/api/products/${productId}/skus`,
      {
        code: 'QY-TD-10KG',
        packingUnitZh: '10公斤箱',
        packingUnitEn: '10 kg case',
        netWeightG: 10_000,
        priceFen: 4500,
        priceTiers: [
          { minQuantity: 50, unitPriceFen: 4200 },
          { minQuantity: 200, unitPriceFen: 3900 },
        ],
        minOrderQuantity: 5,
        orderMultiple: 5,
        leadTimeDays: 2,
      },
      supplier.token,
    );
    expect(sku.status).toBe(201);
    expect(sku.body).toMatchObject({ code: 'QY-TD-10KG', priceFen: 4500, stockUnits: 0, active: true });
    skuId = sku.body.id;

    const a = await t.post(`/api/skus/${skuId}/lots`, { baseId, code: 'QY-2026-09-A', harvestDate: '2026-09-15', quantityUnits: 100, inspectionNote: '农残检测合格' }, supplier.token);
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ quantityUnits: 100, availableUnits: 100, harvestDate: '2026-09-15' });
    lotA = a.body.id;
    const b = await t.post(`/api/skus/${skuId}/lots`, { baseId, code: 'QY-2026-08-B', harvestDate: '2026-08-20', quantityUnits: 50 }, supplier.token);
    expect(b.status).toBe(201);
    lotB = b.body.id;

    expect((await t.db.getRepository(SkuEntity).findOneByOrFail({ id: skuId })).stockUnits).toBe(150);
    expect((await t.db.getRepository(ProductEntity).findOneByOrFail({ id: productId })).stockUnits).toBe(150);
    const lots = await t.get(`/api/skus/${skuId}/lots`, supplier.token);
    expect(lots.status).toBe(200);
    expect(lots.body.map((l: { code: string }) => l.code)).toEqual(['QY-2026-08-B', 'QY-2026-09-A']);
  });

  it("keeps a draft of an unverified supplier out of the catalog; its detail is 404 to all but the supplier, the county's officials and the operator", async () => {
    expect(await listed()).toEqual([]);
    expect((await t.get(`/api/catalog/products?supplier=${supplier.orgId}`)).body.total).toBe(0);
    expect((await detail()).status).toBe(404);
    expect((await detail(buyer.token)).status).toBe(404);
    expect((await detail(other.token)).status).toBe(404);
    const own = await detail(supplier.token);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ id: productId, status: 'draft', visible: false });
    expect((await detail(official.token)).status).toBe(200);
    expect((await detail(op.token)).status).toBe(200);
  });

  it('keeps an active product hidden while the supplier is not verified', async () => {
    const res = await t.patch(`/api/products/${productId}`, { status: 'active' }, supplier.token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'active', visible: false, nameZh: '青崖黄心土豆', grade: '一级' });
    expect(await listed()).toEqual([]);
    expect((await detail()).status).toBe(404);
  });

  it("shows the product once an official of the supplier's county verifies the supplier", async () => {
    const res = await t.post(`/api/organisations/${supplier.orgId}/verification`, { decision: 'verified' }, official.token);
    expect(res.status).toBe(201);
    expect(await listed()).toEqual([productId]);
    const page = await t.get(`/api/catalog/products?supplier=${supplier.orgId}`);
    expect(page.body.total).toBe(1);
    expect(page.body.facets.inStock).toEqual({ yes: 1, no: 0 });
    expect(page.body.items[0]).toMatchObject({ stockUnits: 150, inStock: true, minPriceFen: 4500 });
    expect((await detail()).status).toBe(200);
    expect((await detail(buyer.token)).status).toBe(200);
  });

  it('hides the product again when archived or set back to draft, and shows it when active again', async () => {
    expect((await t.patch(`/api/products/${productId}`, { status: 'archived' }, supplier.token)).status).toBe(200);
    expect(await listed()).toEqual([]);
    expect((await t.get(`/api/catalog/products?supplier=${supplier.orgId}`)).body.total).toBe(0);
    expect((await detail(buyer.token)).status).toBe(404);
    expect((await t.patch(`/api/products/${productId}`, { status: 'draft' }, supplier.token)).status).toBe(200);
    expect(await listed()).toEqual([]);
    expect((await t.patch(`/api/products/${productId}`, { status: 'active' }, supplier.token)).status).toBe(200);
    expect(await listed()).toEqual([productId]);
  });

  it("hides every product of a supplier whose verification is withdrawn, and shows them when restored", async () => {
    expect((await t.post(`/api/organisations/${supplier.orgId}/verification`, { decision: 'rejected', note: '材料不全' }, official.token)).status).toBe(201);
    expect(await listed()).toEqual([]);
    expect((await detail()).status).toBe(404);
    expect((await t.post(`/api/organisations/${supplier.orgId}/verification`, { decision: 'verified' }, official.token)).status).toBe(201);
    expect(await listed()).toEqual([productId]);
  });

  it('shows the product page: origin path, SKUs with tiers, lots with harvest dates and base names, supplier households', async () => {
    const households = await t.patch(`/api/organisations/${supplier.orgId}`, { householdsLifted: 42, householdsMonitored: 7, householdsAtRisk: 3 }, supplier.token);
    expect(households.status).toBe(200);
    expect(households.body.name).toBe('青崖生命周期合作社');
    const res = await detail();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: productId,
      status: 'active',
      visible: true,
      nameZh: '青崖黄心土豆',
      nameEn: 'Qingya yellow potatoes',
      descriptionZh: '海拔2000米',
      grade: '一级',
      spec: '单果 200-300g',
      storageClass: 'ambient',
      shelfLifeDays: 90,
      seasons: [9, 10, 11],
      category: { code: 'potatoes', nameZh: '薯类', nameEn: 'Potatoes and tubers' },
      supplier: { id: supplier.orgId, name: '青崖生命周期合作社', countyCode: QINGYA, verified: true, householdsLifted: 42, householdsMonitored: 7, householdsAtRisk: 3 },
      certificate: null,
      images: [],
    });
    expect(res.body.origin.map((d: { code: string; name: string }) => `${d.code} ${d.name}`)).toEqual(['620000 甘肃省', '629800 云岭州', '629801 青崖县']);
    expect(res.body.skus).toHaveLength(1);
    expect(res.body.skus[0]).toMatchObject({
      id: skuId,
      code: 'QY-TD-10KG',
      packingUnitZh: '10公斤箱',
      packingUnitEn: '10 kg case',
      netWeightG: 10_000,
      priceFen: 4500,
      currency: 'CNY',
      priceTiers: [
        { minQuantity: 50, unitPriceFen: 4200 },
        { minQuantity: 200, unitPriceFen: 3900 },
      ],
      minOrderQuantity: 5,
      orderMultiple: 5,
      leadTimeDays: 2,
      stockUnits: 150,
      active: true,
    });
    expect(res.body.skus[0].lots).toEqual([
      { id: lotB, code: 'QY-2026-08-B', harvestDate: '2026-08-20', availableUnits: 50, baseName: '青崖北坡基地', inspectionNote: null },
      { id: lotA, code: 'QY-2026-09-A', harvestDate: '2026-09-15', availableUnits: 100, baseName: '青崖北坡基地', inspectionNote: '农残检测合格' },
    ]);
  });

  it('updates a product partially without touching the fields not sent, and re-indexes its name for search', async () => {
    const res = await t.patch(`/api/products/${productId}`, { nameEn: 'Qingya golden potatoes' }, supplier.token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ nameZh: '青崖黄心土豆', nameEn: 'Qingya golden potatoes', grade: '一级', storageClass: 'ambient', status: 'active' });
    expect(idsOf(await t.get('/api/catalog/products?q=golden'))).toEqual([productId]);
    const moved = await t.patch(`/api/products/${productId}`, { categoryCode: 'vegetables' }, supplier.token);
    expect(moved.status).toBe(200);
    expect(idsOf(await t.get(`/api/catalog/products?category=vegetables&supplier=${supplier.orgId}`))).toEqual([productId]);
    expect((await t.patch(`/api/products/${productId}`, { categoryCode: 'potatoes' }, supplier.token)).status).toBe(200);
    const unknown = await t.patch(`/api/products/${productId}`, { categoryCode: 'durian' }, supplier.token);
    expect(unknown.status).toBe(400);
    expect(unknown.body.details[0].field).toBe('categoryCode');
  });

  it('refuses bad product input with 400 naming the field', async () => {
    const base = { categoryCode: 'potatoes', originCountyCode: QINGYA, nameZh: '土豆', storageClass: 'ambient' };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ categoryCode: 'durian' }, 'categoryCode'],
      [{ originCountyCode: '629800' }, 'originCountyCode'],
      [{ originCountyCode: '629899' }, 'originCountyCode'],
      [{ storageClass: 'warm' }, 'storageClass'],
      [{ seasons: [0, 13] }, 'seasons'],
      [{ nameZh: '' }, 'nameZh'],
      [{ status: 'deleted' }, 'status'],
      [{ visible: true }, 'visible'],
    ];
    for (const [over, field] of cases) {
      const res = await t.post(`/api/suppliers/${supplier.orgId}/products`, { ...base, ...over }, supplier.token);
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
  });

  it.each([
    ['not ascending', [{ minQuantity: 50, unitPriceFen: 4200 }, { minQuantity: 50, unitPriceFen: 4000 }], 'priceTiers[1]'],
    ['falling in quantity', [{ minQuantity: 50, unitPriceFen: 4200 }, { minQuantity: 20, unitPriceFen: 4000 }], 'priceTiers[1]'],
    ['not cheaper than the tier before', [{ minQuantity: 50, unitPriceFen: 4200 }, { minQuantity: 100, unitPriceFen: 4300 }], 'priceTiers[1]'],
    ['not cheaper than the base price', [{ minQuantity: 50, unitPriceFen: 4500 }], 'priceTiers[0]'],
    ['starting at one unit', [{ minQuantity: 1, unitPriceFen: 4000 }], 'priceTiers[0].minQuantity'],
    ['a third tier out of order', [{ minQuantity: 10, unitPriceFen: 4400 }, { minQuantity: 20, unitPriceFen: 4300 }, { minQuantity: 15, unitPriceFen: 4200 }], 'priceTiers[2]'],
  ])('refuses tiers %s with 400 naming the tier', async (_label, priceTiers, field) => {
    const res = await t.post(`/api/products/${productId}/skus`, { code: `TIER-${field.replace(/\W/g, '')}-${_label.length}`, packingUnitZh: '箱', netWeightG: 5000, priceFen: 4500, priceTiers }, supplier.token);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details).toEqual([{ field, reason: expect.any(String) }]);
    expect(await t.db.getRepository(SkuEntity).count({ where: { productId } })).toBe(1);
  });

  it('checks tiers against the new base price when a SKU is updated', async () => {
    const cheaper = await t.patch(`/api/skus/${skuId}`, { priceFen: 4100 }, supplier.token);
    expect(cheaper.status).toBe(400);
    expect(cheaper.body.details[0].field).toBe('priceTiers[0]');
    expect((await t.db.getRepository(SkuEntity).findOneByOrFail({ id: skuId })).priceFen).toBe(4500);
    const ok = await t.patch(`/api/skus/${skuId}`, { priceFen: 4800 }, supplier.token);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ priceFen: 4800, packingUnitZh: '10公斤箱', priceTiers: [{ minQuantity: 50, unitPriceFen: 4200 }, { minQuantity: 200, unitPriceFen: 3900 }], stockUnits: 150 });
    const page = await t.get(`/api/catalog/products?supplier=${supplier.orgId}`);
    expect(page.body.items[0].minPriceFen).toBe(4800);
    const badTiers = await t.patch(`/api/skus/${skuId}`, { priceTiers: [{ minQuantity: 10, unitPriceFen: 4000 }, { minQuantity: 5, unitPriceFen: 3000 }] }, supplier.token);
    expect(badTiers.status).toBe(400);
    expect(badTiers.body.details[0].field).toBe('priceTiers[1]');
  });

  it('refuses a SKU code already in use, by this supplier or another, with 409', async () => {
    const dup = await t.post(`/api/products/${productId}/skus`, { code: 'QY-TD-10KG', packingUnitZh: '箱', netWeightG: 5000, priceFen: 3000 }, supplier.token);
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ code: 'SKU_CODE_TAKEN', details: [{ field: 'code', reason: expect.any(String) }] });
    const otherProduct = await f.product(other, { nameZh: '邻村土豆' });
    const theirs = await t.post(`/api/products/${otherProduct.productId}/skus`, { code: 'QY-TD-10KG', packingUnitZh: '箱', netWeightG: 5000, priceFen: 3000 }, other.token);
    expect(theirs.status).toBe(409);
  });

  it("sums the lots of every active SKU into the product's stock, and the cheapest active SKU into its price", async () => {
    const second = await t.post(`/api/products/${productId}/skus`, { code: 'QY-TD-5KG', packingUnitZh: '5公斤袋', netWeightG: 5000, priceFen: 2600 }, supplier.token);
    expect(second.status).toBe(201);
    expect((await t.post(`/api/skus/${second.body.id}/lots`, { baseId, code: 'QY-5-A', harvestDate: '2026-09-20', quantityUnits: 20 }, supplier.token)).status).toBe(201);
    let item = (await t.get(`/api/catalog/products?supplier=${supplier.orgId}`)).body.items[0];
    expect(item).toMatchObject({ stockUnits: 170, minPriceFen: 2600, inStock: true });
    const d = await detail();
    expect(d.body.skus.map((s: { code: string; stockUnits: number }) => [s.code, s.stockUnits])).toEqual([
      ['QY-TD-5KG', 20],
      ['QY-TD-10KG', 150],
    ]);

    // A deactivated SKU no longer counts towards price or stock.
    expect((await t.patch(`/api/skus/${second.body.id}`, { active: false }, supplier.token)).status).toBe(200);
    item = (await t.get(`/api/catalog/products?supplier=${supplier.orgId}`)).body.items[0];
    expect(item).toMatchObject({ stockUnits: 150, minPriceFen: 4800 });
  });

  it("refuses to set a lot's available units above what was harvested", async () => {
    const res = await t.patch(`/api/lots/${lotA}`, { availableUnits: 101 }, supplier.token);
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ field: 'availableUnits', reason: expect.stringContaining('100') }]);
    expect((await t.db.getRepository(LotEntity).findOneByOrFail({ id: lotA })).availableUnits).toBe(100);
    const negative = await t.patch(`/api/lots/${lotA}`, { availableUnits: -1 }, supplier.token);
    expect(negative.status).toBe(400);
    expect(negative.body.details[0].field).toBe('availableUnits');
  });

  it('puts the product out of stock when every lot is counted down to zero', async () => {
    const partly = await t.patch(`/api/lots/${lotA}`, { availableUnits: 40, inspectionNote: '盘点' }, supplier.token);
    expect(partly.status).toBe(200);
    expect(partly.body).toMatchObject({ availableUnits: 40, quantityUnits: 100, inspectionNote: '盘点' });
    expect((await t.db.getRepository(SkuEntity).findOneByOrFail({ id: skuId })).stockUnits).toBe(90);

    expect((await t.patch(`/api/lots/${lotA}`, { availableUnits: 0 }, supplier.token)).status).toBe(200);
    expect((await t.patch(`/api/lots/${lotB}`, { availableUnits: 0 }, supplier.token)).status).toBe(200);
    const page = await t.get(`/api/catalog/products?supplier=${supplier.orgId}`);
    expect(page.body.items[0]).toMatchObject({ stockUnits: 0, inStock: false });
    expect(page.body.facets.inStock).toEqual({ yes: 0, no: 1 });
    expect(idsOf(await t.get(`/api/catalog/products?supplier=${supplier.orgId}&inStock=false`))).toEqual([productId]);
    expect(idsOf(await t.get(`/api/catalog/products?supplier=${supplier.orgId}&inStock=true`))).toEqual([]);
    const d = await detail();
    expect(d.body.skus.find((s: { id: string }) => s.id === skuId).stockUnits).toBe(0);

    expect((await t.patch(`/api/lots/${lotB}`, { availableUnits: 50 }, supplier.token)).status).toBe(200);
    expect((await t.get(`/api/catalog/products?supplier=${supplier.orgId}&inStock=true`)).body.total).toBe(1);
  });

  it("refuses a lot grown on another supplier's base, or on a base that does not exist", async () => {
    const before = await t.db.getRepository(LotEntity).count({ where: { skuId } });
    const theirs = await t.post(`/api/skus/${skuId}/lots`, { baseId: otherBaseId, code: 'X1', harvestDate: '2026-09-01', quantityUnits: 10 }, supplier.token);
    expect(theirs.status).toBe(400);
    expect(theirs.body.details).toEqual([{ field: 'baseId', reason: expect.any(String) }]);
    const missing = await t.post(`/api/skus/${skuId}/lots`, { baseId: '00000000-0000-4000-8000-000000000000', code: 'X2', harvestDate: '2026-09-01', quantityUnits: 10 }, supplier.token);
    expect(missing.status).toBe(400);
    expect(missing.body.details[0].field).toBe('baseId');
    const badDay = await t.post(`/api/skus/${skuId}/lots`, { baseId, code: 'X3', harvestDate: '2026-02-30', quantityUnits: 10 }, supplier.token);
    expect(badDay.status).toBe(400);
    expect(badDay.body.details[0].field).toBe('harvestDate');
    expect(await t.db.getRepository(LotEntity).count({ where: { skuId } })).toBe(before);
  });

  it('stores an uploaded PNG and serves back the same bytes', async () => {
    const png = tinyPng();
    const up = await t.call('POST', `/api/products/${productId}/images`, { raw: png, contentType: 'image/png', token: supplier.token });
    expect(up.status).toBe(201);
    expect(up.body).toEqual({ id: expect.any(String), url: `/api/images/${up.body.id}`, contentType: 'image/png' });
    const res = await fetch(`${t.baseUrl}${up.body.url}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true);
    const stored = await t.db.getRepository(ProductImageEntity).findOneByOrFail({ id: up.body.id });
    expect(stored).toMatchObject({ productId, byteSize: png.length, contentType: 'image/png' });

    expect((await detail()).body.images).toEqual([{ id: up.body.id, url: up.body.url, contentType: 'image/png' }]);
    const item = (await t.get(`/api/catalog/products?supplier=${supplier.orgId}`)).body.items[0];
    expect(item.imageUrl).toBe(up.body.url);
  });

  it('recognises an image by its bytes, not by the Content-Type it is sent with', async () => {
    const before = await t.db.getRepository(ProductImageEntity).count({ where: { productId } });
    const text = await t.call('POST', `/api/products/${productId}/images`, { raw: Buffer.from('this is not a picture'), contentType: 'image/png', token: supplier.token });
    expect(text.status).toBe(400);
    expect(text.body.details[0].field).toBe('body');
    const json = await t.call('POST', `/api/products/${productId}/images`, { body: { image: 'abc' }, token: supplier.token });
    expect(json.status).toBe(400);
    expect(json.body.details[0].field).toBe('body');
    const empty = await t.call('POST', `/api/products/${productId}/images`, { raw: Buffer.alloc(0), contentType: 'image/png', token: supplier.token });
    expect(empty.status).toBe(400);
    const webpLabelledPng = await t.call('POST', `/api/products/${productId}/images`, { raw: tinyPng(1, 1), contentType: 'image/webp', token: supplier.token });
    expect(webpLabelledPng.status).toBe(201);
    expect(webpLabelledPng.body.contentType).toBe('image/png');
    expect(await t.db.getRepository(ProductImageEntity).count({ where: { productId } })).toBe(before + 1);
  });

  it("refuses an image upload to another supplier's product, and 404s unknown images", async () => {
    const res = await t.call('POST', `/api/products/${productId}/images`, { raw: tinyPng(), contentType: 'image/png', token: other.token });
    expect(res.status).toBe(404);
    expect((await t.call('POST', `/api/products/${productId}/images`, { raw: tinyPng(), contentType: 'image/png', token: buyer.token })).status).toBe(403);
    expect((await t.call('POST', `/api/products/${productId}/images`, { raw: tinyPng(), contentType: 'image/png' })).status).toBe(401);
    expect((await t.get('/api/images/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await t.get('/api/images/nope')).status).toBe(400);
  });

  it("lists a supplier's own products, drafts included, filtered by status", async () => {
    const draft = await t.post(`/api/suppliers/${supplier.orgId}/products`, { categoryCode: 'herbs', originCountyCode: QINGYA, nameZh: '黄芪草稿', storageClass: 'ambient' }, supplier.token);
    expect(draft.status).toBe(201);
    const all = await t.get(`/api/suppliers/${supplier.orgId}/products`, supplier.token);
    expect(all.status).toBe(200);
    expect(all.body.map((x: { id: string }) => x.id).sort()).toEqual([productId, draft.body.id].sort());
    const drafts = await t.get(`/api/suppliers/${supplier.orgId}/products?status=draft`, supplier.token);
    expect(drafts.body.map((x: { id: string }) => x.id)).toEqual([draft.body.id]);
    expect(await listed()).toEqual([productId]);
  });
});

describe('catalog: categories', () => {
  let t: TestApp;
  let f: Fixtures;
  let op: Actor;
  let supplier: Actor;

  beforeAll(async () => {
    t = await TestApp.start();
    f = new Fixtures(t);
    op = await f.operator();
    supplier = await f.supplier(QINGYA);
  });
  afterAll(() => t.close());

  it('lists the default categories to anyone, in sort order', async () => {
    const res = await t.get('/api/categories');
    expect(res.status).toBe(200);
    expect(res.body.map((c: { code: string }) => c.code)).toEqual(['vegetables', 'potatoes', 'fruit', 'grains', 'herbs', 'livestock', 'processed']);
  });

  it('lets the operator add a category that products can then use', async () => {
    const res = await t.post('/api/categories', { code: 'mushrooms', nameZh: '食用菌', nameEn: 'Mushrooms', sortOrder: 15 }, op.token);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ code: 'mushrooms', nameZh: '食用菌', sortOrder: 15 });
    const list = await t.get('/api/categories');
    expect(list.body.map((c: { code: string }) => c.code).slice(0, 3)).toEqual(['vegetables', 'mushrooms', 'potatoes']);
    const product = await t.post(`/api/suppliers/${supplier.orgId}/products`, { categoryCode: 'mushrooms', originCountyCode: QINGYA, nameZh: '香菇', storageClass: 'chilled' }, supplier.token);
    expect(product.status).toBe(201);
    expect((await t.get('/api/catalog/products?category=mushrooms')).status).toBe(200);
  });

  it('refuses a duplicate category code with 409 and bad input with 400', async () => {
    const dup = await t.post('/api/categories', { code: 'fruit', nameZh: '水果', nameEn: 'Fruit' }, op.token);
    expect(dup.status).toBe(409);
    expect(dup.body.details[0].field).toBe('code');
    const bad = await t.post('/api/categories', { code: 'Bad Code', nameZh: '', nameEn: 'x' }, op.token);
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['code', 'nameZh']);
  });

  it('renames a category partially, keeping the fields not sent', async () => {
    const fruit = (await t.get('/api/categories')).body.find((c: { code: string }) => c.code === 'fruit');
    const res = await t.patch(`/api/categories/${fruit.id}`, { sortOrder: 5 }, op.token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: fruit.id, code: 'fruit', nameZh: '水果', nameEn: 'Fruit', sortOrder: 5 });
    expect((await t.get('/api/categories')).body[0]).toMatchObject({ code: 'fruit', nameZh: '水果' });
    expect((await t.patch('/api/categories/999999', { nameZh: '无' }, op.token)).status).toBe(404);
    const badId = await t.patch('/api/categories/abc', { nameZh: '无' }, op.token);
    expect(badId.status).toBe(400);
    expect(badId.body.details[0].field).toBe('id');
  });

  it('keeps category management to the operator: 403 for a supplier, 401 anonymous', async () => {
    const before = (await t.get('/api/categories')).body.length;
    const bySupplier = await t.post('/api/categories', { code: 'snacks', nameZh: '零食', nameEn: 'Snacks' }, supplier.token);
    expect(bySupplier.status).toBe(403);
    expect(bySupplier.body.code).toBe('FORBIDDEN');
    const buyer = await f.buyer();
    expect((await t.post('/api/categories', { code: 'snacks', nameZh: '零食', nameEn: 'Snacks' }, buyer.token)).status).toBe(403);
    expect((await t.post('/api/categories', { code: 'snacks', nameZh: '零食', nameEn: 'Snacks' })).status).toBe(401);
    const fruit = (await t.get('/api/categories')).body.find((c: { code: string }) => c.code === 'fruit');
    expect((await t.patch(`/api/categories/${fruit.id}`, { nameZh: '水果们' }, supplier.token)).status).toBe(403);
    expect((await t.get('/api/categories')).body).toHaveLength(before);
    expect((await t.get('/api/categories')).body.find((c: { code: string }) => c.code === 'fruit').nameZh).toBe('水果');
  });
});
