/**
 * The buyer's side of a running procurement agreement and of a pre-harvest commitment, against the real API: the
 * school (admin) opens the seeded agreement with 青崖县高山马铃薯专业合作社, skips one coming delivery, proposes a
 * substitute SKU for another day, proposes an amendment (25 cases instead of 20) and sees it waiting for the
 * cooperative, then ends the agreement early (a week before its end) after confirming. Then it commits to a harvest of 高山黄心土豆 from the
 * product page, finds the commitment under 预购 and cancels it. Every step is checked through the API as well.
 * Screenshots `storefront-agreement-actions-*.png` (zh-CN desktop and phone, English desktop).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { call, chinaToday, signInApi } from './support/api.mjs';
import { horizontalOverflow, openBrowser, PHONE, DESKTOP, SCHOOL, SCREENSHOT_DIR, settled, signIn, unlabelledControls, visit } from './support/browser.mjs';

const COOPERATIVE = '青崖县高山马铃薯专业合作社';
const PRODUCT = '高山黄心土豆';
const DAY = '\\d{4}-\\d{2}-\\d{2}';

const shot = async (page, name) => {
  await settled(page);
  await page.screenshot({ path: join(SCREENSHOT_DIR, `storefront-agreement-actions-${name}.png`), fullPage: true });
};

/** The first button of the calendar matching `label` (with the day in it) for a day on or after `from`, and that day. */
async function firstFrom(page, label, from) {
  for (const button of await page.getByRole('button', { name: label }).all()) {
    const day = (await button.getAttribute('aria-label')).match(/\d{4}-\d{2}-\d{2}/)[0];
    if (day >= from) return { button, day };
  }
  throw new Error(`no button ${label} from ${from}`);
}

function addDays(day, n) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

