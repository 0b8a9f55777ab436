import { Fixtures, PASSWORD, QINGYA, creditCode, uniqueEmail } from '../../../../test/support/fixtures';
import { TestApp } from '../../../../test/support/test-app';

describe('identity: sign-up, sign-in, sessions', () => {
  let t: TestApp;
  let f: Fixtures;

  beforeAll(async () => {
    t = await TestApp.start();
    f = new Fixtures(t);
  });
  afterAll(() => t.close());

  it('signs up a buyer organisation with the user as its admin and never returns the password hash', async () => {
    const email = uniqueEmail('buyer');
    const res = await t.post('/api/auth/sign-up', {
      email: email.toUpperCase(),
      password: PASSWORD,
      displayName: '王老师',
      organisation: { kind: 'buyer', name: '东澜市第二中学', buyerType: 'school', creditCode: creditCode() },
    });
    expect(res.status).toBe(201);
    expect(res.body.token).toMatch(/^shs_/);
    expect(res.body.user.email).toBe(email);
    expect(JSON.stringify(res.body)).not.toMatch(/scrypt|passwordHash/);
    const roles = res.body.user.memberships.map((m: { role: string }) => m.role).sort();
    expect(roles).toEqual(['buyer_admin', 'buyer_approver', 'buyer_purchaser']);
    const me = await t.get('/api/auth/me', res.body.token);
    expect(me.status).toBe(200);
    expect(me.body.memberships[0].organisationName).toBe('东澜市第二中学');
  });

  it('stores a supplier as pending until an official verifies it', async () => {
    const s = await f.supplier(QINGYA);
    const org = await t.get(`/api/organisations/${s.orgId}`, s.token);
    expect(org.body.verificationStatus).toBe('pending');
    expect(org.body.divisionCode).toBe(QINGYA);
  });

  it('refuses bad sign-up input with 400 naming each field', async () => {
    const res = await t.post('/api/auth/sign-up', { email: 'not-an-email', password: 'short', displayName: '' });
    expect(res.status).toBe(400);
    const fields = res.body.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(['displayName', 'email', 'password']);

    const badCode = await t.post('/api/auth/sign-up', {
      email: uniqueEmail('x'),
      password: PASSWORD,
      displayName: 'x',
      organisation: { kind: 'buyer', name: '某单位', buyerType: 'school', creditCode: '91330100MA2AXXXX0Y' },
    });
    expect(badCode.status).toBe(400);
    expect(badCode.body.details[0].field).toBe('organisation.creditCode');

    const badCounty = await t.post('/api/auth/sign-up', {
      email: uniqueEmail('x'),
      password: PASSWORD,
      displayName: 'x',
      organisation: { kind: 'supplier', name: '某合作社', supplierType: 'cooperative', countyCode: '620000' },
    });
    expect(badCounty.status).toBe(400);
    expect(badCounty.body.details[0]).toEqual({ field: 'organisation.countyCode', reason: expect.stringContaining('not a county') });

    const unknownField = await t.post('/api/auth/sign-up', { email: uniqueEmail('x'), password: PASSWORD, displayName: 'x', isAdmin: true });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.details[0].field).toBe('isAdmin');
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await t.call('POST', '/api/auth/sign-in', { body: '{"email":', contentType: 'application/json' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });

  it('refuses a second account with the same email (any case) with 409 and creates nothing', async () => {
    const a = await f.signUp('dup');
    const again = await t.post('/api/auth/sign-up', { email: a.email.toUpperCase(), password: PASSWORD, displayName: 'again' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('EMAIL_TAKEN');
    const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM users WHERE email = $1', [a.email]);
    expect(n).toBe(1);
  });

  it('rejects a wrong password with 401 and the same message as an unknown email', async () => {
    const a = await f.signUp('pw');
    const wrong = await t.post('/api/auth/sign-in', { email: a.email, password: 'wrong password!' });
    const unknown = await t.post('/api/auth/sign-in', { email: uniqueEmail('nobody'), password: 'wrong password!' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.message).toBe(unknown.body.message);
  });

  it('stores only a hash of the bearer token and forgets the session on sign-out', async () => {
    const a = await f.signUp('session');
    const [row] = await t.db.query('SELECT token_hash FROM sessions WHERE user_id = $1', [a.userId]);
    expect(row.token_hash).toHaveLength(64);
    expect(row.token_hash).not.toContain(a.token);
    expect((await t.get('/api/auth/me', a.token)).status).toBe(200);
    expect((await t.call('POST', '/api/auth/sign-out', { token: a.token })).status).toBe(204);
    const after = await t.get('/api/auth/me', a.token);
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('UNAUTHENTICATED');
  });

  it('answers 401 without a token and with a forged one', async () => {
    expect((await t.get('/api/auth/me')).status).toBe(401);
    expect((await t.get('/api/auth/me', 'shs_forged')).status).toBe(401);
  });

  it('sets security headers', async () => {
    const res = await t.get('/api/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});

describe('identity: rate limiting of sign-in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ authRateLimitPerMinute: 3 });
  });
  afterAll(() => t.close());

  it('answers 429 after the limit of attempts per minute', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await t.post('/api/auth/sign-in', { email: 'a@b.cn', password: 'whatever!!' })).status);
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    // Other routes are not limited by the auth throttle.
    expect((await t.get('/api/categories')).status).toBe(200);
  });
});
