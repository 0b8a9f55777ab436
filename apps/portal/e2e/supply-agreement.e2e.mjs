/**
 * One procurement agreement (订单式销售) end to end, across both front ends, against the real API and worker: the
 * school's admin proposes a standing order for a potato@ SKU from its product page in the storefront; the cooperative
 * accepts version 1 in the portal; the school sees it active with its upcoming deliveries, and — the first delivery
 * falling inside its generation window — the worker's order linked from the delivery calendar.
 * Runs after the portal's other files (it holds stock and generates an order they do not expect).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { apiAs, chinaToday, DEMO_PASSWORD, eventually, openBrowser, POTATO, SCREENSHOT_DIR, settled, shot, signIn, unlabelledControls } from './support/browser.mjs';

const STOREFRONT_URL = process.env.STOREFRONT_URL;
const SCHOOL = 'school@demo.shanhai.cn';
const PRODUCT = '青崖马铃薯 (土豆) 大个';

async function storefront(page, path) {
  await page.goto(new URL(path, STOREFRONT_URL).toString());
  await page.getByRole('main').waitFor();
}

async function storefrontShot(page, name) {
  await settled(page);
  await page.screenshot({ path: join(SCREENSHOT_DIR, `storefront-${name}.png`), fullPage: true });
}

describe('a procurement agreement from proposal to its first generated order', { skip: !STOREFRONT_URL && 'STOREFRONT_URL is not set' }, () => {
  let browser;
  let buyerPage;
  let coopPage;
  let productId;
  let agreementId;
  let agreementNumber;
  const school = apiAs(SCHOOL);

  before(async () => {
    browser = await openBrowser();
    buyerPage = await browser.newPage();
    coopPage = await browser.newPage();
    const found = await school.get(`/api/catalog/products?q=${encodeURIComponent('大个')}`);
    const product = found.items.find((p) => p.nameZh === PRODUCT);
    assert.ok(product, `${PRODUCT} is in the catalog`);
    productId = product.id;
  });

  after(async () => {
    await browser?.close();
  });

  it('the school proposes an agreement from the product page', async () => {
    await storefront(buyerPage, `/sign-in?next=${encodeURIComponent(`/products/${productId}`)}`);
    await buyerPage.getByLabel(/^(邮箱|Email)$/).fill(SCHOOL);
    await buyerPage.getByLabel(/^(密码|Password)$/).fill(DEMO_PASSWORD);
    await buyerPage.locator('form').getByRole('button', { name: /^(登录|Sign in)$/ }).click();
    await buyerPage.waitForURL((url) => url.pathname === `/products/${productId}`);
    await buyerPage.getByTestId('propose-agreement').first().click();
    await buyerPage.waitForURL((url) => url.pathname === '/agreements/new');
    await buyerPage.getByRole('heading', { level: 1, name: '签订采购协议' }).waitFor();
    assert.deepEqual(await unlabelledControls(buyerPage), []);

    // The first delivery inside its generation window: lead time 2 days, orders generated 4 days ahead by default.
    const start = chinaToday(3);
    const form = buyerPage.getByRole('form', { name: '签订采购协议' });
    await form.getByLabel('每次送货数量').fill('2');
    await form.getByLabel('单价（元）').fill('45.5');
    for (const day of ['周二', '周三', '周五', '周六', '周日']) await form.getByLabel(day, { exact: true }).check();
    await form.getByLabel('开始日期').fill(start);
    await form.getByLabel('结束日期').fill(chinaToday(9));
    await form.getByLabel('备注（可选）').fill('食堂每日到货，端到端测试');
    await storefrontShot(buyerPage, 'agreement-propose-zh');
    await form.getByRole('button', { name: '提交协议提案' }).click();

    await buyerPage.waitForURL((url) => /^\/agreements\/[0-9a-f-]+$/.test(url.pathname));
    agreementId = new URL(buyerPage.url()).pathname.split('/').pop();
    await buyerPage.getByTestId('awaiting-other').waitFor();
    assert.match(await buyerPage.getByTestId('awaiting-other').textContent(), /等待合作社确认第 1 版条款/);
    agreementNumber = (await buyerPage.getByRole('heading', { level: 1 }).textContent()).replace('采购协议 ', '').trim();
    assert.match(agreementNumber, /^AG\d{8}-/);
    const view = await school.get(`/api/agreements/${agreementId}`);
    assert.equal(view.status, 'proposed');
    assert.equal(view.pending.price.unitPriceFen, 4550);
    assert.deepEqual(view.pending.schedule.weekdays, [1, 2, 3, 4, 5, 6, 7]);
    await storefrontShot(buyerPage, 'agreement-proposed-zh');
    assert.deepEqual(buyerPage.problems, []);
  });

  it('the cooperative accepts version 1 in the portal', async () => {
    await signIn(coopPage, POTATO.email);
    await coopPage.getByRole('navigation', { name: '门户导航' }).getByRole('link', { name: '采购协议' }).click();
    const row = coopPage.getByTestId('agreement-row').filter({ hasText: agreementNumber });
    await row.getByText('待本社确认').waitFor();
    await shot(coopPage, 'agreements-zh');
    await row.getByRole('link', { name: agreementNumber }).click();
    await coopPage.getByRole('button', { name: '接受第 1 版条款' }).waitFor();
    assert.deepEqual(await unlabelledControls(coopPage), []);
    await shot(coopPage, 'agreement-decision-zh');
    await coopPage.getByLabel('决定说明（可选）').fill('按约定每日发货');
    await coopPage.getByRole('button', { name: '接受第 1 版条款' }).click();
    await coopPage.getByRole('status').filter({ hasText: '已接受，协议生效。' }).waitFor();
    assert.equal((await school.get(`/api/agreements/${agreementId}`)).status, 'active');
    assert.deepEqual(coopPage.problems, []);
  });

  it('the school sees it active, its upcoming deliveries, and the worker’s order in the calendar', async () => {
    await storefront(buyerPage, `/agreements/${agreementId}`);
    await buyerPage.getByText('执行中', { exact: true }).first().waitFor();
    const upcoming = buyerPage.getByTestId('agreement-upcoming').getByRole('listitem');
    await upcoming.first().waitFor();
    assert.ok((await upcoming.count()) >= 1);
    assert.match(await upcoming.first().textContent(), new RegExp(chinaToday(3)));

    // The acceptance queued generation; the worker writes the first delivery's order (its window is open).
    const first = chinaToday(3);
    const orderLink = await eventually(async () => {
      await storefront(buyerPage, `/agreements/${agreementId}`);
      const link = buyerPage.getByTestId(`delivery-${first}`).getByRole('link');
      await buyerPage.getByTestId('agreement-calendar').waitFor();
      return (await link.count()) > 0 ? link : null;
    }, 'the first delivery’s generated order', 90_000);
    assert.match(await buyerPage.getByTestId(`delivery-${first}`).textContent(), /已生成订单/);
    await storefrontShot(buyerPage, 'agreement-active-zh');

    const orderNumber = (await orderLink.textContent()).trim();
    await orderLink.click();
    await buyerPage.getByRole('heading', { level: 1 }).filter({ hasText: orderNumber }).waitFor();

    // English, as a returning visitor who chose it.
    await buyerPage.evaluate(() => localStorage.setItem('shanhai.language', 'en'));
    await storefront(buyerPage, `/agreements/${agreementId}`);
    await buyerPage.getByRole('heading', { level: 1, name: `Agreement ${agreementNumber}` }).waitFor();
    await buyerPage.getByRole('heading', { name: 'Delivery calendar' }).waitFor();
    await storefrontShot(buyerPage, 'agreement-active-en');
    await buyerPage.evaluate(() => localStorage.setItem('shanhai.language', 'zh-CN'));
    assert.deepEqual(buyerPage.problems, []);
  });
});
