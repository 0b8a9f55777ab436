/**
 * An order above the approval threshold: the enterprise's purchaser pastes a quick order, checks out and is told
 * the order will wait; the enterprise's approver finds it in the queue (header count), approves it from the
 * keyboard, and the order moves on to payment. The threshold is set through the API as the buyer admin would,
 * and removed afterwards. Screenshots of the quick-order report, the checkout notice and the queue.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { call, signInApi } from './support/api.mjs';
import { DESKTOP, horizontalOverflow, openBrowser, PHONE, SCREENSHOT_DIR, settled, signIn, unlabelledControls, visit } from './support/browser.mjs';

const PURCHASER = 'enterprise@demo.shanhai.cn';
const APPROVER = 'enterprise-approver@demo.shanhai.cn';
const shot = (page, name) => page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });

async function switchTo(page, language) {
  await page.getByRole('button', { name: language === 'en' ? 'English' : '中文' }).first().click();
  await page.waitForFunction((l) => document.documentElement.lang === l, language);
}

describe('an order above the approval threshold', () => {
  let browser;
  let page;
  let admin;
  let orderPath;
  before(async () => {
    admin = await signInApi(PURCHASER);
    // ¥100: any real order of the enterprise now waits for its approver.
    await call('PUT', `/api/organisations/${admin.organisationId}/purchasing`, admin.token, { approvalThresholdFen: 10_000 });
    browser = await openBrowser();
    page = await browser.newPage();
  });
  after(async () => {
    const problems = page.problems;
    await browser.close();
    await call('PUT', `/api/organisations/${admin.organisationId}/purchasing`, admin.token, { approvalThresholdFen: null });
    assert.deepEqual(problems, []);
  });

  it('adds pasted lines to the cart and reports the one it could not add', async () => {
    await signIn(page, PURCHASER);
    await page.waitForURL((url) => url.pathname === '/');
    await visit(page, '/cart');
    await settled(page);
    await page.getByLabel('SKU 编号和数量').fill('SKU,数量\nPOTATO-01-1,10\nNOPE-9,1');
    await page.getByRole('button', { name: '加入购物车' }).click();
    const report = page.getByTestId('cart-report');
    await report.getByRole('heading', { name: '粘贴结果：1 行已加入，1 行未加入' }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'cart-report-title', 'focus lands on the report');
    assert.match(await report.getByTestId('cart-report-line').nth(1).textContent(), /NOPE-9.*未加入：unknown SKU/);
    assert.equal(await page.getByLabel('SKU 编号和数量').inputValue(), 'NOPE-9,1', 'only the refused line stays to be corrected');
    await page.getByTestId('cart-line').first().waitFor();
    await page.getByRole('banner').getByTestId('cart-count').filter({ hasText: '1' }).waitFor();
    assert.deepEqual(await unlabelledControls(page), []);
    await shot(page, 'quick-order.zh-CN.desktop');
    await page.setViewportSize(PHONE);
    assert.equal(await horizontalOverflow(page), 0, 'the cart with its report does not scroll sideways at 360 px');
    await shot(page, 'quick-order.zh-CN.phone');
    await page.setViewportSize(DESKTOP);
  });

  it('tells the purchaser at checkout that the order will wait for approval, and places it', async () => {
    await page.getByRole('link', { name: '去结算' }).click();
    await page.getByRole('heading', { level: 1, name: '结算' }).waitFor();
    await settled(page);
    await page.getByTestId('needs-approval').waitFor();
    assert.match(await page.getByTestId('needs-approval').textContent(), /审批额度（¥100\.00）/);
    assert.equal(await page.getByLabel(/^对公转账/).count(), 0, 'no invoice without net terms');
    await shot(page, 'checkout-approval.zh-CN.desktop');
    await page.getByRole('button', { name: '提交订单' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/orders/'));
    orderPath = new URL(page.url()).pathname;
    await page.getByTestId('order-status').filter({ hasText: '待审批' }).waitFor();
    await page.getByText('本订单的货款超过审批额度，正在等待本单位审批人批准。').waitFor();
    // The purchaser cannot approve their own order.
    assert.equal(await page.getByRole('button', { name: /^批准订单/ }).count(), 0);
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByRole('banner').getByRole('link', { name: '登录' }).waitFor();
  });

  it('shows the approver the queue and lets them approve from the keyboard', async () => {
    await signIn(page, APPROVER);
    await page.waitForURL((url) => url.pathname === '/');
    const link = page.getByRole('banner').getByTestId('approvals-link');
    await page.getByRole('banner').getByTestId('approvals-count').filter({ hasText: '1' }).waitFor();
    assert.equal(await page.getByRole('banner').getByTestId('cart-link').count(), 0, 'an approver has no cart');
    await link.click();
    await page.getByRole('heading', { level: 1, name: '待审批订单' }).waitFor();
    await settled(page);
    const card = page.getByTestId('approval-card').filter({ has: page.locator(`a[href="${orderPath}"]`) });
    await card.waitFor();
    assert.match(await card.textContent(), /东澜数智科技有限公司 采购员/);
    assert.deepEqual(await unlabelledControls(page), []);
    await shot(page, 'approvals.zh-CN.desktop');
    await page.setViewportSize(PHONE);
    assert.equal(await horizontalOverflow(page), 0, 'the queue does not scroll sideways at 360 px');
    await shot(page, 'approvals.zh-CN.phone');
    await page.setViewportSize(DESKTOP);
    await switchTo(page, 'en');
    await page.getByRole('heading', { level: 1, name: 'Orders awaiting approval' }).waitFor();
    await shot(page, 'approvals.en.desktop');
    await switchTo(page, 'zh-CN');

    // Keyboard: from the order's link, Tab reaches "approve", which shows the focus ring; Enter approves.
    await card.locator(`a[href="${orderPath}"]`).focus();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      const style = el ? getComputedStyle(el) : null;
      return { label: el?.getAttribute('aria-label'), outline: style ? `${style.outlineStyle} ${style.outlineWidth}` : null };
    });
    assert.match(focused.label ?? '', /^批准订单 SH/);
    assert.equal(focused.outline, 'solid 3px', 'the focused button shows the 3 px focus ring');
    await page.keyboard.press('Enter');
    await page.getByTestId('approval-outcome').filter({ hasText: '已批准' }).waitFor();
    // Focus goes to what happened, not to the page's top, when the approved card leaves the queue.
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'approval-outcome');
    await page.getByText('没有等待审批的订单。').waitFor();
    await page.getByRole('banner').getByTestId('approvals-count').filter({ hasText: '0' }).waitFor();
  });

  it('moves the approved order on to payment, naming the approver', async () => {
    await visit(page, orderPath);
    await settled(page);
    await page.getByTestId('order-status').filter({ hasText: '待付款' }).waitFor();
    await page.getByText('东澜数智科技有限公司 审批人').first().waitFor();
    await shot(page, 'order-approved.zh-CN.desktop');
  });
});
