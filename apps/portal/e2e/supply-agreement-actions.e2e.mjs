/**
 * The cooperative's side of agreements and pre-harvest commitments, in the portal, against the real API and worker:
 * potato@ acknowledges a commitment of 东澜市第一中学 (the seeded one is already acknowledged, so the school makes a
 * new one through the API first), proposes an agreement to the school from the portal, proposes a substitution for
 * one day of the seeded active agreement and files a break (school holidays) on it; each checked from the school's
 * side through the API. Sorted before supply-agreement.e2e.mjs and after the portal's other files (agreements stay
 * last, as they hold stock and generate orders).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { apiAs, chinaToday, eventually, openBrowser, POTATO, SCREENSHOT_DIR, settled, shot, signIn, switchTo, unlabelledControls, visit } from './support/browser.mjs';

const SCHOOL = 'school@demo.shanhai.cn';
const SCHOOL_NAME = '东澜市第一中学';

/** The month after this one (China time), YYYY-MM. */
function nextMonth() {
  const d = new Date(`${chinaToday()}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1, 1);
  return d.toISOString().slice(0, 7);
}

describe('the cooperative answers commitments, proposes agreements and changes deliveries', () => {
  let browser;
  let page;
  let commitmentId;
  let seeded;
  const school = apiAs(SCHOOL);
  const potato = apiAs(POTATO.email);

  before(async () => {
    browser = await openBrowser();
    page = await browser.newPage();
    // The school commits to purple-skin potatoes from next month's harvest (the SKU of the seeded commitment).
    const existing = await school.get('/api/commitments');
    const purple = existing.items.find((c) => c.sku.code === 'POTATO-03-1');
    assert.ok(purple, 'the seeded commitment is there');
    const created = await school.post('/api/commitments', { skuId: purple.sku.id, harvestMonth: nextMonth(), quantity: 40, targetPriceFen: 3100, note: '端到端测试：下月紫皮土豆' });
    commitmentId = created.id;
    const active = await potato.get('/api/agreements?status=active');
    seeded = active.items.find((a) => a.skuCode === 'POTATO-01-1' && a.buyer.name === SCHOOL_NAME);
    assert.ok(seeded, 'the seeded agreement is active');
  });

  after(async () => {
    await browser?.close();
  });

  it('acknowledges the school’s pre-harvest commitment with a note', async () => {
    await signIn(page, POTATO.email);
    await page.getByRole('navigation', { name: '门户导航' }).getByRole('link', { name: '采购协议' }).click();
    await page.getByRole('heading', { name: '预购', exact: true }).waitFor();
    await page.getByLabel('按状态').selectOption('open');
    const link = page.getByRole('link', { name: `查看 ${SCHOOL_NAME} ${nextMonth()} 的预购` });
    await link.click();
    await page.waitForURL((url) => url.pathname === `/commitments/${commitmentId}`);
    await page.getByTestId('commitment-status').filter({ hasText: '待确认' }).waitFor();
    assert.deepEqual(await unlabelledControls(page), []);
    await page.getByLabel('说明（可选，采购方可见）').fill('已按预购量安排下月采收');
    await page.getByRole('button', { name: '确认预购' }).click();
    await page.getByRole('status').filter({ hasText: '已确认预购。' }).waitFor();
    await page.getByTestId('commitment-status').filter({ hasText: '已确认' }).waitFor();
    const seen = await school.get(`/api/commitments/${commitmentId}`);
    assert.equal(seen.status, 'acknowledged');
    assert.equal(seen.decisionNote, '已按预购量安排下月采收');
    await shot(page, 'agreement-actions-commitment-zh');
    assert.deepEqual(page.problems, []);
  });

  it('proposes an agreement to the school; the school is asked to accept it', async () => {
    await visit(page, '/agreements');
    await page.getByRole('link', { name: '提出新协议' }).click();
    await page.waitForURL((url) => url.pathname === '/agreements/new');
    const form = page.getByRole('form', { name: '向采购方提出协议' });
    await form.getByLabel('采购方').selectOption({ label: SCHOOL_NAME });
    await form.getByLabel('规格').selectOption({ label: '高山黄心土豆 · POTATO-01-1 · 10公斤箱' });
    await form.getByText('起订 5，按 5 的倍数（单位：10公斤箱）；备货期 2 天').waitFor();
    await form.getByLabel('每次送货数量').fill('10');
    await form.getByLabel('单价（元）').fill('36.8');
    for (const day of ['周二', '周五']) await form.getByLabel(day, { exact: true }).check();
    await form.getByLabel('开始日期').fill(chinaToday(10));
    await form.getByLabel('结束日期').fill(chinaToday(70));
    await form.getByLabel('备注（可选）').fill('合作社提出：每周二、周五送货');
    assert.deepEqual(await unlabelledControls(page), []);
    await shot(page, 'agreement-actions-propose-zh');
    await form.getByRole('button', { name: '提交协议提案' }).click();
    await page.waitForURL((url) => /^\/agreements\/[0-9a-f-]{36}$/.test(url.pathname));
    const id = new URL(page.url()).pathname.split('/').pop();
    await page.getByTestId('awaiting-other').filter({ hasText: '等待采购方确认第 1 版条款' }).waitFor();
    const view = await school.get(`/api/agreements/${id}`);
    assert.equal(view.status, 'proposed');
    assert.equal(view.awaiting, 'buyer');
    assert.equal(view.pending.price.unitPriceFen, 3680);
    assert.deepEqual(view.pending.schedule.weekdays, [2, 5]);
    assert.equal(view.pending.quantity, 10);
    assert.equal(view.pending.deliverySite, null);
    assert.deepEqual(page.problems, []);
  });

  it('proposes a substitution for a day of the seeded agreement; it waits for the school', async () => {
    const days = await potato.get(`/api/agreements/${seeded.id}/deliveries`);
    const today = chinaToday();
    const day = days.find((d) => ['scheduled', 'held', 'short'].includes(d.status) && !d.change && d.generationOpensOn > today && d.date < chinaToday(20));
    assert.ok(day, 'a day of the seeded agreement not generated yet');
    await visit(page, `/agreements/${seeded.id}`);
    await page.getByTestId('agreement-calendar').waitFor();
    await page.getByRole('button', { name: `调整 ${day.date} 的送货` }).click();
    const form = page.getByRole('form', { name: `调整 ${day.date} 的送货` });
    await form.getByLabel('调整方式').selectOption('substitute');
    await form.getByLabel('换用的规格').selectOption({ label: '高山黄心土豆 · POTATO-01-2 · 25公斤袋' });
    await form.getByLabel('数量（可选）').fill('8');
    await form.getByLabel('单价（元，可选）').fill('84');
    await form.getByLabel('说明（可选）').fill('10公斤箱缺货，改用25公斤袋');
    assert.deepEqual(await unlabelledControls(page), []);
    await form.getByRole('button', { name: '提交调整' }).click();
    await page.getByTestId('change-done').filter({ hasText: `已提出 ${day.date} 的调整，等待采购方确认。` }).waitFor();
    await page.getByTestId(`change-${day.date}`).filter({ hasText: '待确认' }).waitFor();
    const view = await school.get(`/api/agreements/${seeded.id}`);
    const change = view.changes.find((c) => c.deliveryDate === day.date);
    assert.ok(change, 'the school sees the change');
    assert.equal(change.status, 'proposed');
    assert.equal(change.proposedSide, 'supplier');
    assert.equal(change.kind, 'substitute');
    assert.equal(change.substituteSku.code, 'POTATO-01-2');
    assert.equal(change.quantity, 8);
    assert.equal(change.unitPriceFen, 8400);
    await shot(page, 'agreement-actions-substitute-zh');
    await page.getByTestId('agreement-changes').screenshot({ path: join(SCREENSHOT_DIR, 'portal-agreement-actions-changes-zh.png') });
    assert.deepEqual(page.problems, []);
  });

  it('files a break for school holidays; the agreement stays active for the school', async () => {
    await visit(page, `/agreements/${seeded.id}`);
    const form = page.getByRole('form', { name: '登记暂停' });
    await form.getByText(`最早 ${chinaToday(7)}（通知期 7 天）`).waitFor();
    // First too soon: the API's notice reason appears beside the day.
    await form.getByLabel('停送开始日').fill(chinaToday(2));
    await form.getByRole('button', { name: '登记暂停' }).click();
    await eventually(async () => (await form.getByLabel('停送开始日').getAttribute('aria-invalid')) === 'true', 'the notice reason beside the first day', 10_000);
    await form.getByLabel('停送开始日').fill(chinaToday(21));
    await form.getByLabel('停送最后一日（可选）').fill(chinaToday(27));
    await form.getByLabel('原因（可选）').fill('学校放假');
    await form.getByRole('button', { name: '登记暂停' }).click();
    await page.getByRole('status').filter({ hasText: `已登记停送：${chinaToday(21)} 至 ${chinaToday(27)}。` }).waitFor();
    await page.getByTestId('agreement-pauses').filter({ hasText: `${chinaToday(21)} 至 ${chinaToday(27)} 停送（本社登记）` }).waitFor();
    const view = await school.get(`/api/agreements/${seeded.id}`);
    assert.equal(view.status, 'active');
    assert.ok(view.pauses.some((p) => p.from === chinaToday(21) && p.until === chinaToday(27) && p.side === 'supplier' && p.reason === '学校放假'));
    await shot(page, 'agreement-actions-pause-zh');

    // English.
    await switchTo(page, 'en');
    await page.getByRole('heading', { name: 'Delivery changes' }).waitFor();
    await page.getByRole('heading', { name: 'Pause and resume' }).waitFor();
    await settled(page);
    await shot(page, 'agreement-actions-en');
    await switchTo(page, 'zh-CN');
    // The browser logs the refused first attempt (400) as a failed resource; nothing else may go wrong.
    assert.deepEqual(page.problems.filter((p) => !/status of 400/.test(p)), []);
  });
});
