import { parseYuanToFen } from '@shanhai/ui';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BUYER_ORG_ID, SCHOOL_SESSION } from '../testing/fixtures';
import { apiError, fakeApi, json, type Handler } from '../testing/fake-api';
import { rememberSession, renderStorefront } from '../testing/render-storefront';
import { barPercent, formatBasisPoints, minimumFromReason, parsePercentToPermille, parseYearParam, permilleToPercentText } from './reserved-share-format';
import { validateFiling } from './reserved-share-form';
import type { ReservedShareView } from './reserved-share.queries';

const YEAR = new Date().getFullYear();
const PATH = `/api/reserved-share/${YEAR}/organisations/${BUYER_ORG_ID}`;

function view(overrides: Partial<ReservedShareView> = {}): ReservedShareView {
  return {
    year: YEAR,
    minimumPermille: 100,
    organisationId: BUYER_ORG_ID,
    organisationName: '东澜市第一中学',
    buyerType: 'school',
    kind: null,
    sharedWithId: null,
    canteenBudgetFen: null,
    sharePermille: null,
    reservedFen: null,
    filedAt: null,
    ownCountedFen: 0,
    canteenCountedFen: null,
    progressBasisPoints: null,
    projectedYearEndFen: null,
    projectedBasisPoints: null,
    ...overrides,
  };
}

const FILED = view({
  kind: 'own_canteen',
  canteenBudgetFen: 120_000_000,
  sharePermille: 150,
  reservedFen: 18_000_000,
  filedAt: `${YEAR}-03-01T02:00:00.000Z`,
  ownCountedFen: 2_222_222,
  canteenCountedFen: 2_222_222,
  progressBasisPoints: 1234,
  projectedYearEndFen: 2_666_666,
  projectedBasisPoints: 1481,
});

function schoolApi(routes: Record<string, Handler> = {}, session = SCHOOL_SESSION, buyerType = 'school') {
  rememberSession(session.token);
  return fakeApi({
    'GET /api/auth/me': () => json(session.user),
    [`GET /api/organisations/${BUYER_ORG_ID}`]: () => json({ id: BUYER_ORG_ID, kind: 'buyer', name: '东澜市第一中学', nameEn: 'Donglan No. 1 Middle School', verificationStatus: 'verified', buyerType }),
    ...routes,
  });
}

afterEach(() => localStorage.clear());

