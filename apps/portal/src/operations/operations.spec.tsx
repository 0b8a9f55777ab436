import type { UserView } from '@shanhai/contract';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { navigationFor, workspacesOf } from '../identity/workspaces';
import { apiError, json } from '../testing/fake-api';
import { COOP_USER } from '../testing/fixtures';
import { portalApi } from '../testing/portal-api';
import { rememberSession, renderPortal } from '../testing/render-portal';
import type { RecomputeRunView } from './operations.queries';

const OPERATOR_USER: UserView = {
  id: 'u-operator',
  email: 'operator@demo.shanhai.cn',
  displayName: '平台运营',
  locale: 'zh-CN',
  memberships: [{ organisationId: 'op-org', organisationKind: 'operator', organisationName: '山海平台运营中心', role: 'operator', divisionCode: null }],
};

const STATUS = { backlogEvents: 3, oldestWaiting: '2026-11-28T01:02:03.000Z', watermark: { lastTxId: '10', lastEventId: '99', updatedAt: '2026-11-28T01:02:00.000Z' }, records: 12345 };

function run(over: Partial<RecomputeRunView>): RecomputeRunView {
  return {
    id: 'r1',
    trigger: 'operator',
    from: '2026-10-24',
    to: '2026-11-28',
    repair: true,
    status: 'done',
    factsCompared: 1200,
    differencesCount: 0,
    differences: [],
    repairedRecords: 0,
    error: null,
    createdAt: '2026-11-28T01:00:00.000Z',
    finishedAt: '2026-11-28T01:00:05.000Z',
    progress: null,
    ...over,
  };
}

describe('the operations workspace', () => {
  it('gives an operator account the operations workspace with one page', () => {
    expect(workspacesOf(OPERATOR_USER).map((w) => [w.kind, w.organisationName])).toEqual([['operations', '山海平台运营中心']]);
    expect(navigationFor('operations').map((i) => [i.key, i.path])).toEqual([['operations', '/operations']]);
  });

  it('opens on the statistics pipeline: backlog, records and the latest rebuilds, a running one with its step', async () => {
    rememberSession();
    const api = portalApi(OPERATOR_USER, {
      'GET /api/admin/statistics/status': () => json(STATUS),
      'GET /api/admin/statistics/recompute': () =>
        json([
          run({ id: 'r2', status: 'running', factsCompared: null, differencesCount: null, differences: null, repairedRecords: null, finishedAt: null, progress: { phase: 'comparing', step: 3, steps: 5, since: '2026-11-28T01:10:00.000Z' } }),
          run({ id: 'r1', differencesCount: 1, repairedRecords: 1, differences: [{ figure: 'sales', orderLineId: 'abcdef12-0000-4000-8000-000000000000', businessDay: '2026-11-02', expected: { netFen: 500, lines: 1 }, recorded: { netFen: 0, lines: 0 } }] }),
        ]),
    });
    renderPortal('/', api);
    expect(await screen.findByRole('heading', { level: 1, name: '统计运行' })).toBeTruthy();
    expect(screen.getByTestId('workspace-role').textContent).toBe('平台运营');
    expect((await screen.findByTestId('backlog')).textContent).toContain('3');
    expect(screen.getByTestId('records').textContent).toContain('12,345');
    const progress = await screen.findByTestId('run-progress');
    expect(progress.textContent).toContain('第 3/5 步：与已记录的统计核对');
    expect(within(progress).getByRole('progressbar').getAttribute('value')).toBe('2');
    const done = screen.getAllByTestId('recompute-run')[1];
    expect(done.textContent).toContain('已完成');
    expect(within(done).getByText('查看差异')).toBeTruthy();
    expect(done.textContent).toContain('2026-11-02 · 销售额 · 订单行 abcdef12：应为 500 分，已记录 0 分');
  });

  it('asks for a rebuild of the days typed, refuses a reversed range itself and shows the API’s reason beside the field', async () => {
    rememberSession();
    let answer: Response = apiError(400, 'VALIDATION', 'to: a range may span at most 3700 days', [{ field: 'to', reason: 'a range may span at most 3700 days' }]);
    const api = portalApi(OPERATOR_USER, {
      'GET /api/admin/statistics/status': () => json(STATUS),
      'GET /api/admin/statistics/recompute': () => json([]),
      'POST /api/admin/statistics/recompute': () => answer,
    });
    renderPortal('/operations', api);
    expect(await screen.findByText('还没有重算记录')).toBeTruthy();
    const form = screen.getByRole('form', { name: '重算的日期范围' });
    fireEvent.change(within(form).getByLabelText('起始日'), { target: { value: '2026-11-10' } });
    fireEvent.change(within(form).getByLabelText('截止日'), { target: { value: '2026-11-01' } });
    fireEvent.click(within(form).getByRole('button', { name: '开始重算' }));
    expect(await within(form).findByText('截止日不能早于起始日')).toBeTruthy();
    expect(api.requests.filter((r) => r.method === 'POST')).toHaveLength(0);

    fireEvent.change(within(form).getByLabelText('截止日'), { target: { value: '2026-11-20' } });
    fireEvent.click(within(form).getByLabelText('修复发现的差异（写入冲正记录）'));
    fireEvent.click(within(form).getByRole('button', { name: '开始重算' }));
    expect(await within(form).findByText('a range may span at most 3700 days')).toBeTruthy();
    const post = api.requests.find((r) => r.method === 'POST');
    expect(await post?.json()).toEqual({ from: '2026-11-10', to: '2026-11-20', repair: false });

    answer = json(run({ id: 'r3', status: 'queued', from: '2026-11-10', to: '2026-11-20' }), 201);
    fireEvent.click(within(form).getByRole('button', { name: '开始重算' }));
    expect(await within(form).findByText('已提交：2026-11-10 至 2026-11-20，后台任务即将开始。')).toBeTruthy();
    await waitFor(() => expect(api.queriesTo('/api/admin/statistics/recompute').length).toBeGreaterThan(1));
  });

  it('tells a cooperative that the operations page is not theirs', async () => {
    rememberSession();
    renderPortal('/operations', portalApi(COOP_USER));
    expect(await screen.findByText('这是平台运营的页面。请切换到平台运营，或返回工作台。')).toBeTruthy();
  });
});
