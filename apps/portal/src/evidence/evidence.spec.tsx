import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CertificationView, EvidenceDocumentView } from '../api/views';
import { COOP_ID, PRODUCT_ID } from '../testing/fixtures';
import { apiError, json } from '../testing/fake-api';
import { cooperativeApi, officialApi } from '../testing/portal-api';
import { rememberSession, renderPortal } from '../testing/render-portal';
import { formatBytes } from './evidence-documents';

const CERT_ID = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';
const PDF_ID = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd';
const PNG_ID = 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee';
const APPLICATION: CertificationView = {
  id: CERT_ID,
  productId: PRODUCT_ID,
  supplierId: COOP_ID,
  countyCode: '629801',
  status: 'applied',
  evidence: '产地证明见附件',
  appliedAt: '2026-09-01T02:00:00.000Z',
  certificateNo: null,
  authority: null,
  validFrom: null,
  validTo: null,
  householdsReached: null,
  incomeModes: [],
  decidedAt: null,
  decisionNote: null,
  revokedOn: null,
  productNameZh: '高山黄心土豆',
  productNameEn: 'Highland yellow potato',
  supplierName: '青崖县高山马铃薯专业合作社',
  supplierNameEn: 'Qingya Highland Potato Cooperative',
};

const doc = (over: Partial<EvidenceDocumentView>): EvidenceDocumentView => ({
  id: PDF_ID,
  ownerKind: 'certification',
  ownerId: CERT_ID,
  supplierId: COOP_ID,
  kind: 'origin_proof',
  filename: '产地证明.pdf',
  contentType: 'application/pdf',
  byteSize: 245_760,
  uploadedBy: 'u-coop',
  createdAt: '2026-09-01T03:00:00.000Z',
  url: `/api/documents/${PDF_ID}`,
  deletable: false,
  ...over,
});

afterEach(() => vi.restoreAllMocks());

describe('formatBytes', () => {
  it('says bytes, kilobytes or megabytes', () => {
    expect(formatBytes(900, 'zh-CN')).toBe('900 B');
    expect(formatBytes(245_760, 'zh-CN')).toBe('240 KB');
    expect(formatBytes(10 * 1024 * 1024, 'en')).toBe('10 MB');
    expect(formatBytes(2_411_725, 'en')).toBe('2.3 MB');
  });
});

describe('a cooperative attaches documents to its pending application', () => {
  it('sends the bytes with the kind and the encoded file name, then lists the document; deletes it', async () => {
    rememberSession();
    let docs: EvidenceDocumentView[] = [];
    const api = cooperativeApi({
      'GET /api/certifications': () => json([APPLICATION]),
      [`GET /api/certifications/${CERT_ID}/documents`]: () => json(docs),
      [`POST /api/certifications/${CERT_ID}/documents`]: async (request, url) => {
        docs = [doc({ kind: url.searchParams.get('kind') as EvidenceDocumentView['kind'], filename: decodeURIComponent(request.headers.get('x-filename') ?? ''), byteSize: 15, deletable: true })];
        return json(docs[0], 201);
      },
      [`DELETE /api/documents/${PDF_ID}`]: () => {
        docs = [];
        return new Response(null, { status: 204 });
      },
    });
    renderPortal('/certification', api);
    const section = await screen.findByTestId('evidence-certification');
    expect(await within(section).findByText('还没有上传材料。')).toBeTruthy();
    const form = within(section).getByTestId('evidence-upload');

    // Nothing chosen: the form says so and asks nothing of the API.
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: '上传材料' }));
    });
    expect(within(form).getByText('请选择要上传的文件')).toBeTruthy();
    expect(api.requests.some((r) => r.method === 'POST')).toBe(false);

    fireEvent.change(within(form).getByLabelText('材料类型'), { target: { value: 'inspection_report' } });
    const file = new File(['%PDF-1.4\n%%EOF\n'], '检测报告 2026.pdf', { type: 'application/pdf' });
    fireEvent.change(within(form).getByLabelText('文件'), { target: { files: [file] } });
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: '上传材料' }));
    });
    await waitFor(() => expect(within(form).getByText('已上传 检测报告 2026.pdf。')).toBeTruthy());
    const sent = api.requests.find((r) => r.method === 'POST') as Request;
    const url = new URL(sent.url);
    expect(url.pathname).toBe(`/api/certifications/${CERT_ID}/documents`);
    expect(url.searchParams.get('kind')).toBe('inspection_report');
    expect(sent.headers.get('x-filename')).toBe(encodeURIComponent('检测报告 2026.pdf'));
    expect(sent.headers.get('authorization')).toBe('Bearer shs_test_token');
    // The bytes go raw (the API sniffs them); a type it does not take raw goes as octet-stream.
    expect(sent.headers.get('content-type')).toBe('application/octet-stream');

    const item = await within(section).findByTestId('evidence-document');
    expect(within(item).getByText('检测报告 2026.pdf')).toBeTruthy();
    expect(item.textContent).toContain('检测报告 · 15 B');
    await act(async () => {
      fireEvent.click(within(item).getByRole('button', { name: '删除 检测报告 2026.pdf' }));
    });
    await waitFor(() => expect(within(section).getByText('还没有上传材料。')).toBeTruthy());
  });

  it("shows the API's reason beside the file, and refuses a file over 10 MB before sending it", async () => {
    rememberSession();
    const api = cooperativeApi({
      'GET /api/certifications': () => json([APPLICATION]),
      [`GET /api/certifications/${CERT_ID}/documents`]: () => json([]),
      [`POST /api/certifications/${CERT_ID}/documents`]: () =>
        apiError(400, 'VALIDATION_FAILED', 'body: not a PDF, JPEG, PNG or WebP file', [{ field: 'body', reason: 'not a PDF, JPEG, PNG or WebP file' }]),
    });
    renderPortal('/certification', api);
    const form = await screen.findByTestId('evidence-upload');
    const big = new File(['x'], 'scan.pdf', { type: 'application/pdf' });
    Object.defineProperty(big, 'size', { value: 10 * 1024 * 1024 + 1 });
    fireEvent.change(within(form).getByLabelText('文件'), { target: { files: [big] } });
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: '上传材料' }));
    });
    expect(within(form).getByText('文件不能超过 10 MB')).toBeTruthy();
    expect(api.requests.some((r) => r.method === 'POST')).toBe(false);

    fireEvent.change(within(form).getByLabelText('文件'), { target: { files: [new File(['<html>'], 'fake.pdf', { type: 'application/pdf' })] } });
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: '上传材料' }));
    });
    await waitFor(() => expect(within(form).getByText('not a PDF, JPEG, PNG or WebP file')).toBeTruthy());
    expect(within(form).getByLabelText('文件').getAttribute('aria-invalid')).toBe('true');
  });
});

