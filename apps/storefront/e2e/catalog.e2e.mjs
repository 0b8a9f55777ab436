/** Anonymous buyers browsing and searching the catalog, against the real API and demo data. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openBrowser, settled, visit } from './support/browser.mjs';

describe('catalog, signed out', () => {
  let browser;
  let page;
  before(async () => {
    browser = await openBrowser();
    page = await browser.newPage();
  });
  after(async () => {
    assert.deepEqual(page.problems, [], 'no console errors or uncaught exceptions');
    await browser.close();
  });

  it('home shows the pairing with its counties, seasonal and certified products', async () => {
    await visit(page, '/');
    await page.getByRole('heading', { name: '东西部协作结对县' }).waitFor();
    const pairing = page.getByTestId('pairing').first();
    await pairing.getByText('东澜市—云岭州东西部协作').waitFor();
    assert.equal(await pairing.getByRole('link', { name: /青崖县/ }).getAttribute('href'), '/browse?county=629801');
    await page.getByRole('region', { name: /当季产品/ }).getByRole('listitem').first().waitFor();
    const certified = page.getByRole('region', { name: '认定帮扶产品' });
    assert.ok((await certified.getByRole('listitem').count()) > 0);
  });

  it('browses all products: a count, a page of cards and pagination', async () => {
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '全部产品' }).click();
    await page.waitForURL(/\/browse$/);
    await settled(page);
    const count = await page.getByText(/^共 \d+ 件产品$/).textContent();
    const total = Number(count.match(/\d+/)[0]);
    assert.ok(total >= 24, `expected the demo's products, got ${count}`);
    assert.equal(await page.getByRole('list', { name: '产品列表' }).getByRole('listitem').count(), 24);
    await page.getByRole('navigation', { name: '分页' }).getByRole('link', { name: '下一页' }).click();
    await page.waitForURL(/page=2/);
  });

  it('finds potatoes by "土豆"', async () => {
    await page.getByLabel('搜索产品').fill('土豆');
    await page.getByRole('search').getByRole('button', { name: '搜索' }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === '土豆');
    await settled(page);
    const names = await page.getByRole('list', { name: '产品列表' }).getByRole('heading').allTextContents();
    assert.ok(names.includes('高山黄心土豆'), `got ${names.join(', ')}`);
    assert.ok(names.every((n) => /土豆|马铃薯/.test(n)), `only potatoes expected, got ${names.join(', ')}`);
  });

  it('finds the same potatoes by pinyin "tudou"', async () => {
    await visit(page, '/browse?q=tudou');
    await settled(page);
    const names = await page.getByRole('list', { name: '产品列表' }).getByRole('heading').allTextContents();
    assert.ok(names.includes('高山黄心土豆'), `got ${names.join(', ')}`);
    assert.ok(names.every((n) => /土豆|马铃薯/.test(n)));
  });

  it('narrows the results with a facet, and the URL says so', async () => {
    await visit(page, '/browse');
    await settled(page);
    const before = Number((await page.getByText(/^共 \d+ 件产品$/).textContent()).match(/\d+/)[0]);
    await page.getByRole('region', { name: '品类' }).getByRole('link', { name: /^薯类/ }).click();
    await page.waitForURL((url) => url.searchParams.get('category') === 'potatoes');
    await settled(page);
    const after = Number((await page.getByText(/^共 \d+ 件产品$/).textContent()).match(/\d+/)[0]);
    assert.ok(after > 0 && after < before, `expected fewer than ${before}, got ${after}`);
    await page.getByRole('link', { name: /移除条件：薯类/ }).waitFor();

    // The box reflects the URL: ticking it navigates, and it shows ticked once the new page renders
    // (Playwright's check() would insist on the state changing within the click itself).
    await page.getByLabel(/只看认定帮扶产品/).click();
    await page.waitForURL((url) => url.searchParams.get('certified') === 'true' && url.searchParams.get('category') === 'potatoes');

    await settled(page);
    assert.equal(await page.getByLabel(/只看认定帮扶产品/).isChecked(), true);

    // The link reproduces the page: open it afresh.
    await visit(page, new URL(page.url()).pathname + new URL(page.url()).search);
    await settled(page);
    assert.equal(await page.getByLabel(/只看认定帮扶产品/).isChecked(), true);
  });

  it('opens a product page with its certificate and tier table', async () => {
    await visit(page, '/browse?q=%E9%BB%84%E5%BF%83%E5%9C%9F%E8%B1%86');
    await page.getByRole('link', { name: '高山黄心土豆' }).click();
    await page.waitForURL(/\/products\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: '高山黄心土豆' }).waitFor();

    const certificate = page.getByRole('region', { name: '帮扶产品认定' });
    assert.match(await certificate.getByTestId('certificate-number').textContent(), /^云岭帮认〔\d{4}〕\d{4}号$/);
    await certificate.getByText('认定有效').waitFor();
    await certificate.getByText('云岭州乡村振兴局').waitFor();

    const origin = await page.getByRole('list', { name: '产地' }).getByRole('listitem').allTextContents();
    assert.deepEqual(origin, ['甘肃省', '云岭州', '青崖县']);

    const tiers = page.getByTestId('tier-table').first();
    const rows = await tiers.locator('tbody tr').allTextContents();
    assert.deepEqual(rows, ['5 – 49¥38.00', '50 – 199¥35.00', '200 及以上¥32.00']);
    await page.getByRole('table', { name: '采收批次（可追溯）' }).first().waitFor();
    await page.getByRole('region', { name: '供应商' }).getByText('青崖县高山马铃薯专业合作社').waitFor();
  });

  it('says so when a search finds nothing', async () => {
    await visit(page, '/browse?q=%E6%A6%B4%E8%8E%B2');
    await page.getByText('没有找到符合条件的产品').waitFor();
  });
});