describe('reserved share: numbers', () => {
  it('turns typed yuan into integer fen without floating point', () => {
    expect(parseYuanToFen('1200000')).toBe(120_000_000);
    expect(parseYuanToFen('1,200,000.5')).toBe(120_000_050);
    expect(parseYuanToFen('0.29')).toBe(29);
    expect(parseYuanToFen('¥38.05')).toBe(3805);
    expect(parseYuanToFen('1.234')).toBeNull();
    expect(parseYuanToFen('-5')).toBeNull();
  });

  it('turns a typed percent with at most one decimal into per-mille', () => {
    expect(parsePercentToPermille('15')).toBe(150);
    expect(parsePercentToPermille('12.5')).toBe(125);
    expect(parsePercentToPermille(' 15% ')).toBe(150);
    expect(parsePercentToPermille('10.')).toBe(100);
    expect(parsePercentToPermille('0.1')).toBe(1);
    expect(parsePercentToPermille('100')).toBe(1000);
    expect(parsePercentToPermille('12.55')).toBeNull();
    expect(parsePercentToPermille('100.1')).toBeNull();
    expect(parsePercentToPermille('abc')).toBeNull();
    expect(parsePercentToPermille('')).toBeNull();
    expect(permilleToPercentText(150)).toBe('15');
    expect(permilleToPercentText(125)).toBe('12.5');
  });

  it('shows basis points as a percent with integer arithmetic, and fills the bar up to 100', () => {
    expect(formatBasisPoints(1234)).toBe('12.34%');
    expect(formatBasisPoints(5)).toBe('0.05%');
    expect(formatBasisPoints(10000)).toBe('100.00%');
    expect(formatBasisPoints(12345)).toBe('123.45%');
    expect(formatBasisPoints(-50)).toBe('-0.50%');
    expect(barPercent(1234)).toBe(12);
    expect(barPercent(25000)).toBe(100);
    expect(barPercent(-10)).toBe(0);
    expect(barPercent(null)).toBe(0);
  });

  it('reads the year and the minimum the API names', () => {
    expect(parseYearParam('2025', 2026)).toBe(2025);
    expect(parseYearParam('25', 2026)).toBe(2026);
    expect(parseYearParam(null, 2026)).toBe(2026);
    expect(minimumFromReason('the reserved share must be at least 12% (120‰) of the canteen budget')).toBe(120);
    expect(minimumFromReason('nonsense')).toBeNull();
  });

  it('validates the form before sending and builds the request', () => {
    const t = (key: string) => key;
    const own = { kind: 'own_canteen' as const, budget: '', share: '15', sharedWithId: '' };
    expect(validateFiling(BUYER_ORG_ID, own, t).errors).toEqual({ canteenBudgetFen: 'reservedShare.form.errors.budgetRequired' });
    expect(validateFiling(BUYER_ORG_ID, { ...own, budget: '0' }, t).errors.canteenBudgetFen).toBe('reservedShare.form.errors.budgetInvalid');
    expect(validateFiling(BUYER_ORG_ID, { ...own, budget: '1.001' }, t).errors.canteenBudgetFen).toBe('reservedShare.form.errors.budgetInvalid');
    expect(validateFiling(BUYER_ORG_ID, { ...own, budget: '100', share: '12.55' }, t).errors).toEqual({ sharePermille: 'reservedShare.form.errors.shareInvalid' });
    expect(validateFiling(BUYER_ORG_ID, { ...own, budget: '1,200,000', share: '12.5' }, t)).toEqual({
      filing: { organisationId: BUYER_ORG_ID, kind: 'own_canteen', canteenBudgetFen: 120_000_000, sharePermille: 125 },
      errors: {},
    });
    // The minimum is the API's to decide: 5% is sent, and its 400 comes back on the field.
    expect(validateFiling(BUYER_ORG_ID, { ...own, budget: '100', share: '5' }, t).filing?.sharePermille).toBe(50);
    expect(validateFiling(BUYER_ORG_ID, { ...own, kind: 'shared_canteen' }, t).errors.sharedWithId).toBe('reservedShare.form.errors.hostRequired');
    expect(validateFiling(BUYER_ORG_ID, { ...own, kind: 'shared_canteen', sharedWithId: 'x' }, t).errors.sharedWithId).toBe('reservedShare.form.errors.hostInvalid');
    expect(validateFiling(BUYER_ORG_ID, { ...own, kind: 'no_canteen' }, t).filing).toEqual({ organisationId: BUYER_ORG_ID, kind: 'no_canteen' });
  });
});

