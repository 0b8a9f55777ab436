import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CertificationView } from '../api/views';
import { COOP_ID, PRODUCT_ID } from '../testing/fixtures';
import { apiError, json } from '../testing/fake-api';
import { officialApi } from '../testing/portal-api';
import { rememberSession, renderPortal } from '../testing/render-portal';
import { validateCertification } from './certification-form-model';

const CERT_ID = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';
const APPLICATION: CertificationView = {
  id: CERT_ID,
  productId: PRODUCT_ID,
  supplierId: COOP_ID,
  countyCode: '629801',
  status: 'applied',
  evidence: '产地证明、基地台账、带农增收协议',
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

const t = ((key: string) => key) as never;

describe('validateCertification', () => {
  it('needs the certificate’s facts to certify, and nothing but an optional note to reject', () => {
    const base = { decision: 'certify' as const, certificateNo: '', authority: ' ', validFrom: '2026-09-01', validTo: '2026-08-01', householdsReached: 'x', incomeModes: [], note: '' };
    expect(Object.keys(validateCertification(base, t).errors).sort()).toEqual(['authority', 'certificateNo', 'householdsReached', 'incomeModes', 'validTo']);
    expect(validateCertification({ ...base, decision: 'reject', note: ' 材料不全 ' }, t).input).toEqual({ decision: 'reject', note: '材料不全' });
  });
});

describe('certification review', () => {
  it('shows the evidence, then certifies with the certificate’s facts', async () => {
    rememberSession();
    let list = [APPLICATION];
    const api = officialApi({
      'GET /api/certifications': () => json(list),
      [`GET /api/certifications/${CERT_ID}`]: () => json({ ...list[0], documents: [] }),
      'GET /api/divisions/629801/pairings': () => json({ countyCode: '629801', helped: true, pairings: [{ id: 'p1', name: '东澜市—云岭州东西部协作', nameEn: null }] }),
      'GET /api/divisions/629801': () => json({ code: '629801', name: '青崖县', nameEn: 'Qingya County', level: 'county', parentCode: '629800', path: [{ code: '629801', name: '青崖县', nameEn: null, level: 'county', parentCode: '629800' }] }),
      [`POST /api/certifications/${CERT_ID}/decision`]: async (request) => {
        const body = (await request.json()) as { certificateNo: string };
        if (body.certificateNo === '云岭帮认〔2026〕0001号') return apiError(409, 'CERTIFICATE_NO_TAKEN', 'certificateNo: already used by another certificate', [{ field: 'certificateNo', reason: 'already used' }]);
        list = [{ ...APPLICATION, status: 'certified', certificateNo: body.certificateNo }];
        return json(list[0]);
      },
    });
    renderPortal(`/certifications/${CERT_ID}`, api);
    expect((await screen.findByTestId('evidence-text')).textContent).toBe('产地证明、基地台账、带农增收协议');
    expect(await screen.findByText('产地县在结对帮扶范围内')).toBeTruthy();
    expect(await screen.findByText(/批次 POTATO-01-1-L1，2026-08-01 采收于 青崖山高山基地/)).toBeTruthy();

    const form = screen.getByTestId('certification-decision');
    // The supplier's lifted and monitored households are offered.
    await waitFor(() => expect((within(form).getByLabelText('带动农户（户）') as HTMLInputElement).value).toBe('210'));
    expect((within(form).getByLabelText('认定机关') as HTMLInputElement).value).toBe('云岭州乡村振兴局');
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: '认定' }));
    });
    expect(within(form).getByText('请至少选择一种带农增收方式')).toBeTruthy();
    expect(within(form).getByLabelText('证书编号').getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(within(form).getByLabelText('证书编号'), { target: { value: '云岭帮认〔2026〕0001号' } });
    fireEvent.click(within(form).getByLabelText('务工收入'));
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: '认定' }));
    });
    await waitFor(() => expect(within(form).getByLabelText('证书编号').getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getByText('already used')).toBeTruthy();

    fireEvent.change(within(form).getByLabelText('证书编号'), { target: { value: '云岭帮认〔2026〕0099号' } });
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: '认定' }));
    });
    await waitFor(() => expect(screen.getByTestId('certification-status').textContent).toBe('已认定'));
    const last = api.requests.filter((r) => r.method === 'POST').pop();
    expect(await last?.json()).toMatchObject({ decision: 'certify', certificateNo: '云岭帮认〔2026〕0099号', authority: '云岭州乡村振兴局', householdsReached: 210, incomeModes: ['wages'] });
    expect(screen.getByTestId('revocation-form')).toBeTruthy();
  });
});
