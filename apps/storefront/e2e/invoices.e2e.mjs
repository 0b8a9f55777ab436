/**
 * Paying on net terms: the government canteen (approved for 30-day terms in the demo) is offered invoice at
 * checkout, places an order on it, and finds the invoice under "Invoices" and on the order. When the worker runs
 * (scripts/e2e.mjs starts one) it issues the invoice through the Stripe emulator within seconds: number, due date,
 * document; without it the invoice stays "being issued" and the test accepts that. The order is for buckwheat, so
 * that the potato cooperative's lists (the portal's tests) see only their own orders.
 * Screenshots of the invoice list and the invoice, in both languages.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DESKTOP, horizontalOverflow, openBrowser, PHONE, SCREENSHOT_DIR, settled, signIn, unlabelledControls, visit } from './support/browser.mjs';

const CANTEEN = 'canteen@demo.shanhai.cn';
const shot = (page, name) => page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });

async function switchTo(page, language) {
  await page.getByRole('button', { name: language === 'en' ? 'English' : '中文' }).first().click();
  await page.waitForFunction((l) => document.documentElement.lang === l, language);
}

describe('paying by invoice on net terms', () => {
  let browser;
  let page;
  let orderPath;
  before(async () => {
    browser = await openBrowser();
    page = await browser.newPage();
  });
  after(async () => {
    const problems = page.problems;
    await browser.close();
    assert.deepEqual(problems, []);
  });

  it('offers invoice with the organisation’s terms at checkout and opens the order at once', async () => {
    await signIn(page, CANTEEN);
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('banner').getByRole('link', { name: '发票' }).waitFor();
    await visit(page, '/cart');
    await settled(page);
    await page.getByLabel('SKU 编号和数量').fill('BUCKWHEAT-01-2,10');
    await page.getByRole('button', { name: '加入购物车' }).click();
    await page.getByTestId('cart-report').waitFor();
    await page.getByRole('link', { name: '去结算' }).click();
    await page.getByRole('heading', { level: 1, name: '结算' }).waitFor();
    await settled(page);
    const invoice = page.getByLabel(/^对公转账（账期）/);
    assert.match(await page.locator('label', { has: invoice }).textContent(), /账期 30 天/);
    await invoice.check();
    assert.deepEqual(await unlabelledControls(page), []);
    await shot(page, 'checkout-invoice.zh-CN.desktop');
    await page.getByRole('button', { name: '提交订单' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/orders/'));
    orderPath = new URL(page.url()).pathname;
    await page.getByTestId('order-status').filter({ hasText: '进行中' }).waitFor();
    await page.getByTestId('order-invoice').waitFor();
    await settled(page);
    await shot(page, 'order-invoice.zh-CN.desktop');
  });

  it('lists the invoice and shows it, in Chinese and in English', async () => {
    await page.getByRole('banner').getByRole('link', { name: '发票' }).click();
    await page.getByRole('heading', { level: 1, name: '发票' }).waitFor();
    await settled(page);
    const row = page.getByTestId('invoice-row').filter({ has: page.locator(`a[href="${orderPath}"]`) });
    await row.waitFor();
    // Give the worker a moment to issue it (reading the list again, as a buyer would reload).
    for (let tries = 0; tries < 10 && /待开具/.test(await row.textContent()); tries++) {
      await page.waitForTimeout(2000);
      await page.reload();
      await settled(page);
    }
    const issued = /待付款/.test(await row.textContent());
    assert.match(await row.textContent(), issued ? /待付款.*2\d{3}-\d{2}-\d{2}/ : /待开具/);
    assert.deepEqual(await unlabelledControls(page), []);
    await shot(page, 'invoices.zh-CN.desktop');
    await page.setViewportSize(PHONE);
    assert.equal(await horizontalOverflow(page), 0, 'the invoice list does not scroll sideways at 360 px');
    await shot(page, 'invoices.zh-CN.phone');
    await page.setViewportSize(DESKTOP);
    await switchTo(page, 'en');
    await page.getByRole('heading', { level: 1, name: 'Invoices' }).waitFor();
    await shot(page, 'invoices.en.desktop');
    await switchTo(page, 'zh-CN');

    await row.getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: issued ? /^发票 \S+$/ : '发票（待开具）' }).waitFor();
    await settled(page);
    assert.equal(await page.getByTestId('invoice-status').textContent(), issued ? '待付款' : '待开具');
    if (issued) {
      await page.getByText('请在到期日前按发票上的银行账户转账，并在附言中填写发票号。').waitFor();
      assert.equal(await page.getByRole('link', { name: /^查看发票原件/ }).getAttribute('target'), '_blank');
    }
    await page.getByText('没有红字发票。').waitFor();
    assert.equal(await page.getByRole('main').locator(`a[href="${orderPath}"]`).count(), 1, 'the invoice links its order');
    await shot(page, 'invoice.zh-CN.desktop');
    await page.setViewportSize(PHONE);
    assert.equal(await horizontalOverflow(page), 0, 'the invoice does not scroll sideways at 360 px');
    await shot(page, 'invoice.zh-CN.phone');
    await page.setViewportSize(DESKTOP);
    await switchTo(page, 'en');
    await page.getByRole('heading', { level: 1, name: issued ? /^Invoice \S+$/ : 'Invoice (being issued)' }).waitFor();
    await shot(page, 'invoice.en.desktop');
    await switchTo(page, 'zh-CN');
  });
});
