/** The language switch: English labels and product names, remembered across visits. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openBrowser, SCHOOL, settled, signIn, visit } from './support/browser.mjs';

describe('language', () => {
  let browser;
  let page;
  before(async () => {
    browser = await openBrowser();
    page = await browser.newPage();
  });
  after(async () => {
    assert.deepEqual(page.problems, []);
    await browser.close();
  });

  it('starts in Chinese and switches to English labels', async () => {
    await visit(page, '/');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'All products' }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Buy from the counties your city is paired with' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.equal(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed'), 'true');
  });

  it('shows English product names and facet labels', async () => {
    await page.getByLabel('Search products').fill('tudou');
    await page.getByRole('search').getByRole('button', { name: 'Search' }).click();
    await settled(page);
    await page.getByRole('heading', { level: 1, name: 'Results for “tudou”' }).waitFor();
    const names = await page.getByRole('list', { name: 'Products' }).getByRole('heading').allTextContents();
    assert.ok(names.includes('Highland yellow-flesh potatoes'), `got ${names.join(', ')}`);
    await page.getByRole('region', { name: 'Category' }).getByRole('link', { name: /^Potatoes and tubers/ }).waitFor();
    await page.getByLabel('Sort by').waitFor();
  });

  it('shows the product page in English', async () => {
    await page.getByRole('link', { name: 'Highland yellow-flesh potatoes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Highland yellow-flesh potatoes' }).waitFor();
    await page.getByRole('region', { name: 'Assistance product certificate' }).getByText('Certificate in force').waitFor();
    await page.getByRole('table', { name: 'Tier prices (per 10 kg case)' }).waitFor();
    const origin = await page.getByRole('list', { name: 'Origin' }).getByRole('listitem').allTextContents();
    assert.deepEqual(origin.slice(1), ['Yunling Prefecture', 'Qingya County']);
  });

  it('remembers English on the next visit, and names the organisation in English', async () => {
    await signIn(page, SCHOOL.email);
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('heading', { name: "Your city's paired counties" }).waitFor();
    await page.getByTestId('organisation-name').getByText(SCHOOL.organisationEn).waitFor();
    await page.getByText('Qingya County').first().waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).waitFor();
  });

  it('switches back to Chinese', async () => {
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('navigation', { name: '主导航' }).waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem('shanhai.language')), 'zh-CN');
  });
});
