import { DeliverySiteEntity, LotEntity, MembershipEntity, OrganisationEntity, ProductEntity, ProductionBaseEntity, SkuEntity } from '@shanhai/persistence';
import { Actor, BAISHI, Fixtures, QINGYA, UNPAIRED_COUNTY, WEST_PREFECTURE, creditCode } from '../../../../test/support/fixtures';
import { TestApp } from '../../../../test/support/test-app';

// The integration project's `testTimeout` is not applied per project by Jest; setup signs several people up.
jest.setTimeout(60_000);

const RANDOM_UUID = '00000000-0000-4000-8000-000000000000';

describe('authorisation: who may read and change what', () => {
  let t: TestApp;
  let f: Fixtures;
  let op: Actor;
  let qingyaOfficial: Actor;
  let baishiOfficial: Actor;
  let prefectureOfficial: Actor;
  let coopA: Actor;
  let coopB: Actor;
  let coopBaishi: Actor;
  let coopPending: Actor;
  let coopUnpaired: Actor;
  let buyerA: Actor;
  let buyerB: Actor;
  let a: { productId: string; skuId: string; lotId: string; baseId: string };
  let aDraftId: string;
  let bBaseId: string;
  let siteA: string;

  beforeAll(async () => {
    t = await TestApp.start();
    f = new Fixtures(t);
    op = await f.operator();
    await f.pairing([QINGYA, BAISHI]);
    qingyaOfficial = await f.official(QINGYA);
    baishiOfficial = await f.official(BAISHI);
    prefectureOfficial = await f.official(WEST_PREFECTURE);
    coopA = await f.supplier(QINGYA, { verifiedBy: qingyaOfficial, name: '甲合作社' });
    coopB = await f.supplier(QINGYA, { verifiedBy: qingyaOfficial, name: '乙合作社' });
    coopBaishi = await f.supplier(BAISHI, { verifiedBy: baishiOfficial, name: '白石合作社' });
    coopPending = await f.supplier(QINGYA, { name: '待审合作社' });
    coopUnpaired = await f.supplier(UNPAIRED_COUNTY, { name: '榆中合作社' });
    buyerA = await f.buyer('school');
    buyerB = await f.buyer('enterprise');
    a = await f.product(coopA, { nameZh: '甲的土豆' });
    aDraftId = (await t.post(`/api/suppliers/${coopA.orgId}/products`, { categoryCode: 'herbs', originCountyCode: QINGYA, nameZh: '甲的草稿', storageClass: 'ambient' }, coopA.token)).body.id;
    bBaseId = (await t.post(`/api/organisations/${coopB.orgId}/production-bases`, { name: '乙的基地', countyCode: QINGYA }, coopB.token)).body.id;
    const site = await t.post(`/api/organisations/${buyerA.orgId}/delivery-sites`, { name: '一中食堂', address: '东澜市澜湾区学府路1号', countyCode: '339801' }, buyerA.token);
    expect(site.status).toBe(201);
    siteA = site.body.id;
  });
  afterAll(() => t.close());

  const snapshot = async () => ({
    org: await t.db.getRepository(OrganisationEntity).findOneByOrFail({ id: coopA.orgId }),
    products: await t.db.getRepository(ProductEntity).find({ where: { supplierId: coopA.orgId }, order: { id: 'ASC' } }),
    skus: await t.db.getRepository(SkuEntity).find({ where: { productId: a.productId }, order: { id: 'ASC' } }),
    lots: await t.db.getRepository(LotEntity).find({ where: { skuId: a.skuId }, order: { id: 'ASC' } }),
    bases: await t.db.getRepository(ProductionBaseEntity).find({ where: { organisationId: coopA.orgId }, order: { id: 'ASC' } }),
    members: await t.db.getRepository(MembershipEntity).find({ where: { organisationId: coopA.orgId }, order: { userId: 'ASC', role: 'ASC' } }),
  });

  describe("a cooperative and another cooperative's things", () => {
    it("cannot read or change the other cooperative's organisation, members or production bases", async () => {
      const before = await snapshot();
      const denied = [
        await t.get(`/api/organisations/${coopA.orgId}`, coopB.token),
        await t.patch(`/api/organisations/${coopA.orgId}`, { name: '被改名', householdsLifted: 999 }, coopB.token),
        await t.get(`/api/organisations/${coopA.orgId}/members`, coopB.token),
        await t.post(`/api/organisations/${coopA.orgId}/members`, { email: coopB.email, role: 'supplier_admin' }, coopB.token),
        await t.get(`/api/organisations/${coopA.orgId}/production-bases`, coopB.token),
        await t.post(`/api/organisations/${coopA.orgId}/production-bases`, { name: '占用基地', countyCode: QINGYA }, coopB.token),
      ];
      for (const res of denied) expect([403, 404]).toContain(res.status);
      expect(await snapshot()).toEqual(before);
    });

    it("cannot list, create, change or upload images for the other cooperative's products", async () => {
      const before = await snapshot();
      const denied = [
        await t.get(`/api/suppliers/${coopA.orgId}/products`, coopB.token),
        await t.post(`/api/suppliers/${coopA.orgId}/products`, { categoryCode: 'potatoes', originCountyCode: QINGYA, nameZh: '冒名土豆', storageClass: 'ambient', status: 'active' }, coopB.token),
        await t.patch(`/api/products/${a.productId}`, { nameZh: '被改的土豆', status: 'archived' }, coopB.token),
        await t.patch(`/api/products/${aDraftId}`, { status: 'active' }, coopB.token),
        await t.get(`/api/catalog/products/${aDraftId}`, coopB.token),
        await t.call('POST', `/api/products/${a.productId}/images`, { raw: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), contentType: 'image/jpeg', token: coopB.token }),
        await t.post(`/api/products/${a.productId}/certifications`, {}, coopB.token),
      ];
      for (const res of denied) expect([403, 404]).toContain(res.status);
      expect(await snapshot()).toEqual(before);
      expect(await t.db.getRepository(ProductEntity).count({ where: { supplierId: coopB.orgId } })).toBe(0);
    });

    it("cannot add, change or read the other cooperative's SKUs and lots", async () => {
      const before = await snapshot();
      const denied = [
        await t.post(`/api/products/${a.productId}/skus`, { code: 'STOLEN-1', packingUnitZh: '箱', netWeightG: 1000, priceFen: 1 }, coopB.token),
        await t.patch(`/api/skus/${a.skuId}`, { priceFen: 1, active: false }, coopB.token),
        await t.get(`/api/skus/${a.skuId}/lots`, coopB.token),
        await t.post(`/api/skus/${a.skuId}/lots`, { baseId: bBaseId, code: 'B1', harvestDate: '2026-09-01', quantityUnits: 5 }, coopB.token),
        await t.patch(`/api/lots/${a.lotId}`, { availableUnits: 0 }, coopB.token),
      ];
      for (const res of denied) expect([403, 404]).toContain(res.status);
      expect(await snapshot()).toEqual(before);
    });

    it("answers an unknown id the same way as another cooperative's, so ids do not leak", async () => {
      expect((await t.patch(`/api/products/${RANDOM_UUID}`, {}, coopB.token)).status).toBe(404);
      expect((await t.patch(`/api/skus/${RANDOM_UUID}`, {}, coopB.token)).status).toBe(404);
      expect((await t.patch(`/api/lots/${RANDOM_UUID}`, { availableUnits: 1 }, coopB.token)).status).toBe(404);
      expect((await t.patch(`/api/products/${a.productId}`, {}, coopB.token)).status).toBe(404);
      expect((await t.patch(`/api/skus/${a.skuId}`, {}, coopB.token)).status).toBe(404);
      expect((await t.patch(`/api/lots/${a.lotId}`, { availableUnits: 1 }, coopB.token)).status).toBe(404);
    });

    it('lets a staff member manage products but not the organisation, its members or its bases', async () => {
      const staff = await f.signUp('staff');
      expect((await t.post(`/api/organisations/${coopA.orgId}/members`, { email: staff.email, role: 'supplier_staff' }, coopA.token)).status).toBe(201);
      const token = await f.signIn(staff.email);
      expect((await t.patch(`/api/products/${a.productId}`, { grade: '特级' }, token)).status).toBe(200);
      expect((await t.patch(`/api/organisations/${coopA.orgId}`, { name: '员工改名' }, token)).status).toBe(403);
      expect((await t.post(`/api/organisations/${coopA.orgId}/production-bases`, { name: '员工基地', countyCode: QINGYA }, token)).status).toBe(403);
      expect((await t.post(`/api/organisations/${coopA.orgId}/members`, { email: coopB.email, role: 'supplier_staff' }, token)).status).toBe(403);
      expect((await t.db.getRepository(OrganisationEntity).findOneByOrFail({ id: coopA.orgId })).name).toBe('甲合作社');
    });
  });

  describe("a buyer and another buyer's things", () => {
    it("cannot read the other buyer's organisation or delivery sites, nor add or change them", async () => {
      const sitesBefore = await t.db.getRepository(DeliverySiteEntity).find({ where: { organisationId: buyerA.orgId } });
      const orgBefore = await t.db.getRepository(OrganisationEntity).findOneByOrFail({ id: buyerA.orgId });
      const denied = [
        await t.get(`/api/organisations/${buyerA.orgId}`, buyerB.token),
        await t.patch(`/api/organisations/${buyerA.orgId}`, { name: '被改名的学校' }, buyerB.token),
        await t.get(`/api/organisations/${buyerA.orgId}/members`, buyerB.token),
        await t.get(`/api/organisations/${buyerA.orgId}/delivery-sites`, buyerB.token),
        await t.post(`/api/organisations/${buyerA.orgId}/delivery-sites`, { name: '冒名收货点', address: '某地', countyCode: '339801' }, buyerB.token),
        await t.put(`/api/organisations/${buyerA.orgId}/delivery-sites/${siteA}`, { name: '改地址', address: '别处', countyCode: '339802' }, buyerB.token),
        await t.put(`/api/organisations/${buyerB.orgId}/delivery-sites/${siteA}`, { name: '改地址', address: '别处', countyCode: '339802' }, buyerB.token),
        await t.get(`/api/organisations/${buyerA.orgId}/delivery-sites`, coopA.token),
        await t.get(`/api/organisations/${buyerA.orgId}`, qingyaOfficial.token),
      ];
      for (const res of denied) expect([403, 404]).toContain(res.status);
      expect(await t.db.getRepository(DeliverySiteEntity).find({ where: { organisationId: buyerA.orgId } })).toEqual(sitesBefore);
      expect(await t.db.getRepository(OrganisationEntity).findOneByOrFail({ id: buyerA.orgId })).toEqual(orgBefore);
      expect(await t.db.getRepository(DeliverySiteEntity).count({ where: { organisationId: buyerB.orgId } })).toBe(0);
    });

    it('lets the buyer read and change its own delivery sites', async () => {
      const list = await t.get(`/api/organisations/${buyerA.orgId}/delivery-sites`, buyerA.token);
      expect(list.status).toBe(200);
      expect(list.body.map((s: { id: string }) => s.id)).toEqual([siteA]);
      const put = await t.put(`/api/organisations/${buyerA.orgId}/delivery-sites/${siteA}`, { name: '一中新食堂', address: '东澜市澜湾区学府路2号', countyCode: '339801' }, buyerA.token);
      expect(put.status).toBe(200);
      expect(put.body).toMatchObject({ id: siteA, name: '一中新食堂' });
      const badCounty = await t.post(`/api/organisations/${buyerA.orgId}/delivery-sites`, { name: '某点', address: '某地', countyCode: '339800' }, buyerA.token);
      expect(badCounty.status).toBe(400);
      expect(badCounty.body.details[0].field).toBe('countyCode');
    });
  });

  describe('officials and their jurisdiction', () => {
    const supplierIds = async (actor: Actor, query = '?kind=supplier') => {
      const res = await t.get(`/api/organisations${query}`, actor.token);
      expect(res.status).toBe(200);
      return res.body.map((o: { id: string }) => o.id).sort();
    };

    it("shows a prefecture official both counties' suppliers and a county official only their county's", async () => {
      expect(await supplierIds(prefectureOfficial)).toEqual([coopA.orgId, coopB.orgId, coopBaishi.orgId, coopPending.orgId].sort());
      expect(await supplierIds(qingyaOfficial)).toEqual([coopA.orgId, coopB.orgId, coopPending.orgId].sort());
      expect(await supplierIds(baishiOfficial)).toEqual([coopBaishi.orgId]);
      expect(await supplierIds(qingyaOfficial, '?kind=supplier&verificationStatus=pending')).toEqual([coopPending.orgId]);
      expect(await supplierIds(op)).toEqual(expect.arrayContaining([coopA.orgId, coopB.orgId, coopBaishi.orgId, coopPending.orgId, coopUnpaired.orgId]));
    });

    it('shows suppliers and buyers only their own organisation', async () => {
      expect(await supplierIds(coopA)).toEqual([coopA.orgId]);
      expect(await supplierIds(buyerA)).toEqual([]);
      expect(await supplierIds(buyerA, '')).toEqual([buyerA.orgId]);
      expect(await supplierIds(buyerA, '?kind=buyer')).toEqual([buyerA.orgId]);
    });

    it('lets an official read a supplier in the jurisdiction but not one outside it', async () => {
      expect((await t.get(`/api/organisations/${coopA.orgId}`, qingyaOfficial.token)).status).toBe(200);
      expect((await t.get(`/api/organisations/${coopA.orgId}`, prefectureOfficial.token)).status).toBe(200);
      expect((await t.get(`/api/organisations/${coopBaishi.orgId}`, qingyaOfficial.token)).status).toBe(404);
      expect((await t.get(`/api/organisations/${coopUnpaired.orgId}`, prefectureOfficial.token)).status).toBe(404);
      // Reading is not administering.
      expect((await t.patch(`/api/organisations/${coopA.orgId}`, { name: '官方改名' }, qingyaOfficial.token)).status).toBe(403);
      expect((await t.get(`/api/organisations/${coopA.orgId}/members`, qingyaOfficial.token)).status).toBe(403);
    });

    it("lets an official see the products a supplier of the jurisdiction described, drafts and hidden ones, and nobody else's", async () => {
      const pendingDraft = await t.post(`/api/suppliers/${coopPending.orgId}/products`, { categoryCode: 'herbs', originCountyCode: QINGYA, nameZh: '待审的黄芪', storageClass: 'ambient', status: 'active' }, coopPending.token);
      expect(pendingDraft.status).toBe(201);
      for (const official of [qingyaOfficial, prefectureOfficial]) {
        const listed = await t.get(`/api/suppliers/${coopPending.orgId}/products`, official.token);
        expect(listed.status).toBe(200);
        expect(listed.body.map((p: { nameZh: string }) => p.nameZh)).toEqual(['待审的黄芪']);
      }
      const own = await t.get(`/api/suppliers/${coopA.orgId}/products`, qingyaOfficial.token);
      expect(own.body.map((p: { id: string }) => p.id).sort()).toEqual([a.productId, aDraftId].sort());
      expect((await t.get(`/api/suppliers/${coopPending.orgId}/products`, baishiOfficial.token)).status).toBe(404);
      expect((await t.get(`/api/suppliers/${coopUnpaired.orgId}/products`, prefectureOfficial.token)).status).toBe(404);
      expect((await t.get(`/api/suppliers/${buyerA.orgId}/products`, qingyaOfficial.token)).status).toBe(404);
      expect((await t.get(`/api/suppliers/${coopPending.orgId}/products`, buyerA.token)).status).toBe(403);
      // Reading is not editing.
      expect((await t.patch(`/api/products/${pendingDraft.body.id}`, { nameZh: '官方改名' }, qingyaOfficial.token)).status).toBe(403);
    });

    it('refuses to let an official verify a supplier outside the jurisdiction', async () => {
      const outside = [
        await t.post(`/api/organisations/${coopPending.orgId}/verification`, { decision: 'verified' }, baishiOfficial.token),
        await t.post(`/api/organisations/${coopUnpaired.orgId}/verification`, { decision: 'verified' }, prefectureOfficial.token),
        await t.post(`/api/organisations/${coopUnpaired.orgId}/verification`, { decision: 'verified' }, qingyaOfficial.token),
        await t.post(`/api/organisations/${buyerA.orgId}/verification`, { decision: 'rejected' }, qingyaOfficial.token),
      ];
      for (const res of outside) expect([403, 404]).toContain(res.status);
      const notOfficials = [
        await t.post(`/api/organisations/${coopPending.orgId}/verification`, { decision: 'verified' }, coopPending.token),
        await t.post(`/api/organisations/${coopPending.orgId}/verification`, { decision: 'verified' }, buyerA.token),
      ];
      for (const res of notOfficials) expect(res.status).toBe(403);
      expect((await t.db.getRepository(OrganisationEntity).findOneByOrFail({ id: coopPending.orgId })).verificationStatus).toBe('pending');
      expect((await t.db.getRepository(OrganisationEntity).findOneByOrFail({ id: coopUnpaired.orgId })).verificationStatus).toBe('pending');
    });

    it("lets an official of the prefecture verify a supplier in one of its counties", async () => {
      const res = await t.post(`/api/organisations/${coopPending.orgId}/verification`, { decision: 'verified', note: '资料核实' }, prefectureOfficial.token);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ verificationStatus: 'verified', verifiedBy: prefectureOfficial.userId, verificationNote: '资料核实', name: '待审合作社' });
      expect(await supplierIds(qingyaOfficial, '?kind=supplier&verificationStatus=pending')).toEqual([]);
    });
  });

  describe('operator-only actions', () => {
    it('lets only the operator create organisations', async () => {
      const before = await t.db.getRepository(OrganisationEntity).count();
      const body = { kind: 'buyer', name: '冒名单位', buyerType: 'government', creditCode: creditCode() };
      for (const actor of [buyerA, coopA, qingyaOfficial]) {
        const res = await t.post('/api/organisations', body, actor.token);
        expect(res.status).toBe(403);
      }
      expect((await t.post('/api/organisations', body)).status).toBe(401);
      expect(await t.db.getRepository(OrganisationEntity).count()).toBe(before);
      const created = await t.post('/api/organisations', body, op.token);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ kind: 'buyer', verificationStatus: 'verified' });
      const supplier = await t.post('/api/organisations', { kind: 'supplier', name: '运营建的合作社', supplierType: 'family_farm', divisionCode: BAISHI }, op.token);
      expect(supplier.status).toBe(201);
      expect(supplier.body).toMatchObject({ verificationStatus: 'pending', divisionCode: BAISHI });
    });

    it('refuses organisation input that does not fit its kind, with 400 naming the field', async () => {
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ kind: 'supplier', name: '某社', supplierType: 'cooperative', divisionCode: WEST_PREFECTURE }, 'divisionCode'],
        [{ kind: 'supplier', name: '某社', supplierType: 'cooperative' }, 'divisionCode'],
        [{ kind: 'jurisdiction', name: '某辖区', divisionCode: '999999' }, 'divisionCode'],
        [{ kind: 'buyer', name: '某单位', buyerType: 'school' }, 'creditCode'],
        [{ kind: 'buyer', name: '某单位', buyerType: 'school', creditCode: creditCode(), divisionCode: 'nowhere' }, 'divisionCode'],
        [{ kind: 'buyer', name: '某单位', buyerType: 'school', creditCode: creditCode(), divisionCode: '339801' }, 'divisionCode'],
        [{ kind: 'operator', name: '某运营', divisionCode: { $ne: null } }, 'divisionCode'],
      ];
      const before = await t.db.getRepository(OrganisationEntity).count();
      for (const [body, field] of cases) {
        const res = await t.post('/api/organisations', body, op.token);
        expect(res.status).toBe(400);
        expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      }
      expect(await t.db.getRepository(OrganisationEntity).count()).toBe(before);
    });

    it('lets only the operator create categories', async () => {
      for (const actor of [buyerA, coopA, qingyaOfficial]) {
        expect((await t.post('/api/categories', { code: 'tea', nameZh: '茶叶', nameEn: 'Tea' }, actor.token)).status).toBe(403);
      }
      expect((await t.post('/api/categories', { code: 'tea', nameZh: '茶叶', nameEn: 'Tea' })).status).toBe(401);
      expect((await t.post('/api/categories', { code: 'tea', nameZh: '茶叶', nameEn: 'Tea' }, op.token)).status).toBe(201);
    });
  });

  describe('anonymous callers', () => {
    it.each([
      ['GET', '/api/auth/me'],
      ['POST', '/api/auth/sign-out'],
      ['GET', '/api/organisations'],
      ['POST', '/api/organisations'],
      ['GET', '/api/organisations/:org'],
      ['PATCH', '/api/organisations/:org'],
      ['POST', '/api/organisations/:org/verification'],
      ['GET', '/api/organisations/:org/members'],
      ['POST', '/api/organisations/:org/members'],
      ['GET', '/api/organisations/:buyer/delivery-sites'],
      ['POST', '/api/organisations/:buyer/delivery-sites'],
      ['PUT', '/api/organisations/:buyer/delivery-sites/:site'],
      ['GET', '/api/organisations/:org/production-bases'],
      ['POST', '/api/organisations/:org/production-bases'],
      ['GET', '/api/suppliers/:org/products'],
      ['POST', '/api/suppliers/:org/products'],
      ['PATCH', '/api/products/:product'],
      ['POST', '/api/products/:product/skus'],
      ['PATCH', '/api/skus/:sku'],
      ['GET', '/api/skus/:sku/lots'],
      ['POST', '/api/skus/:sku/lots'],
      ['PATCH', '/api/lots/:lot'],
      ['POST', '/api/products/:product/images'],
      ['POST', '/api/products/:product/certifications'],
      ['GET', '/api/certifications'],
      ['POST', '/api/certifications/:random/decision'],
      ['POST', '/api/certifications/:random/revocation'],
      ['POST', '/api/pairings'],
      ['POST', '/api/categories'],
      ['PATCH', '/api/categories/1'],
    ])('get 401 from %s %s', async (method, template) => {
      const path = template
        .replace(':org', coopA.orgId)
        .replace(':buyer', buyerA.orgId)
        .replace(':site', siteA)
        .replace(':product', a.productId)
        .replace(':sku', a.skuId)
        .replace(':lot', a.lotId)
        .replace(':random', RANDOM_UUID);
      const res = await t.call(method, path, method === 'GET' ? {} : { body: {} });
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    });

    it('get 401 with a forged or signed-out token too', async () => {
      expect((await t.get('/api/organisations', 'shs_not-a-real-token')).status).toBe(401);
      const person = await f.signUp('leaver');
      expect((await t.call('POST', '/api/auth/sign-out', { token: person.token })).status).toBe(204);
      expect((await t.get('/api/organisations', person.token)).status).toBe(401);
    });

    it('can still browse the catalog, categories, divisions and pairings', async () => {
      for (const path of ['/api/catalog/products', `/api/catalog/products/${a.productId}`, '/api/categories', '/api/divisions', '/api/pairings', '/api/health']) {
        expect((await t.get(path)).status).toBe(200);
      }
    });
  });

  describe('adding members', () => {
    let newcomer: Actor;

    beforeAll(async () => {
      newcomer = await f.signUp('newcomer');
    });

    const membershipsOf = (userId: string) => t.db.getRepository(MembershipEntity).find({ where: { userId } });

    it('lets a buyer admin add an existing account as a purchaser', async () => {
      const res = await t.post(`/api/organisations/${buyerA.orgId}/members`, { email: newcomer.email.toUpperCase(), role: 'buyer_purchaser' }, buyerA.token);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ userId: newcomer.userId, role: 'buyer_purchaser' });
      const me = await t.get('/api/auth/me', await f.signIn(newcomer.email));
      expect(me.body.memberships).toEqual([expect.objectContaining({ organisationId: buyerA.orgId, role: 'buyer_purchaser' })]);
      const members = await t.get(`/api/organisations/${buyerA.orgId}/members`, buyerA.token);
      expect(members.body.map((m: { userId: string; role: string }) => `${m.role}`)).toContain('buyer_purchaser');
    });

    it.each([['official'], ['operator'], ['supplier_admin'], ['supplier_staff']])("refuses to let a buyer admin appoint the role %s, with 400", async (role) => {
      const res = await t.post(`/api/organisations/${buyerA.orgId}/members`, { email: newcomer.email, role }, buyerA.token);
      expect(res.status).toBe(400);
      expect(res.body.details[0].field).toBe('role');
      expect((await membershipsOf(newcomer.userId)).map((m) => m.role)).toEqual(['buyer_purchaser']);
    });

    it('refuses to let a supplier admin appoint an official, and an unknown role', async () => {
      const official = await t.post(`/api/organisations/${coopA.orgId}/members`, { email: newcomer.email, role: 'official' }, coopA.token);
      expect(official.status).toBe(400);
      expect(official.body.details[0].field).toBe('role');
      const unknown = await t.post(`/api/organisations/${coopA.orgId}/members`, { email: newcomer.email, role: 'superuser' }, coopA.token);
      expect(unknown.status).toBe(400);
      expect(unknown.body.details[0].field).toBe('role');
      expect((await membershipsOf(newcomer.userId)).map((m) => m.role)).toEqual(['buyer_purchaser']);
    });

    it('refuses an email without an account, with 400 naming email', async () => {
      const res = await t.post(`/api/organisations/${buyerA.orgId}/members`, { email: 'nobody-here@test.shanhai.cn', role: 'buyer_purchaser' }, buyerA.token);
      expect(res.status).toBe(400);
      expect(res.body.details[0].field).toBe('email');
    });

    it('refuses members added by a non-admin member or by another organisation', async () => {
      const purchaserToken = await f.signIn(newcomer.email);
      const byPurchaser = await t.post(`/api/organisations/${buyerA.orgId}/members`, { email: buyerB.email, role: 'buyer_admin' }, purchaserToken);
      expect(byPurchaser.status).toBe(403);
      const byOtherBuyer = await t.post(`/api/organisations/${buyerA.orgId}/members`, { email: buyerB.email, role: 'buyer_admin' }, buyerB.token);
      expect([403, 404]).toContain(byOtherBuyer.status);
      const site = await t.post(`/api/organisations/${buyerA.orgId}/delivery-sites`, { name: '采购员加的点', address: '某地', countyCode: '339801' }, purchaserToken);
      expect(site.status).toBe(403);
      expect((await membershipsOf(buyerB.userId)).every((m) => m.organisationId === buyerB.orgId)).toBe(true);
    });

    it('lets only the operator appoint officials to a jurisdiction', async () => {
      const jurisdiction = await t.post('/api/organisations', { kind: 'jurisdiction', name: '白石县乡村振兴局', divisionCode: BAISHI }, op.token);
      expect(jurisdiction.status).toBe(201);
      const byOfficial = await t.post(`/api/organisations/${jurisdiction.body.id}/members`, { email: newcomer.email, role: 'official' }, baishiOfficial.token);
      expect([403, 404]).toContain(byOfficial.status);
      const byOperator = await t.post(`/api/organisations/${jurisdiction.body.id}/members`, { email: newcomer.email, role: 'official' }, op.token);
      expect(byOperator.status).toBe(201);
    });
  });
});