describe('reserved share page', () => {
  it('shows the reserved amount, what counts so far, the progress and the projection, linked from the header', async () => {
    renderStorefront('/reserved-share', schoolApi({ [`GET ${PATH}`]: () => json(FILED) }));
    const progress = await screen.findByTestId('reserved-share-progress');
    expect(within(progress).getByTestId('reserved-amount').textContent).toBe('¥180,000.00');
    expect(within(progress).getByTestId('counted-amount').textContent).toBe('¥22,222.22');
    expect(progress.textContent).toContain('只计入已完成的订单');
    const bar = within(progress).getByRole('progressbar', { name: '完成进度' });
    expect(bar.getAttribute('aria-valuetext')).toBe('12.34%');
    expect(bar.getAttribute('aria-valuenow')).toBe('12');
    expect(within(progress).getByTestId('reserved-share-projection').textContent).toContain('¥26,666.66');
    expect(within(progress).getByTestId('reserved-share-projection').textContent).toContain('14.81%');
    expect(progress.textContent).toContain('今年迄今金额 ÷ 已过天数 × 全年天数');
    expect(within(progress).getByTestId('reserved-share-percent').textContent).toBe('15%');
    expect(screen.getByRole('link', { name: '预留份额' }).getAttribute('href')).toBe('/reserved-share');
    // The admin's form starts from what is filed.
    expect((screen.getByLabelText('食堂年度食材预算（元）') as HTMLInputElement).value).toBe('1200000');
    expect((screen.getByLabelText('预留比例（%）') as HTMLInputElement).value).toBe('15');
  });

  it('files an own canteen with the budget in fen and the share in per-mille', async () => {
    const api = schoolApi({
      [`GET ${PATH}`]: () => json(view()),
      [`PUT /api/reserved-share/${YEAR}`]: () => json({ id: 'f1', ...FILED }),
    });
    renderStorefront('/reserved-share', api);
    expect(await screen.findByText(`${YEAR} 年度尚未申报。`)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('食堂年度食材预算（元）'), { target: { value: '1,200,000.50' } });
    fireEvent.change(screen.getByLabelText('预留比例（%）'), { target: { value: '12.5' } });
    expect(screen.getByTestId('reserved-preview').textContent).toContain('¥150,000.06');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '提交申报' }));
    });
    expect(await screen.findByTestId('reserved-share-saved')).toBeTruthy();
    const put = api.requests.find((r) => r.method === 'PUT');
    expect(await put?.json()).toEqual({ organisationId: BUYER_ORG_ID, kind: 'own_canteen', canteenBudgetFen: 120_000_050, sharePermille: 125 });
    expect(screen.getByTestId('reserved-amount').textContent).toBe('¥180,000.00');
  });

  it('shows the form’s own checks and the API’s 400 beside the field it names', async () => {
    const api = schoolApi({
      [`GET ${PATH}`]: () => json(view({ minimumPermille: 120 })),
      [`PUT /api/reserved-share/${YEAR}`]: () =>
        apiError(400, 'VALIDATION_FAILED', 'invalid', [{ field: 'sharePermille', reason: 'the reserved share must be at least 12% (120‰) of the canteen budget' }]),
    });
    renderStorefront('/reserved-share', api);
    const share = (await screen.findByLabelText('预留比例（%）')) as HTMLInputElement;
    expect(share.value).toBe('15');
    expect(screen.getByText('不低于 12%，鼓励 15%；最多一位小数，例如 12.5')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '提交申报' }));
    });
    const budget = screen.getByLabelText('食堂年度食材预算（元）');
    expect(budget.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(budget.getAttribute('aria-describedby')!.split(' ').find((id) => document.getElementById(id)?.textContent === '请填写食堂年度食材预算')!)).toBeTruthy();
    expect(document.activeElement).toBe(budget);
    expect(api.requests.some((r) => r.method === 'PUT')).toBe(false);

    fireEvent.change(budget, { target: { value: '100000' } });
    fireEvent.change(share, { target: { value: '5' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '提交申报' }));
    });
    await waitFor(() => expect(share.getAttribute('aria-invalid')).toBe('true'));
    const described = share.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described).toContain('预留比例不得低于 12%');
    expect(budget.getAttribute('aria-invalid')).toBeNull();
    expect(document.activeElement).toBe(share);
  });

  it('shows purchasers and approvers the progress without the form', async () => {
    const purchaser = { ...SCHOOL_SESSION, user: { ...SCHOOL_SESSION.user, memberships: SCHOOL_SESSION.user.memberships.filter((m) => m.role !== 'buyer_admin') } };
    renderStorefront('/reserved-share', schoolApi({ [`GET ${PATH}`]: () => json(FILED) }, purchaser));
    expect(await screen.findByTestId('reserved-share-read-only')).toBeTruthy();
    expect(screen.getByTestId('reserved-amount').textContent).toBe('¥180,000.00');
    expect(screen.queryByRole('button', { name: /提交申报|保存修改/ })).toBeNull();
  });

  it('has no link and no form for buyers that are not public budget units', async () => {
    renderStorefront('/reserved-share', schoolApi({}, SCHOOL_SESSION, 'enterprise'));
    expect(await screen.findByText(/只有机关、学校、医院等预算单位申报预留份额/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: '预留份额' })).toBeNull();
  });

  it('switches years and speaks English', async () => {
    const api = schoolApi({ 'GET /api/reserved-share/*': () => json(view({ year: YEAR - 1 })) });
    const { location } = renderStorefront('/reserved-share', api, { language: 'en' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Reserved share' })).toBeTruthy();
    await act(async () => {
      fireEvent.change(await screen.findByLabelText('Year'), { target: { value: String(YEAR - 1) } });
    });
    expect(location()).toBe(`/reserved-share?year=${YEAR - 1}`);
    await waitFor(() => expect(api.requests.some((r) => new URL(r.url).pathname === `/api/reserved-share/${YEAR - 1}/organisations/${BUYER_ORG_ID}`)).toBe(true));
    expect(await screen.findByText(`Nothing filed for ${YEAR - 1} yet.`)).toBeTruthy();
    expect(screen.getByLabelText('Share reserved (%)')).toBeTruthy();
  });
});
