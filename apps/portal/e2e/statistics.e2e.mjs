/**
 * The western official's statistics dashboard against the real API and worker: a school pays for an order of a
 * Yunling cooperative's product (Stripe emulator), the worker drains the outbox into the statistics (every 3 s),
 * and the month's sales on the dashboard grow by exactly the order's produce amount. The official drills down to
 * the order's lines and its counted view, and exports the month table as CSV with the screen's total. The
 * cooperative then sees the month in its own sales over time.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  apiAs,
  chinaToday,
  DESKTOP,
  eventually,
  horizontalOverflow,
  OFFICIAL_WEST,
  OPERATOR,
  openBrowser,
  PHONE,
  SCREENSHOT_DIR,
  POTATO,
  settled,
  shot,
  signIn,
  signOut,
  switchTo,
  unlabelledControls,
  visit,
} from './support/browser.mjs';

const SCHOOL = 'school@demo.shanhai.cn';
const MONTH = chinaToday().slice(0, 7);

/** "¥1,234.50" / "-¥0.05" → integer fen, by string arithmetic. */
function fenOf(text) {
  const m = /^(-?)¥([\d,]+)\.(\d{2})$/.exec(text.trim());
  assert.ok(m, `an amount: ${text}`);
  return (m[1] ? -1 : 1) * (Number(m[2].replace(/,/g, '')) * 100 + Number(m[3]));
}

/** The month row's net amount on the dashboard (0 when the month has no row yet). */
async function monthNet(page) {
  await settled(page);
  await page.getByTestId('totals-month').or(page.locator('#stats-month .ui-status--empty')).first().waitFor();
  const row = page.getByTestId(`row-month-${MONTH}`);
  if ((await row.count()) === 0) return 0;
  return fenOf(await row.getByTestId('net').textContent());
}

