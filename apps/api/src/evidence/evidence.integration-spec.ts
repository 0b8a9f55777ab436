import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EvidenceDocumentEntity } from '@shanhai/persistence';
import { Actor, BAISHI, Fixtures, QINGYA, WEST_PREFECTURE } from '../../../../test/support/fixtures';
import { TestApp } from '../../../../test/support/test-app';
import { MAX_DOCUMENT_BYTES } from './evidence.service';

jest.setTimeout(60_000);

/** A tiny but well-formed PDF: what a scanner would send, minus the scan. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]);

describe('evidence documents: applications and supplier verification', () => {
  let t: TestApp;
  let f: Fixtures;
  let op: Actor;
  let qingyaOfficial: Actor;
  let prefectureOfficial: Actor;
  let baishiOfficial: Actor;
  let supplier: Actor;
  let staff: Actor;
  let other: Actor;
  let buyer: Actor;
  let pendingSupplier: Actor;
  let certId: string;
  let productId: string;

  beforeAll(async () => {
    t = await TestApp.start();
    f = new Fixtures(t);
    op = await f.operator();
    await f.pairing([QINGYA, BAISHI]);
    qingyaOfficial = await f.official(QINGYA);
    prefectureOfficial = await f.official(WEST_PREFECTURE);
    baishiOfficial = await f.official(BAISHI);
    supplier = await f.supplier(QINGYA, { verifiedBy: qingyaOfficial, name: '青崖材料合作社' });
    other = await f.supplier(BAISHI, { verifiedBy: baishiOfficial });
    pendingSupplier = await f.supplier(QINGYA, { name: '待核验合作社' });
    buyer = await f.buyer();
    const person = await f.signUp('staff');
    const added = await t.post(`/api/organisations/${supplier.orgId}/members`, { email: person.email, role: 'supplier_staff' }, supplier.token);
    expect(added.status).toBe(201);
    staff = { ...person, token: await f.signIn(person.email), orgId: supplier.orgId };
    productId = (await f.product(supplier, { nameZh: '青崖花椒', nameEn: 'Qingya pepper', categoryCode: 'herbs' })).productId;
    const applied = await t.post(`/api/products/${productId}/certifications`, { evidence: '带动脱贫户 12 户' }, supplier.token);
    expect(applied.status).toBe(201);
    certId = applied.body.id;
  });
  afterAll(() => t.close());

  const upload = (path: string, actor: Actor | undefined, bytes: Buffer, options: { query?: string; filename?: string; contentType?: string } = {}) =>
    t.call('POST', `${path}?${options.query ?? 'kind=origin_proof'}`, {
      raw: bytes,
      contentType: options.contentType ?? 'application/pdf',
      token: actor?.token,
      headers: options.filename === undefined ? {} : { 'x-filename': options.filename },
    });
  const certPath = (id = certId) => `/api/certifications/${id}/documents`;
  const orgPath = (actor: Actor) => `/api/organisations/${actor.orgId}/documents`;

  describe('an application', () => {
    let pdfId: string;

    it("takes a PDF from the supplier's staff, named by the percent-encoded X-Filename", async () => {
      const res = await upload(certPath(), staff, PDF, { filename: encodeURIComponent('产地证明 2026.pdf') });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        ownerKind: 'certification',
        ownerId: certId,
        supplierId: supplier.orgId,
        kind: 'origin_proof',
        filename: '产地证明 2026.pdf',
        contentType: 'application/pdf',
        byteSize: PDF.length,
        uploadedBy: staff.userId,
        deletable: true,
      });
      expect(res.body.url).toBe(`/api/documents/${res.body.id}`);
      pdfId = res.body.id;
      const stored = await t.db.getRepository(EvidenceDocumentEntity).findOneByOrFail({ id: pdfId });
      expect(existsSync(join(t.config.storageDir, stored.storageKey))).toBe(true);
    });

    it('sniffs the type from the bytes: a PNG sent as application/pdf is stored as a PNG; the query names it otherwise', async () => {
      const res = await upload(certPath(), supplier, PNG, { query: 'kind=inspection_report&filename=检测报告.png' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ contentType: 'image/png', filename: '检测报告.png', kind: 'inspection_report' });
      const unnamed = await upload(certPath(), supplier, PDF, { query: 'kind=household_agreement', contentType: 'image/jpeg' });
      expect(unnamed.body).toMatchObject({ contentType: 'application/pdf', filename: 'household_agreement.pdf' });
    });

    it('refuses what is not a PDF or image, empty bodies, JSON, bad kinds and bad names with 400 naming the field', async () => {
      const html = await upload(certPath(), supplier, Buffer.from('<html><script>alert(1)</script></html>'), { contentType: 'application/pdf' });
      expect(html.status).toBe(400);
      expect(html.body.details[0].field).toBe('body');
      const exe = await upload(certPath(), supplier, Buffer.from('MZ\x90\x00 not a document at all', 'latin1'), { contentType: 'image/png' });
      expect(exe.status).toBe(400);
      expect((await upload(certPath(), supplier, Buffer.alloc(0))).body.details[0].field).toBe('body');
      const json = await t.call('POST', `${certPath()}?kind=other`, { body: { file: 'abc' }, token: supplier.token });
      expect(json.status).toBe(400);
      expect(json.body.details[0].field).toBe('body');
      const kind = await upload(certPath(), supplier, PDF, { query: 'kind=selfie' });
      expect(kind.status).toBe(400);
      expect(kind.body.details[0].field).toBe('kind');
      const noKind = await upload(certPath(), supplier, PDF, { query: '' });
      expect(noKind.status).toBe(400);
      expect(noKind.body.details[0].field).toBe('kind');
      const badEncoding = await upload(certPath(), supplier, PDF, { filename: '%E8%90' });
      expect(badEncoding.status).toBe(400);
      expect(badEncoding.body.details[0].field).toBe('filename');
      const control = await upload(certPath(), supplier, PDF, { filename: encodeURIComponent('a\nb.pdf') });
      expect(control.body.details[0].field).toBe('filename');
      const long = await upload(certPath(), supplier, PDF, { filename: encodeURIComponent(`${'长'.repeat(201)}.pdf`) });
      expect(long.body.details[0].field).toBe('filename');
      const traversal = await upload(certPath(), supplier, PDF, { filename: encodeURIComponent('../../etc/passwd.pdf') });
      expect(traversal.status).toBe(201);
      expect(traversal.body.filename).toBe('passwd.pdf');
      expect((await t.call('DELETE', `/api/documents/${traversal.body.id}`, { token: supplier.token })).status).toBe(204);
    });

    it('refuses more than 10 MB with 413 naming the body, and takes exactly 10 MB', async () => {
      const big = Buffer.concat([PDF, Buffer.alloc(MAX_DOCUMENT_BYTES + 1 - PDF.length, 0x20)]);
      const res = await upload(certPath(), supplier, big);
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: [{ field: 'body' }] });
      const exact = await upload(certPath(), supplier, big.subarray(0, MAX_DOCUMENT_BYTES));
      expect(exact.status).toBe(201);
      expect(exact.body.byteSize).toBe(MAX_DOCUMENT_BYTES);
      expect((await t.call('DELETE', `/api/documents/${exact.body.id}`, { token: supplier.token })).status).toBe(204);
    });

    it("lists the documents to the supplier, the county's and the prefecture's officials and the operator", async () => {
      for (const reader of [supplier, staff, qingyaOfficial, prefectureOfficial, op]) {
        const res = await t.get(certPath(), reader.token);
        expect(res.status).toBe(200);
        expect(res.body.map((d: { filename: string }) => d.filename)).toEqual(['产地证明 2026.pdf', '检测报告.png', 'household_agreement.pdf']);
      }
      expect((await t.get(certPath(), qingyaOfficial.token)).body[0].deletable).toBe(false);
      expect((await t.get(certPath(), supplier.token)).body[0].deletable).toBe(true);
    });

    it('serves the bytes with type, UTF-8 file name and private caching', async () => {
      const res = await fetch(`${t.baseUrl}/api/documents/${pdfId}`, { headers: { authorization: `Bearer ${qingyaOfficial.token}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('content-disposition')).toBe(`inline; filename="____ 2026.pdf"; filename*=UTF-8''${encodeURIComponent('产地证明 2026.pdf')}`);
      expect(res.headers.get('cache-control')).toContain('private');
      expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true);
      expect((await t.get(`/api/documents/${pdfId}`, op.token)).status).toBe(200);
      expect((await t.get(`/api/documents/${pdfId}`, staff.token)).status).toBe(200);
    });

    it("answers 404 to another cooperative, another jurisdiction's official and a buyer, as if nothing existed", async () => {
      const missing = '00000000-0000-4000-8000-000000000000';
      for (const stranger of [other, baishiOfficial, buyer]) {
        const list = await t.get(certPath(), stranger.token);
        expect(list.status).toBe(404);
        expect(list.body.code).toBe('CERTIFICATION_NOT_FOUND');
        const ghost = await t.get(certPath(missing), stranger.token);
        expect([ghost.status, ghost.body.code]).toEqual([404, list.body.code]);
        expect((await upload(certPath(), stranger, PDF)).status).toBe(404);
        const read = await t.get(`/api/documents/${pdfId}`, stranger.token);
        expect(read.status).toBe(404);
        expect(read.body.code).toBe('DOCUMENT_NOT_FOUND');
        expect((await t.call('DELETE', `/api/documents/${pdfId}`, { token: stranger.token })).status).toBe(404);
        expect((await t.get(`/api/certifications/${certId}`, stranger.token)).status).toBe(404);
      }
      expect((await t.get(certPath())).status).toBe(401);
      expect((await t.get(`/api/documents/${pdfId}`)).status).toBe(401);
      expect((await t.get('/api/documents/not-a-uuid', supplier.token)).body.details[0].field).toBe('id');
    });

    it('lets officials read but not upload or delete (403)', async () => {
      expect((await upload(certPath(), qingyaOfficial, PDF)).status).toBe(403);
      expect((await t.call('DELETE', `/api/documents/${pdfId}`, { token: qingyaOfficial.token })).status).toBe(403);
      expect((await t.call('DELETE', `/api/documents/${pdfId}`, { token: op.token })).status).toBe(403);
    });

    it('answers GET /api/certifications/:id with names and documents, and the list with the supplier and English name', async () => {
      for (const reader of [supplier, qingyaOfficial, op]) {
        const res = await t.get(`/api/certifications/${certId}`, reader.token);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({
          id: certId,
          productId,
          status: 'applied',
          productNameZh: '青崖花椒',
          productNameEn: 'Qingya pepper',
          supplierName: '青崖材料合作社',
          evidence: '带动脱贫户 12 户',
        });
        expect(res.body.documents).toHaveLength(3);
      }
      const listed = (await t.get('/api/certifications?status=applied', qingyaOfficial.token)).body.find((c: { id: string }) => c.id === certId);
      expect(listed).toMatchObject({ productNameZh: '青崖花椒', productNameEn: 'Qingya pepper', supplierName: '青崖材料合作社', supplierNameEn: null });
      expect((await t.get('/api/certifications/00000000-0000-4000-8000-000000000000', op.token)).status).toBe(404);
      expect((await t.get('/api/certifications/42', op.token)).body.details[0].field).toBe('id');
    });

    it('deletes while the application is pending; once decided, documents stay and no new ones are taken (409)', async () => {
      const extra = await upload(certPath(), staff, PDF, { query: 'kind=other' });
      expect(extra.status).toBe(201);
      const del = await t.call('DELETE', `/api/documents/${extra.body.id}`, { token: staff.token });
      expect(del.status).toBe(204);
      expect((await t.get(`/api/documents/${extra.body.id}`, staff.token)).status).toBe(404);
      const rejected = await t.post(`/api/certifications/${certId}/decision`, { decision: 'reject', note: '材料不全' }, qingyaOfficial.token);
      expect(rejected.status).toBe(201);
      const late = await upload(certPath(), supplier, PDF);
      expect(late.status).toBe(409);
      expect(late.body).toMatchObject({ code: 'APPLICATION_NOT_PENDING', currentStatus: 'rejected' });
      const keep = await t.call('DELETE', `/api/documents/${pdfId}`, { token: supplier.token });
      expect(keep.status).toBe(409);
      expect(keep.body.code).toBe('DOCUMENT_REVIEWED');
      expect((await t.get(certPath(), supplier.token)).body.every((d: { deletable: boolean }) => !d.deletable)).toBe(true);
    });
  });

  describe('a supplier organisation', () => {
    let licenceId: string;

    it("takes documents from the supplier's admin only (staff 403, officials 403)", async () => {
      const res = await upload(orgPath(pendingSupplier), pendingSupplier, PDF, { query: 'kind=business_licence', filename: encodeURIComponent('营业执照.pdf') });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ ownerKind: 'organisation', ownerId: pendingSupplier.orgId, supplierId: pendingSupplier.orgId, kind: 'business_licence', filename: '营业执照.pdf', deletable: true });
      licenceId = res.body.id;
      const staffTry = await upload(orgPath(supplier), staff, PDF, { query: 'kind=business_licence' });
      expect(staffTry.status).toBe(403);
      expect((await upload(orgPath(pendingSupplier), qingyaOfficial, PDF)).status).toBe(403);
      expect((await upload(orgPath(pendingSupplier), op, PDF)).status).toBe(403);
      const junk = await upload(orgPath(pendingSupplier), pendingSupplier, Buffer.from('GIF89a not accepted'), { contentType: 'image/png' });
      expect(junk.status).toBe(400);
      expect(junk.body.details[0].field).toBe('body');
    });

    it("lists and serves them to the supplier, its county's officials and the operator; 404 to others", async () => {
      for (const reader of [pendingSupplier, qingyaOfficial, prefectureOfficial, op]) {
        const res = await t.get(orgPath(pendingSupplier), reader.token);
        expect(res.status).toBe(200);
        expect(res.body.map((d: { id: string }) => d.id)).toEqual([licenceId]);
        expect((await t.get(`/api/documents/${licenceId}`, reader.token)).status).toBe(200);
      }
      for (const stranger of [other, baishiOfficial, buyer, supplier]) {
        const res = await t.get(orgPath(pendingSupplier), stranger.token);
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('ORGANISATION_NOT_FOUND');
        expect((await upload(orgPath(pendingSupplier), stranger, PDF)).status).toBe(404);
        expect((await t.get(`/api/documents/${licenceId}`, stranger.token)).status).toBe(404);
        expect((await t.call('DELETE', `/api/documents/${licenceId}`, { token: stranger.token })).status).toBe(404);
      }
      const buyerOwn = await t.get(orgPath(buyer), buyer.token);
      expect(buyerOwn.status).toBe(400);
    });

    it('deletes until an official decides; a document added after the decision is pending again', async () => {
      const second = await upload(orgPath(pendingSupplier), pendingSupplier, PNG, { query: 'kind=other' });
      expect((await t.call('DELETE', `/api/documents/${second.body.id}`, { token: pendingSupplier.token })).status).toBe(204);
      const verified = await t.post(`/api/organisations/${pendingSupplier.orgId}/verification`, { decision: 'verified', note: '执照已核' }, qingyaOfficial.token);
      expect(verified.status).toBe(201);
      const keep = await t.call('DELETE', `/api/documents/${licenceId}`, { token: pendingSupplier.token });
      expect(keep.status).toBe(409);
      expect(keep.body.code).toBe('DOCUMENT_REVIEWED');
      const renewal = await upload(orgPath(pendingSupplier), pendingSupplier, PDF, { query: 'kind=business_licence', filename: encodeURIComponent('营业执照（换发）.pdf') });
      expect(renewal.status).toBe(201);
      expect(renewal.body.deletable).toBe(true);
      const list = await t.get(orgPath(pendingSupplier), pendingSupplier.token);
      expect(list.body.map((d: { deletable: boolean }) => d.deletable)).toEqual([false, true]);
      expect((await t.call('DELETE', `/api/documents/${renewal.body.id}`, { token: pendingSupplier.token })).status).toBe(204);
    });
  });
});
