import { addDays, businessDay } from '@shanhai/domain';
import { PairingCountyEntity, PairingEntity } from '@shanhai/persistence';
import { Actor, BAISHI, EAST_CITY, Fixtures, QINGYA, UNPAIRED_COUNTY, WEST_PREFECTURE } from '../../../../test/support/fixtures';
import { TestApp } from '../../../../test/support/test-app';

// The integration project's `testTimeout` is not applied per project by Jest; setup signs several people up.
jest.setTimeout(60_000);

/** Real Gansu counties (Dingxi prefecture) used for pairings whose windows these tests control. */
const TONGWEI = '621121';
const LONGXI = '621122';
const WEIYUAN = '621123';
const LINTAO = '621124';
const ZHANGXIAN = '621125';

describe('places: divisions from GB/T 2260', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  it('lists the provinces, Gansu among them, when no parent is given', async () => {
    const res = await t.get('/api/divisions');
    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThanOrEqual(31);
    expect(res.body).toContainEqual(expect.objectContaining({ code: '620000', name: '甘肃省', level: 'province', parentCode: null }));
    expect(res.body.every((d: { level: string }) => d.level === 'province')).toBe(true);
    const codes = res.body.map((d: { code: string }) => d.code);
    expect(codes).toEqual([...codes].sort());
  });

  it("lists the children of a division: Lanzhou's districts and counties", async () => {
    const res = await t.get('/api/divisions?parent=620100');
    expect(res.status).toBe(200);
    const codes = res.body.map((d: { code: string }) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['620102', '620103', '620123']));
    expect(res.body.find((d: { code: string }) => d.code === '620102')).toMatchObject({ name: '城关区', level: 'county', parentCode: '620100' });
    expect(res.body.every((d: { parentCode: string }) => d.parentCode === '620100')).toBe(true);
  });

  it("lists the demo prefecture's two counties under Gansu's fictional prefecture", async () => {
    const prefectures = await t.get('/api/divisions?parent=620000');
    expect(prefectures.body).toContainEqual(expect.objectContaining({ code: WEST_PREFECTURE, name: '云岭州', level: 'prefecture' }));
    const counties = await t.get(`/api/divisions?parent=${WEST_PREFECTURE}`);
    expect(counties.body.map((d: { code: string }) => d.code)).toEqual([QINGYA, BAISHI]);
  });

  it('gives one division with its path from the province down', async () => {
    const res = await t.get(`/api/divisions/${QINGYA}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code: QINGYA, name: '青崖县', level: 'county', parentCode: WEST_PREFECTURE });
    expect(res.body.path.map((d: { name: string }) => d.name)).toEqual(['甘肃省', '云岭州', '青崖县']);
    expect(res.body.path.map((d: { code: string }) => d.code)).toEqual(['620000', WEST_PREFECTURE, QINGYA]);

    const province = await t.get('/api/divisions/620000');
    expect(province.body.path.map((d: { code: string }) => d.code)).toEqual(['620000']);
  });

  it('answers a malformed division code with 400 naming the parameter', async () => {
    for (const bad of ['62980', '6298011', 'abcdef', '029801']) {
      const res = await t.get(`/api/divisions/${bad}`);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', details: [{ field: 'code', reason: expect.any(String) }] });
    }
    const badParent = await t.get('/api/divisions?parent=62');
    expect(badParent.status).toBe(400);
    expect(badParent.body.details[0].field).toBe('parent');
    const unknownQuery = await t.get('/api/divisions?level=county');
    expect(unknownQuery.status).toBe(400);
    expect(unknownQuery.body.details[0].field).toBe('level');
  });

  it('answers a well-formed but unknown division code with 404', async () => {
    const res = await t.get('/api/divisions/999999');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found', code: 'DIVISION_NOT_FOUND' });
    const children = await t.get('/api/divisions?parent=999900');
    expect(children.status).toBe(404);
    expect(children.body.code).toBe('DIVISION_NOT_FOUND');
    const helped = await t.get('/api/divisions/999999/pairings');
    expect(helped.status).toBe(404);
  });
});

describe('places: pairings and helped counties', () => {
  let t: TestApp;
  let f: Fixtures;
  let op: Actor;
  const today = businessDay();

  beforeAll(async () => {
    t = await TestApp.start();
    f = new Fixtures(t);
    op = await f.operator();
  });
  afterAll(() => t.close());

  const pairingBody = (over: Record<string, unknown> = {}) => ({
    name: '东澜—定西东西部协作',
    eastDivisionCode: EAST_CITY,
    validFrom: '2021-01-01',
    counties: [{ countyCode: TONGWEI }],
    ...over,
  });

  it('lets the operator pair an eastern city with western counties and stores both sides', async () => {
    const res = await t.post(
      '/api/pairings',
      { name: '东澜—云岭东西部协作', nameEn: 'Donglan–Yunling', eastDivisionCode: EAST_CITY, validFrom: '2021-01-01', counties: [{ countyCode: QINGYA }, { countyCode: BAISHI, validFrom: '2022-03-01' }] },
      op.token,
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: '东澜—云岭东西部协作',
      nameEn: 'Donglan–Yunling',
      eastDivisionCode: EAST_CITY,
      eastDivisionName: '东澜市',
      validFrom: '2021-01-01',
      validTo: null,
      counties: [
        { countyCode: QINGYA, countyName: '青崖县', validFrom: '2021-01-01', validTo: null },
        { countyCode: BAISHI, countyName: '白石县', validFrom: '2022-03-01', validTo: null },
      ],
    });
    const stored = await t.db.getRepository(PairingCountyEntity).find({ where: { pairingId: res.body.id } });
    expect(stored).toHaveLength(2);
    const one = await t.get(`/api/pairings/${res.body.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(res.body);
    const all = await t.get('/api/pairings');
    expect(all.body.map((p: { id: string }) => p.id)).toContain(res.body.id);
  });

  it('accepts a province as the helping side', async () => {
    const res = await t.post('/api/pairings', pairingBody({ name: '浙江—甘肃', eastDivisionCode: '330000', counties: [{ countyCode: ZHANGXIAN }] }), op.token);
    expect(res.status).toBe(201);
    expect(res.body.eastDivisionName).toBe('浙江省');
  });

  it('refuses pairings from anyone but the operator: 401 anonymous, 403 for other roles', async () => {
    const before = await t.db.getRepository(PairingEntity).count();
    expect((await t.post('/api/pairings', pairingBody())).status).toBe(401);
    const buyer = await f.buyer();
    const supplier = await f.supplier(QINGYA);
    const official = await f.official(WEST_PREFECTURE);
    for (const actor of [buyer, supplier, official]) {
      const res = await t.post('/api/pairings', pairingBody(), actor.token);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
    expect(await t.db.getRepository(PairingEntity).count()).toBe(before);
  });

  it.each([
    ['a county as the helping side', { eastDivisionCode: '339801' }, 'eastDivisionCode'],
    ['an unknown helping side', { eastDivisionCode: '339900' }, 'eastDivisionCode'],
    ['a malformed helping side', { eastDivisionCode: '3398' }, 'eastDivisionCode'],
    ['a prefecture as a helped county', { counties: [{ countyCode: TONGWEI }, { countyCode: WEST_PREFECTURE }] }, 'counties[1].countyCode'],
    ['a province as a helped county', { counties: [{ countyCode: '620000' }] }, 'counties[0].countyCode'],
    ['an unknown county', { counties: [{ countyCode: '629899' }] }, 'counties[0].countyCode'],
    ['a malformed county code', { counties: [{ countyCode: TONGWEI }, { countyCode: '6298' }] }, 'counties[1].countyCode'],
    ['the same county twice', { counties: [{ countyCode: TONGWEI }, { countyCode: TONGWEI }] }, 'counties[1].countyCode'],
    ['a helped county inside the helping city', { counties: [{ countyCode: TONGWEI }, { countyCode: '339801' }] }, 'counties[1].countyCode'],
    ['a helped county inside the helping province', { eastDivisionCode: '620000', counties: [{ countyCode: TONGWEI }] }, 'counties[0].countyCode'],
    ['validTo before validFrom', { validTo: '2020-12-31' }, 'validTo'],
    ['an impossible validFrom (30 February)', { validFrom: '2026-02-30' }, 'validFrom'],
    ['an impossible validTo (31 April)', { validTo: '2026-04-31' }, 'validTo'],
    ['29 February of a common year', { validFrom: '2025-02-29' }, 'validFrom'],
    ['a date in another format', { validFrom: '2021/01/01' }, 'validFrom'],
    ['a county starting before the pairing', { counties: [{ countyCode: TONGWEI, validFrom: '2020-06-01' }] }, 'counties[0].validFrom'],
    ['a county ending before it starts', { counties: [{ countyCode: TONGWEI, validFrom: '2022-01-01', validTo: '2021-12-31' }] }, 'counties[0].validTo'],
    ['a county ending after the pairing', { validTo: '2025-12-31', counties: [{ countyCode: TONGWEI, validTo: '2026-06-30' }] }, 'counties[0].validTo'],
    ['a county starting after the pairing ends', { validTo: '2025-12-31', counties: [{ countyCode: TONGWEI, validFrom: '2026-06-01' }] }, 'counties[0].validFrom'],
    ['an impossible county date', { counties: [{ countyCode: TONGWEI, validFrom: '2023-02-29' }] }, 'counties[0].validFrom'],
    ['no counties at all', { counties: [] }, 'counties'],
    ['a missing name', { name: undefined }, 'name'],
  ])('refuses %s with 400 naming the field', async (_label, over, field) => {
    const before = await t.db.getRepository(PairingEntity).count();
    const res = await t.post('/api/pairings', pairingBody(over), op.token);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(await t.db.getRepository(PairingEntity).count()).toBe(before);
  });

  it('accepts 29 February of a leap year', async () => {
    const res = await t.post('/api/pairings', pairingBody({ name: '闰日协作', validFrom: '2024-02-29', counties: [{ countyCode: LINTAO }] }), op.token);
    expect(res.status).toBe(201);
    expect(res.body.validFrom).toBe('2024-02-29');
  });

  it('reports a county as helped while a pairing covers it, and not outside that window', async () => {
    // QINGYA and BAISHI are covered from 2021 (BAISHI from 2022-03-01) by the first test's pairing.
    const qingya = await t.get(`/api/divisions/${QINGYA}/pairings`);
    expect(qingya.status).toBe(200);
    expect(qingya.body).toMatchObject({ countyCode: QINGYA, helped: true });
    expect(qingya.body.pairings.map((p: { eastDivisionCode: string }) => p.eastDivisionCode)).toEqual([EAST_CITY]);

    const baishiEarly = await t.get(`/api/divisions/${BAISHI}/pairings?on=2022-02-28`);
    expect(baishiEarly.body).toMatchObject({ helped: false, pairings: [] });
    const baishiStart = await t.get(`/api/divisions/${BAISHI}/pairings?on=2022-03-01`);
    expect(baishiStart.body.helped).toBe(true);

    const beforeAny = await t.get(`/api/divisions/${QINGYA}/pairings?on=2020-12-31`);
    expect(beforeAny.body).toMatchObject({ helped: false, pairings: [] });

    const unpaired = await t.get(`/api/divisions/${UNPAIRED_COUNTY}/pairings`);
    expect(unpaired.status).toBe(200);
    expect(unpaired.body).toMatchObject({ countyCode: UNPAIRED_COUNTY, helped: false, pairings: [] });
  });

  it("stops reporting a county as helped the day after the county's own coverage ended", async () => {
    const res = await t.post(
      '/api/pairings',
      pairingBody({ name: '东澜—陇西', counties: [{ countyCode: LONGXI, validTo: '2023-12-31' }, { countyCode: WEIYUAN }] }),
      op.token,
    );
    expect(res.status).toBe(201);
    expect(res.body.counties[0]).toMatchObject({ countyCode: LONGXI, validFrom: '2021-01-01', validTo: '2023-12-31' });

    expect((await t.get(`/api/divisions/${LONGXI}/pairings?on=2023-12-31`)).body.helped).toBe(true);
    expect((await t.get(`/api/divisions/${LONGXI}/pairings?on=2024-01-01`)).body).toMatchObject({ helped: false, pairings: [] });
    expect((await t.get(`/api/divisions/${LONGXI}/pairings`)).body.helped).toBe(false);
    // The other county of the same pairing is still covered.
    expect((await t.get(`/api/divisions/${WEIYUAN}/pairings`)).body.helped).toBe(true);
    expect((await t.get(`/api/divisions/${WEIYUAN}/pairings?on=2024-01-01`)).body.helped).toBe(true);
  });

  it("follows the pairing's own window: ended, not yet begun, and inherited by its counties", async () => {
    const ended = await t.post('/api/pairings', pairingBody({ name: '已结束的协作', validFrom: '2019-01-01', validTo: '2020-12-31', counties: [{ countyCode: TONGWEI }] }), op.token);
    expect(ended.status).toBe(201);
    expect(ended.body.counties[0]).toMatchObject({ validFrom: '2019-01-01', validTo: '2020-12-31' });
    expect((await t.get(`/api/divisions/${TONGWEI}/pairings?on=2020-12-31`)).body.helped).toBe(true);
    expect((await t.get(`/api/divisions/${TONGWEI}/pairings?on=2021-01-01`)).body.helped).toBe(false);
    expect((await t.get(`/api/divisions/${TONGWEI}/pairings`)).body.helped).toBe(false);

    const tomorrow = addDays(today, 1);
    const future = await t.post('/api/pairings', pairingBody({ name: '明日协作', validFrom: tomorrow, counties: [{ countyCode: TONGWEI }] }), op.token);
    expect(future.status).toBe(201);
    expect((await t.get(`/api/divisions/${TONGWEI}/pairings?on=${today}`)).body.helped).toBe(false);
    const onTomorrow = await t.get(`/api/divisions/${TONGWEI}/pairings?on=${tomorrow}`);
    expect(onTomorrow.body.helped).toBe(true);
    expect(onTomorrow.body.pairings.map((p: { id: string }) => p.id)).toEqual([future.body.id]);
  });

  it('lists a county once per covering pairing when several pairings cover it', async () => {
    const second = await t.post('/api/pairings', pairingBody({ name: '浙江—青崖', eastDivisionCode: '330000', counties: [{ countyCode: QINGYA }] }), op.token);
    expect(second.status).toBe(201);
    const res = await t.get(`/api/divisions/${QINGYA}/pairings`);
    expect(res.body.helped).toBe(true);
    const ids = res.body.pairings.map((p: { id: string }) => p.id);
    expect(ids).toContain(second.body.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('refuses to ask whether a non-county is helped, or about a malformed day', async () => {
    const prefecture = await t.get(`/api/divisions/${WEST_PREFECTURE}/pairings`);
    expect(prefecture.status).toBe(400);
    expect(prefecture.body.details[0].field).toBe('code');
    const badDay = await t.get(`/api/divisions/${QINGYA}/pairings?on=2026-02-30`);
    expect(badDay.status).toBe(400);
    expect(badDay.body.details[0].field).toBe('on');
    const badFormat = await t.get(`/api/divisions/${QINGYA}/pairings?on=yesterday`);
    expect(badFormat.status).toBe(400);
    expect(badFormat.body.details[0].field).toBe('on');
  });

  it('answers an unknown pairing with 404 and a malformed id with 400', async () => {
    expect((await t.get('/api/pairings/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const bad = await t.get('/api/pairings/not-a-uuid');
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('id');
  });
});
