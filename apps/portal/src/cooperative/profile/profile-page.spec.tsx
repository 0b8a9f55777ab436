import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { COOP_ID, COOP_ORG, COOP_USER } from '../../testing/fixtures';
import { apiError, json } from '../../testing/fake-api';
import { cooperativeApi, portalApi } from '../../testing/portal-api';
import { rememberSession, renderPortal } from '../../testing/render-portal';

describe('cooperative profile', () => {
  it('lets the admin change the linked households, checked as whole numbers before the API is asked', async () => {
    rememberSession();
    const api = cooperativeApi({
      [`PATCH /api/organisations/${COOP_ID}`]: async (request) => json({ ...COOP_ORG, ...((await request.json()) as object) }),
    });
    renderPortal('/profile', api);
    const form = await screen.findByTestId('profile-form');
    expect(within(screen.getByTestId('verification')).getByText('已核验')).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('脱贫户（户）'), { target: { value: '12.5' } });
    fireEvent.change(within(form).getByLabelText('联系电话'), { target: { value: 'call me' } });
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: '保存' }));
    });
    expect(within(form).getByLabelText('脱贫户（户）').getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByText('只能包含数字、+、- 和空格（5–32 位）')).toBeTruthy();
    expect(api.requests.some((r) => r.method === 'PATCH')).toBe(false);

    fireEvent.change(within(form).getByLabelText('脱贫户（户）'), { target: { value: '１９０' } });
    fireEvent.change(within(form).getByLabelText('联系电话'), { target: { value: '0932-5550101' } });
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: '保存' }));
    });
    await waitFor(() => expect(within(form).getByText('已保存。')).toBeTruthy());
    const body = (await api.requests.find((r) => r.method === 'PATCH')?.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ householdsLifted: 190, householdsMonitored: 24, householdsAtRisk: 9, contactPhone: '0932-5550101' });
  });

  it('shows staff the profile read-only, without the admin’s forms', async () => {
    rememberSession();
    const staff = { ...COOP_USER, memberships: COOP_USER.memberships.filter((m) => m.role === 'supplier_staff') };
    renderPortal('/profile', portalApi(staff));
    expect(await screen.findByText('只有合作社管理员可以修改资料。')).toBeTruthy();
    expect(screen.queryByTestId('profile-form')).toBeNull();
    expect(screen.queryByTestId('base-form')).toBeNull();
  });

  it('adds a production base and shows the API’s reason beside the county', async () => {
    rememberSession();
    const api = cooperativeApi({
      [`POST /api/organisations/${COOP_ID}/production-bases`]: () => apiError(400, 'VALIDATION_FAILED', 'countyCode: not a county', [{ field: 'countyCode', reason: 'not a county' }]),
    });
    renderPortal('/profile', api);
    const form = await screen.findByTestId('base-form');
    fireEvent.change(within(form).getByLabelText('基地名称'), { target: { value: '新基地' } });
    fireEvent.change(within(form).getByLabelText('所在县（代码）'), { target: { value: '629800' } });
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: '添加生产基地' }));
    });
    await waitFor(() => expect(within(form).getByLabelText('所在县（代码）').getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getByText('not a county')).toBeTruthy();
  });
});
