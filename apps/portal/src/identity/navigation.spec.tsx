import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BUYER_USER, COOP_USER, OFFICIAL_USER } from '../testing/fixtures';
import { apiError } from '../testing/fake-api';
import { cooperativeApi, officialApi, portalApi } from '../testing/portal-api';
import { rememberSession, renderPortal } from '../testing/render-portal';
import { navigationFor, workspacesOf } from './workspaces';

describe('workspacesOf', () => {
  it('makes one cooperative workspace of a supplier organisation, with every role held there', () => {
    expect(workspacesOf(COOP_USER)).toEqual([
      { kind: 'cooperative', organisationId: COOP_USER.memberships[0].organisationId, organisationName: '青崖县高山马铃薯专业合作社', divisionCode: '629801', roles: ['supplier_admin', 'supplier_staff'] },
    ]);
  });

  it('makes an official workspace of a jurisdiction, and none of a buyer organisation', () => {
    expect(workspacesOf(OFFICIAL_USER).map((w) => w.kind)).toEqual(['official']);
    expect(workspacesOf(BUYER_USER)).toEqual([]);
    expect(workspacesOf({ memberships: [...OFFICIAL_USER.memberships, ...COOP_USER.memberships] }).map((w) => w.kind)).toEqual(['cooperative', 'official']);
  });

  it('gives cooperatives their shop and officials their queues, each with the statistics marked as coming', () => {
    expect(navigationFor('cooperative').map((i) => i.key)).toEqual(['home', 'orders', 'agreements', 'pickList', 'products', 'stock', 'certification', 'money', 'profile', 'stats']);
    expect(navigationFor('official').map((i) => i.key)).toEqual(['home', 'verifySuppliers', 'certifyProducts', 'stats']);
    expect(navigationFor('official').find((i) => i.key === 'stats')?.comingSoon).toBeUndefined();
    expect(navigationFor(null)).toEqual([]);
  });
});

describe('role-based navigation', () => {
  it('shows a cooperative its shop, its organisation and role in the header', async () => {
    rememberSession();
    renderPortal('/', cooperativeApi());
    const nav = await screen.findByRole('navigation', { name: '门户导航' });
    const links = within(nav).getAllByRole('link').map((l) => l.textContent);
    expect(links).toEqual(['工作台', '订单', '采购协议', '拣货单', '产品', '库存与批次', '帮扶产品认定', '结算', '合作社资料', '统计看板']);
    expect(within(nav).queryByRole('link', { name: '供应商核验' })).toBeNull();
    expect((await screen.findByTestId('organisation-name')).textContent).toBe('青崖县高山马铃薯专业合作社');
    expect(screen.getByTestId('workspace-role').textContent).toBe('合作社管理员');
    expect(await screen.findByRole('heading', { level: 1, name: '青崖县高山马铃薯专业合作社' })).toBeTruthy();
  });

  it('shows an official the queues and nothing of a cooperative', async () => {
    rememberSession();
    renderPortal('/', officialApi());
    const nav = await screen.findByRole('navigation', { name: '门户导航' });
    expect(within(nav).getAllByRole('link').map((l) => l.textContent)).toEqual(['工作台', '供应商核验', '产品认定', '统计看板']);
    expect(await screen.findByTestId('tile-suppliers')).toBeTruthy();
  });

  it('tells a buyer account that the portal is not theirs, with no navigation', async () => {
    rememberSession();
    renderPortal('/', portalApi(BUYER_USER));
    expect(await screen.findByRole('heading', { level: 1, name: '此账户不能使用门户' })).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: '门户导航' })).toBeNull();
  });

  it('says whose page it is when a cooperative opens an official’s queue', async () => {
    rememberSession();
    renderPortal('/suppliers', cooperativeApi());
    expect(await screen.findByRole('heading', { level: 1, name: '此页面不属于当前单位' })).toBeTruthy();
  });

  it('sends an anonymous visitor to sign in and back to where they were going', async () => {
    const app = renderPortal('/orders?status=placed', cooperativeApi());
    await waitFor(() => expect(app.location()).toBe('/sign-in?next=%2Forders%3Fstatus%3Dplaced'));
  });

  it('forgets a session the API no longer accepts', async () => {
    rememberSession('shs_revoked');
    const app = renderPortal('/', cooperativeApi({ 'GET /api/auth/me': () => apiError(401, 'UNAUTHENTICATED', 'the session has expired') }));
    await waitFor(() => expect(app.location()).toBe('/sign-in'));
    expect(localStorage.getItem('shanhai.portal.session')).toBeNull();
  });

  it('switches the navigation to English', async () => {
    rememberSession();
    renderPortal('/', cooperativeApi());
    await screen.findByRole('navigation', { name: '门户导航' });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'English' }));
    });
    const nav = screen.getByRole('navigation', { name: 'Portal' });
    expect(within(nav).getByRole('link', { name: 'Pick list' })).toBeTruthy();
    expect((await screen.findByTestId('organisation-name')).textContent).toBe('Qingya Highland Potato Cooperative');
  });
});
