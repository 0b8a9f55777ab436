/**
 * The platform operator's page in the portal against the real API and worker: the statistics pipeline's backlog and
 * records, then a rebuild of the last 35 days from the orders, asked on the page, followed through its steps (the
 * worker reports each one as the job's progress) to "done" with no difference on the demo's figures.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiAs, eventually, OPERATOR, openBrowser, settled, shot, signIn, signOut, switchTo, unlabelledControls } from './support/browser.mjs';

describe('the operator follows a statistics rebuild in the portal', () => {
  let browser;
  let page;
  const operator = apiAs(OPERATOR.email);

  before(async () => {
    browser = await openBrowser();
    page = await browser.newPage();
  });
  after(async () => {
    const problems = page.problems;
    await browser.close();
    assert.deepEqual(problems, []);
  });

  it('opens on the pipeline: the backlog and the records as the API reports them', async () => {
    await signIn(page, OPERATOR.email);
    await page.getByRole('heading', { level: 1, name: '统计运行' }).waitFor();
    const nav = page.getByRole('navigation', { name: '门户导航' });
    assert.deepEqual(await nav.getByRole('link').allTextContents(), ['统计运行']);
    await settled(page);
    const status = await operator.get('/api/admin/statistics/status');
    const records = Number((await page.getByTestId('records').locator('.figure__value').textContent()).replace(/,/g, ''));
    assert.ok(records > 0 && records <= status.records, `records on the page (${records}) as the API counts them (${status.records})`);
    assert.deepEqual(await unlabelledControls(page), []);
  });

  it('asks for a rebuild and sees it go from queued through its steps to done, with no difference', async () => {
    const before0 = (await operator.get('/api/admin/statistics/recompute')).length;
    await page.getByRole('button', { name: '开始重算' }).click();
    await page.getByText(/^已提交：/).waitFor();
    const runs = await eventually(async () => {
      const list = await operator.get('/api/admin/statistics/recompute');
      return list.length > before0 ? list : null;
    }, 'the run is recorded');
    const id = runs[0].id;
    // The page reads the runs every 2 s while one is queued or running; it ends on done.
    const row = page.getByTestId('recompute-run').first();
    await eventually(async () => (await row.getAttribute('data-status')) === 'done', 'the page shows the run done', 90_000);
    const run = await operator.get(`/api/admin/statistics/recompute/${id}`);
    assert.deepEqual([run.status, run.differencesCount, run.repairedRecords, run.progress], ['done', 0, 0, null]);
    assert.ok(run.factsCompared > 0, 'the demo’s orders were compared');
    assert.match(await row.textContent(), /已完成/);
    await shot(page, 'operations.zh-CN.desktop');
  });

  it('reads in English', async () => {
    await switchTo(page, 'en');
    await page.getByRole('heading', { level: 1, name: 'Statistics runs' }).waitFor();
    await settled(page);
    await shot(page, 'operations.en.desktop');
    await switchTo(page, 'zh-CN');
    await signOut(page);
  });
});
