import { randomBytes } from 'node:crypto';
import { addDays, businessDay } from '@shanhai/domain';
import { CertificationEntity } from '@shanhai/persistence';
import { Actor, BAISHI, Fixtures, QINGYA, UNPAIRED_COUNTY, WEST_PREFECTURE } from '../../../../test/support/fixtures';
import { TestApp } from '../../../../test/support/test-app';

// The integration project's `testTimeout` is not applied per project by Jest; setup signs several people up.
jest.setTimeout(60_000);

/** 陇西县 (Dingxi): paired until the end of 2023 only. */
const LONGXI = '621122';
const DINGXI_PREFECTURE = '621100';

describe('certification: apply, review, certify, lapse and revoke', () => {
  let t: TestApp;
  let f: Fixtures;
  let op: Actor;
  let qingyaOfficial: Actor;
  let baishiOfficial: Actor;
  let prefectureOfficial: Actor;
  let dingxiOfficial: Actor;
  let unpairedOfficial: Actor;
  let ningxiaOfficial: Actor;
  let supplier: Actor;
  let baishiSupplier: Actor;
  let buyer: Actor;
  const today = businessDay();

  beforeAll(async () => {
    t = await TestApp.start();
    f = new Fixtures(t);
    op = await f.operator();
    await f.pairing([QINGYA, BAISHI]);
    const ended = await t.post(
      '/api/pairings',
      { name: '东澜—陇西（已结束）', eastDivisionCode: '339800', validFrom: '2021-01-01', counties: [{ countyCode: LONGXI, validTo: '2023-12-31' }] },
      op.token,
    );
    expect(ended.status).toBe(201);
    qingyaOfficial = await f.official(QINGYA);
    baishiOfficial = await f.official(BAISHI);
    prefectureOfficial = await f.official(WEST_PREFECTURE);
    dingxiOfficial = await f.official(DINGXI_PREFECTURE);
    unpairedOfficial = await f.official(UNPAIRED_COUNTY);
    ningxiaOfficial = await f.official('640000');
    supplier = await f.supplier(QINGYA, { verifiedBy: qingyaOfficial, name: '青崖认定合作社' });
    baishiSupplier = await f.supplier(BAISHI, { verifiedBy: baishiOfficial });
    buyer = await f.buyer();
  });
  afterAll(() => t.close());

  const validDecision = (over: Record<string, unknown> = {}) => ({
    decision: 'certify',
    certificateNo: `云岭帮认字〔2026〕${randomBytes(3).toString('hex')}号`,
    authority: '青崖县农业农村局',
    validFrom: addDays(today, -10),
    validTo: addDays(today, 355),
    householdsReached: 36,
    incomeModes: ['wages', 'assets'],
    ...over,
  });
  const apply = (productId: string, actor: Actor = supplier) => t.post(`/api/products/${productId}/certifications`, { evidence: '带动脱贫户36户' }, actor.token);
  const decide = (id: string, actor: Actor, body: Record<string, unknown>) => t.post(`/api/certifications/${id}/decision`, body, actor.token);
  const item = async (productId: string) => (await t.get(`/api/catalog/products?supplier=${supplier.orgId}&pageSize=100`)).body.items.find((i: { id: string }) => i.id === productId);
  const certifiedIds = async () => (await t.get(`/api/catalog/products?supplier=${supplier.orgId}&certified=true&pageSize=100`)).body.items.map((i: { id: string }) => i.id);
  const stored = (id: string) => t.db.getRepository(CertificationEntity).findOneByOrFail({ id });
  const listIds = async (actor: Actor, query = '?status=applied') => {
    const res = await t.get(`/api/certifications${query}`, actor.token);
    expect(res.status).toBe(200);
    return res.body.map((c: { id: string }) => c.id);
  };

  describe('one application from start to certificate', () => {
    let productId: string;
    let certId: string;

    beforeAll(async () => {
      productId = (await f.product(supplier, { nameZh: '青崖党参', nameEn: 'Qingya codonopsis', categoryCode: 'herbs' })).productId;
    });

    it("lets the product's supplier apply, recording the product's county", async () => {
      const res = await apply(productId);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ productId, supplierId: supplier.orgId, countyCode: QINGYA, status: 'applied', evidence: '带动脱贫户36户', certificateNo: null });
      certId = res.body.id;
      expect((await item(productId)).certified).toBe(false);
    });

    it('refuses a second open application for the same product with 409', async () => {
      const res = await apply(productId);
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'APPLICATION_PENDING', certificationId: certId });
      expect(await t.db.getRepository(CertificationEntity).count({ where: { productId } })).toBe(1);
    });

    it('refuses applications from anyone but the supplier', async () => {
      expect((await apply(productId, baishiSupplier)).status).toBe(404);
      expect((await apply(productId, buyer)).status).toBe(403);
      expect((await apply(productId, qingyaOfficial)).status).toBe(403);
      expect((await t.post(`/api/products/${productId}/certifications`, {})).status).toBe(401);
      expect(await t.db.getRepository(CertificationEntity).count({ where: { productId } })).toBe(1);
    });

    it("lists the application to the county's and the prefecture's officials, the supplier and the operator only", async () => {
      expect(await listIds(qingyaOfficial)).toContain(certId);
      expect(await listIds(prefectureOfficial)).toContain(certId);
      expect(await listIds(supplier)).toContain(certId);
      expect(await listIds(op)).toContain(certId);
      expect(await listIds(baishiOfficial)).not.toContain(certId);
      expect(await listIds(dingxiOfficial)).not.toContain(certId);
      expect(await listIds(ningxiaOfficial)).not.toContain(certId);
      expect(await listIds(baishiSupplier)).not.toContain(certId);
      expect(await listIds(buyer, '')).toEqual([]);
      expect(await listIds(qingyaOfficial, '?status=certified')).not.toContain(certId);
      const listed = (await t.get('/api/certifications?status=applied', qingyaOfficial.token)).body.find((c: { id: string }) => c.id === certId);
      expect(listed).toMatchObject({ productNameZh: '青崖党参', status: 'applied' });
      expect((await t.get('/api/certifications')).status).toBe(401);
      const badStatus = await t.get('/api/certifications?status=pending', qingyaOfficial.token);
      expect(badStatus.status).toBe(400);
      expect(badStatus.body.details[0].field).toBe('status');
    });

    it('lets no official outside the county or prefecture, no supplier and no buyer decide', async () => {
      for (const outsider of [baishiOfficial, dingxiOfficial, unpairedOfficial, ningxiaOfficial]) {
        const res = await decide(certId, outsider, validDecision());
        expect([403, 404]).toContain(res.status);
      }
      expect((await decide(certId, supplier, validDecision())).status).toBe(403);
      expect((await decide(certId, buyer, validDecision())).status).toBe(403);
      expect((await decide(certId, op, validDecision())).status).toBe(403);
      expect((await stored(certId)).status).toBe('applied');
    });

    it.each(['certificateNo', 'authority', 'validFrom', 'validTo', 'householdsReached', 'incomeModes'])(
      'refuses to certify without %s, with 400 naming it',
      async (field) => {
        const body: Record<string, unknown> = validDecision();
        delete body[field];
        const res = await decide(certId, qingyaOfficial, body);
        expect(res.status).toBe(400);
        expect(res.body.details).toEqual([{ field, reason: expect.any(String) }]);
        expect((await stored(certId)).status).toBe('applied');
      },
    );

    it('refuses empty income modes, an unknown income mode, a window that ends before it starts, and an impossible day', async () => {
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ incomeModes: [] }, 'incomeModes'],
        [{ incomeModes: ['charity'] }, 'incomeModes'],
        [{ validFrom: '2026-03-01', validTo: '2026-02-28' }, 'validTo'],
        [{ validTo: '2027-02-29' }, 'validTo'],
        [{ householdsReached: -1 }, 'householdsReached'],
        [{ decision: 'approve' }, 'decision'],
      ];
      for (const [over, field] of cases) {
        const res = await decide(certId, qingyaOfficial, validDecision(over));
        expect(res.status).toBe(400);
        expect(res.body.details[0].field).toBe(field);
      }
      expect((await stored(certId)).status).toBe('applied');
    });

    it('refuses a certificate that starts before the county was helped', async () => {
      const res = await decide(certId, qingyaOfficial, validDecision({ validFrom: '2020-06-01' }));
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('COUNTY_NOT_HELPED');
      expect((await stored(certId)).status).toBe('applied');
    });

    it("lets the county's official certify: the product then counts as certified today everywhere", async () => {
      const decision = validDecision({ certificateNo: '云岭帮认字〔2026〕0012号', incomeModes: ['wages', 'assets', 'wages'], note: '材料齐全' });
      const res = await decide(certId, qingyaOfficial, decision);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        id: certId,
        status: 'certified',
        certificateNo: '云岭帮认字〔2026〕0012号',
        authority: '青崖县农业农村局',
        validFrom: decision.validFrom,
        validTo: decision.validTo,
        householdsReached: 36,
        incomeModes: ['wages', 'assets'],
        decidedBy: qingyaOfficial.userId,
        decisionNote: '材料齐全',
      });
      expect((await item(productId)).certified).toBe(true);
      expect(await certifiedIds()).toEqual([productId]);
      const detail = await t.get(`/api/catalog/products/${productId}`);
      expect(detail.body.certificate).toEqual({
        certificateNo: '云岭帮认字〔2026〕0012号',
        authority: '青崖县农业农村局',
        validFrom: decision.validFrom,
        validTo: decision.validTo,
        revokedOn: null,
        householdsReached: 36,
        incomeModes: ['wages', 'assets'],
        certifiedToday: true,
      });
      expect(await listIds(qingyaOfficial)).not.toContain(certId);
      expect(await listIds(qingyaOfficial, '?status=certified')).toContain(certId);
    });

    it('refuses to decide an application that is already decided, with 409 and the current status', async () => {
      const again = await decide(certId, qingyaOfficial, validDecision());
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', currentStatus: 'certified' });
      const reject = await decide(certId, qingyaOfficial, { decision: 'reject' });
      expect(reject.status).toBe(409);
      expect(reject.body.currentStatus).toBe('certified');
      expect((await stored(certId)).certificateNo).toBe('云岭帮认字〔2026〕0012号');
    });

    it('refuses a certificate number that is already in use, with 409', async () => {
      const other = (await f.product(supplier, { nameZh: '青崖黄芪', categoryCode: 'herbs' })).productId;
      const application = await apply(other);
      expect(application.status).toBe(201);
      const res = await decide(application.body.id, qingyaOfficial, validDecision({ certificateNo: '云岭帮认字〔2026〕0012号' }));
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'CERTIFICATE_NO_TAKEN', details: [{ field: 'certificateNo', reason: expect.any(String) }] });
      expect((await stored(application.body.id)).status).toBe('applied');
      expect((await item(other)).certified).toBe(false);
    });

    it('refuses a revocation dated in the past, with 400 naming revokedOn', async () => {
      const res = await t.post(`/api/certifications/${certId}/revocation`, { revokedOn: addDays(today, -1), reason: '抽检不合格' }, qingyaOfficial.token);
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([{ field: 'revokedOn', reason: expect.any(String) }]);
      expect((await stored(certId)).status).toBe('certified');
      expect((await item(productId)).certified).toBe(true);
    });

    it('lets no outsider revoke a certificate', async () => {
      for (const outsider of [baishiOfficial, dingxiOfficial]) {
        expect([403, 404]).toContain((await t.post(`/api/certifications/${certId}/revocation`, { revokedOn: today, reason: 'x' }, outsider.token)).status);
      }
      expect((await t.post(`/api/certifications/${certId}/revocation`, { revokedOn: today, reason: 'x' }, supplier.token)).status).toBe(403);
      expect((await stored(certId)).status).toBe('certified');
    });

    it('stops counting the product as certified from the day of a revocation dated today', async () => {
      const res = await t.post(`/api/certifications/${certId}/revocation`, { revokedOn: today, reason: '抽检不合格' }, qingyaOfficial.token);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'revoked', revokedOn: today });
      expect((await item(productId)).certified).toBe(false);
      expect(await certifiedIds()).toEqual([]);
      const detail = await t.get(`/api/catalog/products/${productId}`);
      expect(detail.body.certificate).toMatchObject({ certificateNo: '云岭帮认字〔2026〕0012号', revokedOn: today, certifiedToday: false });
      // The product stays on sale.
      expect(detail.body.visible).toBe(true);
    });

    it('refuses to revoke twice, with 409 and the current status', async () => {
      const res = await t.post(`/api/certifications/${certId}/revocation`, { revokedOn: addDays(today, 5), reason: '再次撤销' }, qingyaOfficial.token);
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', currentStatus: 'revoked' });
      expect((await stored(certId)).revokedOn).toBe(today);
    });
  });

  it('refuses an application for a product of a county that no pairing covers, with 409 COUNTY_NOT_HELPED', async () => {
    const local = await f.supplier(UNPAIRED_COUNTY, { verifiedBy: unpairedOfficial });
    const { productId } = await f.product(local, { nameZh: '榆中百合', countyCode: UNPAIRED_COUNTY });
    const res = await apply(productId, local);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ statusCode: 409, code: 'COUNTY_NOT_HELPED' });
    expect(await t.db.getRepository(CertificationEntity).count({ where: { productId } })).toBe(0);
  });

  it('refuses an application for a product of a county whose coverage has ended', async () => {
    const local = await f.supplier(LONGXI, { verifiedBy: dingxiOfficial });
    const { productId } = await f.product(local, { nameZh: '陇西黄芪', countyCode: LONGXI, categoryCode: 'herbs' });
    const res = await apply(productId, local);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('COUNTY_NOT_HELPED');
  });

  it("lets the prefecture's official certify a product of one of its counties", async () => {
    const { productId } = await f.product(baishiSupplier, { nameZh: '白石苹果', countyCode: BAISHI, categoryCode: 'fruit' });
    const application = await apply(productId, baishiSupplier);
    expect(application.status).toBe(201);
    expect((await decide(application.body.id, qingyaOfficial, validDecision())).status).toBe(404);
    const res = await decide(application.body.id, prefectureOfficial, validDecision({ authority: '云岭州农业农村局' }));
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('certified');
    const detail = await t.get(`/api/catalog/products/${productId}`);
    expect(detail.body.certificate).toMatchObject({ authority: '云岭州农业农村局', certifiedToday: true });
  });

  it('does not count a certificate whose validity begins tomorrow', async () => {
    const { productId } = await f.product(supplier, { nameZh: '青崖苦荞', categoryCode: 'grains' });
    await f.certify(supplier, qingyaOfficial, productId, { validFrom: addDays(today, 1), validTo: addDays(today, 366) });
    expect((await item(productId)).certified).toBe(false);
    expect(await certifiedIds()).not.toContain(productId);
    const detail = await t.get(`/api/catalog/products/${productId}`);
    expect(detail.body.certificate).toMatchObject({ validFrom: addDays(today, 1), certifiedToday: false });
  });

  it('does not count a certificate whose validity ended yesterday', async () => {
    const { productId } = await f.product(supplier, { nameZh: '青崖燕麦', categoryCode: 'grains' });
    await f.certify(supplier, qingyaOfficial, productId, { validFrom: '2024-01-01', validTo: addDays(today, -1) });
    expect((await item(productId)).certified).toBe(false);
    expect(await certifiedIds()).not.toContain(productId);
    expect((await t.get(`/api/catalog/products/${productId}`)).body.certificate.certifiedToday).toBe(false);
  });

  it('counts a certificate on its first and last days', async () => {
    const first = (await f.product(supplier, { nameZh: '青崖莜麦', categoryCode: 'grains' })).productId;
    await f.certify(supplier, qingyaOfficial, first, { validFrom: today, validTo: addDays(today, 30) });
    const last = (await f.product(supplier, { nameZh: '青崖荞麦', categoryCode: 'grains' })).productId;
    await f.certify(supplier, qingyaOfficial, last, { validFrom: '2025-01-01', validTo: today });
    expect((await item(first)).certified).toBe(true);
    expect((await item(last)).certified).toBe(true);
    expect(await certifiedIds()).toEqual(expect.arrayContaining([first, last]));
    expect((await t.get(`/api/catalog/products/${last}`)).body.certificate.certifiedToday).toBe(true);
  });

  it('keeps counting a certificate revoked from a later day until that day', async () => {
    const { productId } = await f.product(supplier, { nameZh: '青崖枸杞', categoryCode: 'fruit' });
    const certId = await f.certify(supplier, qingyaOfficial, productId);
    const res = await t.post(`/api/certifications/${certId}/revocation`, { revokedOn: addDays(today, 7), reason: '合作社退出帮扶' }, qingyaOfficial.token);
    expect(res.status).toBe(201);
    expect((await item(productId)).certified).toBe(true);
    expect((await t.get(`/api/catalog/products/${productId}`)).body.certificate).toMatchObject({ revokedOn: addDays(today, 7), certifiedToday: true });
  });

  it('rejects an application without certificate details; the supplier may then apply again', async () => {
    const { productId } = await f.product(supplier, { nameZh: '青崖蜂蜜', categoryCode: 'processed' });
    const application = await apply(productId);
    const rejected = await decide(application.body.id, qingyaOfficial, { decision: 'reject', note: '非本县生产' });
    expect(rejected.status).toBe(201);
    expect(rejected.body).toMatchObject({ status: 'rejected', decisionNote: '非本县生产', certificateNo: null });
    expect((await item(productId)).certified).toBe(false);
    expect((await t.get(`/api/catalog/products/${productId}`)).body.certificate).toBeNull();
    const revoke = await t.post(`/api/certifications/${application.body.id}/revocation`, { revokedOn: today, reason: 'x' }, qingyaOfficial.token);
    expect(revoke.status).toBe(409);
    expect(revoke.body.currentStatus).toBe('rejected');
    expect((await apply(productId)).status).toBe(201);
  });

  it('refuses to revoke an application that was never certified', async () => {
    const { productId } = await f.product(supplier, { nameZh: '青崖花椒', categoryCode: 'processed' });
    const application = await apply(productId);
    const res = await t.post(`/api/certifications/${application.body.id}/revocation`, { revokedOn: today, reason: 'x' }, qingyaOfficial.token);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', currentStatus: 'applied' });
  });

  it('answers 404 for an unknown certification and 400 for a malformed id', async () => {
    expect((await decide('00000000-0000-4000-8000-000000000000', qingyaOfficial, validDecision())).status).toBe(404);
    const bad = await decide('12345', qingyaOfficial, validDecision());
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('id');
  });
});