describe('the official’s statistics dashboard follows a paid order', () => {
  let browser;
  let page;
  let order;
  const school = apiAs(SCHOOL);
  const potato = apiAs(POTATO.email);
  const operator = apiAs(OPERATOR.email);
  const official = apiAs(OFFICIAL_WEST.email);
  let before0;

  before(async () => {
    browser = await openBrowser();
    page = await browser.newPage();
  });
  after(async () => {
    const problems = page.problems;
    await browser.close();
    assert.deepEqual(problems, []);
  });

  it('opens the dashboard of Yunling Prefecture and notes the month’s sales', async () => {
    await signIn(page, OFFICIAL_WEST.email);
    const nav = page.getByRole('navigation', { name: '门户导航' });
    await nav.getByRole('link', { name: '统计看板' }).click();
    await page.getByRole('heading', { level: 1, name: '统计看板' }).waitFor();
    await page
      .getByTestId('stats-jurisdiction')
      .getByText(/云岭州乡村振兴局（西部协作地区）/)
      .waitFor();
    // The figure switch applies at once and lands in the address.
    await page.getByLabel('统计口径').selectOption('sales');
    await page.waitForURL((url) => url.searchParams.get('figure') === 'sales');
    // Earlier files' payments may still be on their way into the statistics: note the month once the drain is idle.
    await eventually(async () => (await operator.get('/api/admin/statistics/status')).backlogEvents === 0, 'the statistics have caught up');
    await page.reload();
    before0 = await monthNet(page);
    // Western officials see counties, not cities.
    await page.getByRole('heading', { name: '按县' }).waitFor();
    // Households reached: the API's figure for the same range (each cooperative that sold, its households once).
    const from = new URL(page.url()).searchParams.get('from') ?? `${chinaToday().slice(0, 4)}-01-01`;
    const to = new URL(page.url()).searchParams.get('to') ?? chinaToday();
    const bySupplier = await official.get(`/api/stats/totals?from=${from}&to=${to}&figure=sales&groupBy=supplier`);
    assert.ok(bySupplier.reach.householdsReached > 0, 'the demo cooperatives that sold have linked households');
    await page.getByTestId('key-households').getByText(`${bySupplier.reach.householdsReached.toLocaleString('zh-CN')} 户`).waitFor();
    await page.getByTestId('key-cooperatives').getByText(`${bySupplier.reach.cooperatives} 家`).waitFor();
    assert.deepEqual(await unlabelledControls(page), []);
    await shot(page, 'stats-dashboard.zh-CN.desktop');
  });

  it('sets the yearly target in yuan and shows the progress in percent', async () => {
    const form = page.getByTestId('target-form');
    await form.getByLabel(/年目标/).fill('1,234,567.89');
    await form.getByRole('button', { name: '保存目标' }).click();
    await form.getByText('目标已保存').waitFor();
    await page.getByTestId('progress-target').getByText('¥1,234,567.89').waitFor();
    assert.match(await page.getByTestId('progress-bp').textContent(), /\d+\.\d{2}%$/);
  });

  it('a school pays for an order of a Yunling cooperative (Stripe emulator)', async () => {
    const me = await school.get('/api/auth/me');
    const organisationId = me.memberships.find((m) => m.organisationKind === 'buyer').organisationId;
    const [site] = await school.get(`/api/organisations/${organisationId}/delivery-sites`);
    const potatoMe = await potato.get('/api/auth/me');
    const supplierId = potatoMe.memberships.find((m) => m.organisationKind === 'supplier').organisationId;
    const products = await potato.get(`/api/suppliers/${supplierId}/products`);
    let sku = null;
    for (const p of products.filter((x) => x.status === 'active' && x.visible)) {
      const detail = await potato.get(`/api/catalog/products/${p.id}`);
      sku = detail.skus.find((s) => s.active && s.stockUnits >= s.minOrderQuantity + s.orderMultiple) ?? null;
      if (sku) break;
    }
    assert.ok(sku, 'a demo SKU of potato@ on sale');
    const quantity = Math.max(sku.minOrderQuantity, sku.orderMultiple);
    order = await school.post('/api/orders', {
      organisationId,
      deliverySiteId: site.id,
      deliveryDate: chinaToday(sku.leadTimeDays + 3),
      paymentMethod: 'card',
      lines: [{ skuId: sku.id, quantity }],
    });
    assert.ok(order.produceFen > 0);
    const checkout = await school.post(`/api/orders/${order.id}/payment`, {});
    const paid = await fetch(new URL(`/__emulator/checkout/sessions/${checkout.sessionId}/pay`, process.env.STRIPE_EMULATOR_URL), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ payment_method_type: 'card' }),
    });
    assert.ok(paid.ok, `the emulator paid the session: ${paid.status}`);
    await eventually(async () => (await school.get(`/api/orders/${order.id}`)).paymentStatus === 'paid', 'the order is paid');
  });

  it('sees the month’s sales grow by exactly the order’s produce amount once the worker has run', async () => {
    const grown = await eventually(
      async () => {
        await page.reload();
        const now = await monthNet(page);
        return now !== before0 ? now : null;
      },
      'the dashboard shows the new sale',
      60_000,
    );
    assert.equal(grown - before0, order.produceFen, 'the month grew by the produce amount, without the delivery fee');
    await shot(page, 'stats-dashboard-after.zh-CN.desktop');
  });

  it('drills down from the month to the order’s lines and to the order as counted', async () => {
    await page.getByTestId(`row-month-${MONTH}`).getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: '订单明细' }).waitFor();
    await settled(page);
    const line = page.getByTestId('stats-line').filter({ hasText: order.number });
    assert.ok((await line.count()) >= 1, 'the order’s line is behind the month');
    // The row's total on the drill-down is the dashboard's.
    const total = fenOf(await page.getByTestId('lines-total').locator('.ui-price').textContent());
    assert.ok(total >= order.produceFen);
    await shot(page, 'stats-lines.zh-CN.desktop');
    await line.first().getByRole('link', { name: order.number }).click();
    await page.getByRole('heading', { level: 1, name: `订单 ${order.number} 的统计` }).waitFor();
    await settled(page);
    await page.locator('#order-sales').getByTestId('stats-line').first().waitFor();
    await page.getByText('这张订单还没有计入帮扶认定金额（尚未完成）').waitFor();
    await shot(page, 'stats-order.zh-CN.desktop');
    await page.getByRole('link', { name: '返回统计看板' }).click();
    await page.getByRole('heading', { level: 1, name: '统计看板' }).waitFor();
  });

  it('exports the month table as CSV with the screen’s total', async () => {
    await visit(page, `/stats?figure=sales`);
    await settled(page);
    const screenTotal = fenOf(await page.getByTestId('total-month').getByTestId('net').textContent());
    const downloaded = page.waitForEvent('download');
    await page.getByTestId('export-month-csv').click();
    const download = await downloaded;
    const csv = readFileSync(await download.path(), 'utf8');
    assert.ok(csv.startsWith('\uFEFF'), 'UTF-8 with BOM');
    const totalRow = csv.trim().split(/\r?\n/).pop().split(',');
    assert.equal(totalRow[0], 'total');
    assert.equal(Number(totalRow[5]), screenTotal, 'the file’s net total is the screen’s');
    assert.match(download.suggestedFilename(), /^shanhai-sales-month-.*\.csv$/);
    await page.getByTestId('export-month-csv').filter({ hasText: '导出 CSV' }).waitFor();
  });

  it('reads in English and on a phone', async () => {
    await switchTo(page, 'en');
    await page.getByRole('heading', { level: 1, name: 'Statistics' }).waitFor();
    await page.getByRole('heading', { name: 'By county' }).waitFor();
    await shot(page, 'stats-dashboard.en.desktop');
    await page.setViewportSize(PHONE);
    await shot(page, 'stats-dashboard.en.phone');
    // The full page is too tall to read at 360 px: one screen of the month's chart and table as well.
    await page.locator('#stats-month').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'portal-stats-month.en.phone.png') });
    assert.equal(await horizontalOverflow(page), 0, 'the dashboard does not scroll sideways at 360 px');
    await page.setViewportSize(DESKTOP);
    await switchTo(page, 'zh-CN');
    await signOut(page);
  });

  it('the cooperative sees the month in its own sales over time', async () => {
    await signIn(page, POTATO.email);
    await visit(page, '/money?figure=sales');
    await page.getByTestId('cooperative-sales').waitFor();
    await settled(page);
    const row = page.getByTestId(`row-month-${MONTH}`);
    await row.waitFor();
    const monthFen = fenOf(await row.getByTestId('net').textContent());
    assert.ok(monthFen >= order.produceFen, 'a non-zero month with the order in it');
    await shot(page, 'money-sales.zh-CN.desktop');
    // Its own drill-down: the month's lines are its own, they sum to the row, and the order links to its own page.
    await row.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: '订单明细' }).waitFor();
    await settled(page);
    assert.equal(fenOf(await page.getByTestId('lines-total').locator('.ui-price').textContent()), monthFen);
    const line = page.getByTestId('stats-line').filter({ hasText: order.number }).first();
    await line.waitFor();
    await shot(page, 'money-lines.zh-CN.desktop');
    await line.getByRole('link', { name: order.number }).click();
    await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1 }).waitFor();
    // And its own export, with the screen's total.
    await visit(page, '/money?figure=sales');
    await settled(page);
    const screenTotal = fenOf(await page.getByTestId('total-month').getByTestId('net').textContent());
    const downloaded = page.waitForEvent('download');
    await page.getByTestId('export-month-csv').click();
    const csv = readFileSync(await (await downloaded).path(), 'utf8');
    const totalRow = csv.trim().split(/\r?\n/).pop().split(',');
    assert.deepEqual([totalRow[0], Number(totalRow[5])], ['total', screenTotal]);
  });
});