describe("the official's certification review lists the documents", () => {
  it('reads the application from GET /api/certifications/:id, shows kind, size, a thumbnail, and opens a document from a blob URL', async () => {
    rememberSession();
    const createObjectURL = vi.fn((blob: Blob) => `blob:${blob.type}`);
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const tab = { opener: {} as unknown, location: { href: '' }, close: vi.fn() };
    const open = vi.spyOn(window, 'open').mockImplementation(() => tab as unknown as Window);
    const documents = [doc({}), doc({ id: PNG_ID, kind: 'household_agreement', filename: '带农协议.png', contentType: 'image/png', byteSize: 900, url: `/api/documents/${PNG_ID}` })];
    const api = officialApi({
      [`GET /api/certifications/${CERT_ID}`]: () => json({ ...APPLICATION, documents }),
      [`GET /api/documents/${PDF_ID}`]: () => new Response('%PDF-1.4', { headers: { 'Content-Type': 'application/pdf' } }),
      [`GET /api/documents/${PNG_ID}`]: () => new Response('png', { headers: { 'Content-Type': 'image/png' } }),
      'GET /api/divisions/629801/pairings': () => json({ countyCode: '629801', helped: true, pairings: [] }),
    });
    renderPortal(`/certifications/${CERT_ID}`, api);
    const items = await screen.findAllByTestId('evidence-document');
    expect(items.map((i) => within(i).getByRole('button', { name: /^查看/ }).getAttribute('aria-label'))).toEqual(['查看 产地证明.pdf', '查看 带农协议.png']);
    expect(items[0].textContent).toContain('产地证明 · 240 KB');
    expect(items[1].textContent).toContain('联农带农协议 · 900 B');
    // Officials read; they do not delete.
    expect(screen.queryByRole('button', { name: /^删除/ })).toBeNull();
    const thumb = (await within(items[1]).findByAltText('带农协议.png 缩略图')) as HTMLImageElement;
    expect(thumb.getAttribute('src')).toBe('blob:image/png');
    // The review never scans the jurisdiction's list for the application.
    expect(api.requests.some((r) => new URL(r.url).pathname === `/api/certifications/${CERT_ID}`)).toBe(true);

    await act(async () => {
      fireEvent.click(within(items[0]).getByRole('button', { name: '查看 产地证明.pdf' }));
    });
    expect(open).toHaveBeenCalledWith('', '_blank');
    await waitFor(() => expect(tab.location.href).toBe('blob:application/pdf'));
    expect(tab.opener).toBeNull();
    const fetched = api.requests.filter((r) => new URL(r.url).pathname === `/api/documents/${PDF_ID}`);
    expect(fetched[0]?.headers.get('authorization')).toBe('Bearer shs_test_token');
  });

  it("says the application was not found when the API answers 404 (another jurisdiction's)", async () => {
    rememberSession();
    const api = officialApi({ [`GET /api/certifications/${CERT_ID}`]: () => apiError(404, 'CERTIFICATION_NOT_FOUND', `certification ${CERT_ID} not found`) });
    renderPortal(`/certifications/${CERT_ID}`, api);
    expect(await screen.findByText('certification cccccccc-cccc-4ccc-8ccc-cccccccccccc not found')).toBeTruthy();
  });
});