describe('the buyer’s actions on an agreement and a commitment', () => {
  let browser;
  let page;
  let school;
  let agreement;
  let productId;

  before(async () => {
    school = await signInApi(SCHOOL.email);
    const list = await call('GET', `/api/agreements?organisationId=${school.organisationId}&pageSize=100`, school.token);
    agreement = list.items.find((a) => a.supplier.name === COOPERATIVE && a.status === 'active' && a.skuCode === 'POTATO-01-1');
    assert.ok(agreement, 'the seeded agreement with the potato cooperative is active');
    const found = await call('GET', `/api/catalog/products?q=${encodeURIComponent(PRODUCT)}`, null);
    productId = found.items.find((p) => p.nameZh === PRODUCT)?.id;
    assert.ok(productId, `${PRODUCT} is in the catalog`);
    browser = await openBrowser();
    page = await browser.newPage();
  });

  after(async () => {
    const problems = page?.problems ?? [];
    await browser?.close();
    assert.deepEqual(problems, []);
  });

  it('skips a day, proposes a substitute and an amendment, and ends the agreement early', async () => {
    await signIn(page, SCHOOL.email);
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('banner').getByRole('link', { name: '采购协议' }).click();
    await page.getByTestId('agreement-row').filter({ hasText: agreement.number }).getByRole('link', { name: agreement.number }).click();
    await page.getByRole('heading', { level: 1, name: `采购协议 ${agreement.number}` }).waitFor();
    await page.getByTestId('agreement-calendar').waitFor();
    await settled(page);

    // Skip a day a month ahead: far from the worker's generation window (4 days ahead), and from the days the portal's
    // browser test changes on this agreement later (a substitution within 20 days, a break on days 21–27).
    // The buyer's own skip takes effect at once.
    const { button: skip, day: skipped } = await firstFrom(page, new RegExp(`^跳过 ${DAY} 的送货$`), addDays(chinaToday(), 30));
    await skip.click();
    await page.getByRole('status').filter({ hasText: `已跳过 ${skipped} 的送货。` }).waitFor();
    let view = await call('GET', `/api/agreements/${agreement.id}`, school.token);
    assert.ok(view.changes.some((c) => c.deliveryDate === skipped && c.kind === 'skip' && c.status === 'accepted'), `the skip of ${skipped} is in force`);

    // Substitute the 25 kg sacks on the next day that can still change, at ¥80.00 a sack.
    await settled(page);
    const { button: substitute, day: swapped } = await firstFrom(page, new RegExp(`^为 ${DAY} 的送货换规格$`), addDays(skipped, 1));
    await substitute.click();
    const swapForm = page.getByRole('form', { name: `${swapped} 换规格送货` });
    const skuSelect = swapForm.getByLabel('替换规格（同一合作社）');
    await skuSelect.waitFor();
    const sack = await skuSelect.locator('option', { hasText: 'POTATO-01-2' }).getAttribute('value');
    await skuSelect.selectOption(sack);
    await swapForm.getByLabel('单价（元，可选）').fill('80');
    assert.deepEqual(await unlabelledControls(page), []);
    await shot(page, 'substitute.zh-CN.desktop');
    await swapForm.getByRole('button', { name: `提议 ${swapped} 换规格` }).click();
    await page.getByTestId('substitute-done').filter({ hasText: swapped }).waitFor();
    await page.getByTestId('changes-waiting-them').filter({ hasText: swapped }).waitFor();
    view = await call('GET', `/api/agreements/${agreement.id}`, school.token);
    const change = view.changes.find((c) => c.deliveryDate === swapped);
    assert.deepEqual([change.kind, change.status, change.substituteSku.code, change.unitPriceFen], ['substitute', 'proposed', 'POTATO-01-2', 8000]);

    // Amend: 25 cases a delivery, everything else as in force.
    await page.getByRole('button', { name: '提出条款修改' }).click();
    const amendForm = page.getByRole('form', { name: '修改第 1 版条款' });
    await amendForm.getByLabel('每次送货数量').fill('25');
    assert.deepEqual(await unlabelledControls(page), []);
    await shot(page, 'amend.zh-CN.desktop');
    await amendForm.getByRole('button', { name: '提交修改提案' }).click();
    await page.getByTestId('amend-done').filter({ hasText: '已提交第 2 版条款，等待合作社确认。' }).waitFor();
    await page.getByTestId('awaiting-other').filter({ hasText: '第 2 版' }).waitFor();
    view = await call('GET', `/api/agreements/${agreement.id}`, school.token);
    assert.deepEqual([view.pending.version, view.pending.quantity, view.pending.price.unitPriceFen, view.current.quantity], [2, 25, 3500, 20]);

    // End early: the notice days are the hint and the default; a confirmation names the last day. The last day is a
    // week before the period's end, so that the deliveries the other browser tests use stay.
    const earliest = addDays(chinaToday(), view.current.noticeDays);
    const lastDay = addDays(view.current.endDate, -7);
    const endForm = page.getByRole('form', { name: '提前终止' });
    await endForm.getByText(`需提前 ${view.current.noticeDays} 天通知，最早 ${earliest}`).waitFor();
    assert.equal(await endForm.getByLabel('最后送货日期').inputValue(), earliest);
    await endForm.getByLabel('最后送货日期').fill(lastDay);
    await endForm.getByLabel('终止原因').fill('学期安排调整（端到端测试）');
    await endForm.getByRole('button', { name: '提前终止协议…' }).click();
    await shot(page, 'terminate-confirm.zh-CN.desktop');
    await endForm.getByRole('button', { name: `确认终止（最后送货 ${lastDay}）` }).click();
    await page.getByTestId('agreement-termination').filter({ hasText: lastDay }).waitFor();
    view = await call('GET', `/api/agreements/${agreement.id}`, school.token);
    assert.equal(view.termination.lastDeliveryOn, lastDay);
    assert.equal(view.termination.reason, '学期安排调整（端到端测试）');

    await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
    await shot(page, 'agreement.zh-CN.desktop');
    await page.setViewportSize(PHONE);
    assert.equal(await horizontalOverflow(page), 0, 'the agreement page does not scroll sideways at 360 px');
    await shot(page, 'agreement.zh-CN.phone');
    await page.setViewportSize(DESKTOP);

    await page.getByRole('button', { name: 'English' }).first().click();
    await page.getByRole('heading', { level: 1, name: `Agreement ${agreement.number}` }).waitFor();
    await page.getByRole('heading', { name: 'Delivery changes' }).waitFor();
    await shot(page, 'agreement.en.desktop');
    await page.getByRole('button', { name: '中文' }).first().click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  });

  it('commits to a harvest from the product page, finds it under 预购 and cancels it', async () => {
    await visit(page, `/products/${productId}`);
    await settled(page);
    await page.getByTestId('commit-harvest').first().click();
    const form = page.getByRole('form', { name: '预购 — 承诺采购一季收成' });
    await form.waitFor();
    const month = await form.getByLabel('采收月份').inputValue();
    assert.match(month, /^\d{4}-\d{2}$/);
    await form.getByLabel('预购数量').fill('40');
    await form.getByLabel('目标单价（元，可选）').fill('31.5');
    await form.getByLabel('备注（可选）').fill('端到端测试预购');
    assert.deepEqual(await unlabelledControls(page), []);
    await shot(page, 'commitment-new.zh-CN.desktop');
    await form.getByRole('button', { name: '提交预购' }).click();
    await page.waitForURL((url) => /^\/commitments\/[0-9a-f-]+$/.test(url.pathname));
    const commitmentId = new URL(page.url()).pathname.split('/').pop();
    await page.getByText('预购已提交，等待合作社确认。').waitFor();
    const created = await call('GET', `/api/commitments/${commitmentId}`, school.token);
    assert.deepEqual([created.status, created.harvestMonth, created.quantity, created.targetPriceFen, created.sku.code], ['open', month, 40, 3150, 'POTATO-01-1']);

    await page.getByRole('banner').getByRole('link', { name: '采购协议' }).click();
    await page.getByRole('navigation', { name: '采购协议与预购' }).getByRole('link', { name: '预购' }).click();
    await page.getByRole('heading', { level: 1, name: '预购' }).waitFor();
    const row = page.getByTestId('commitment-row').filter({ has: page.locator(`a[href="/commitments/${commitmentId}"]`) });
    await row.waitFor();
    assert.match(await row.textContent(), /高山黄心土豆.*40.*¥31\.50.*待合作社确认/);
    // The seeded purple-skin commitment, acknowledged by the cooperative, is there too.
    await page.getByTestId('commitment-row').filter({ hasText: '紫皮土豆' }).filter({ hasText: '合作社已确认' }).waitFor();
    await shot(page, 'commitments.zh-CN.desktop');
    await page.setViewportSize(PHONE);
    assert.equal(await horizontalOverflow(page), 0, 'the commitments list does not scroll sideways at 360 px');
    await page.setViewportSize(DESKTOP);

    await row.getByRole('link').click();
    await page.getByRole('button', { name: '取消这次预购…' }).click();
    await page.getByLabel('取消原因（可选）').fill('预算调整');
    await page.getByRole('button', { name: `确认取消 ${month} 的预购` }).click();
    await page.getByTestId('commitment-status').filter({ hasText: '已取消' }).waitFor();
    assert.equal((await call('GET', `/api/commitments/${commitmentId}`, school.token)).status, 'cancelled');
    await shot(page, 'commitment-cancelled.zh-CN.desktop');
  });
});
