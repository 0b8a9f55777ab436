/**
 * 预留份额 (reserved share): the demo school (a public budget unit; its admin holds buyer_admin) opens the page
 * from the header, tries 5% (the API's 400 appears beside the share field), files its own canteen with a budget
 * and 15%, and sees the reserved amount, what counts so far and the progress with the run-rate projection.
 * Screenshots in Chinese (desktop and phone) and in English.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { horizontalOverflow, openBrowser, PHONE, SCHOOL, SCREENSHOT_DIR, settled, signIn, unlabelledControls, DESKTOP } from './support/browser.mjs';

const shot = (page, name) => page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });

describe('reserved share', () => {
  let browser;
  let page;
  before(async () => {
    browser = await openBrowser();
    page = await browser.newPage();
  });
  after(async () => {
    const problems = page.problems;
    await browser.close();
    // The refused filing's 400 is logged by the browser as a failed resource; nothing else may be.
    assert.deepEqual(
      problems.filter((p) => !/status of 400/.test(p)),
      [],
    );
  });

  it('opens from the header for the school, a public budget unit', async () => {
    await signIn(page, SCHOOL.email);
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('banner').getByRole('link', { name: '预留份额' }).click();
    await page.getByRole('heading', { level: 1, name: '预留份额' }).waitFor();
    await settled(page);
    await page.getByLabel('食堂年度食材预算（元）').waitFor();
    assert.deepEqual(await unlabelledControls(page), []);
  });

  it('shows the API’s minimum beside the share field when 5% is filed', async () => {
    await page.getByLabel('自有食堂').check();
    await page.getByLabel('食堂年度食材预算（元）').fill('1,200,000');
    const share = page.getByLabel('预留比例（%）');
    await share.fill('5');
    await page.getByRole('button', { name: /^(提交申报|保存修改)$/ }).click();
    await page.waitForFunction(() => document.querySelector('input[name="sharePercent"]')?.getAttribute('aria-invalid') === 'true');
    const describedBy = (await share.getAttribute('aria-describedby')).split(' ');
    const texts = await Promise.all(describedBy.map((id) => page.locator(`[id="${id}"]`).textContent()));
    assert.ok(texts.some((t) => /^预留比例不得低于 \d+(\.\d)?%$/.test(t)), `share field described by: ${texts.join(' | ')}`);
    assert.equal(await share.evaluate((el) => el === document.activeElement), true, 'focus moves to the share field');
  });

  it('files the own canteen at 15% and shows the reserved amount and the progress', async () => {
    await page.getByLabel('预留比例（%）').fill('15');
    await page.getByRole('button', { name: /^(提交申报|保存修改)$/ }).click();
    await page.getByTestId('reserved-share-saved').waitFor();
    await settled(page);
    assert.equal(await page.getByTestId('reserved-amount').textContent(), '¥180,000.00');
    assert.equal(await page.getByTestId('reserved-share-percent').textContent(), '15%');
    assert.match(await page.getByTestId('counted-amount').textContent(), /^¥[\d,]+\.\d\d$/);
    const bar = page.getByRole('progressbar', { name: '完成进度' });
    assert.match(await bar.getAttribute('aria-valuetext'), /^\d+\.\d\d%$/);
    assert.match(await page.getByTestId('reserved-share-projection').textContent(), /按目前进度预计全年：\s*¥[\d,]+\.\d\d（为预留金额的 \d+\.\d\d%）.*已过天数/);
    assert.match(await page.getByTestId('reserved-share-progress').textContent(), /只计入已完成的订单/);
    assert.equal(await page.getByLabel('预留比例（%）').getAttribute('aria-invalid'), null);
    await shot(page, 'reserved-share.zh-CN.desktop');
    // Read back on a fresh load: the filing is the API's, not the form's.
    await page.reload();
    await page.getByTestId('reserved-amount').filter({ hasText: '¥180,000.00' }).waitFor();
    await page.getByRole('button', { name: '保存修改' }).waitFor();
  });

  it('fits a phone and speaks English', async () => {
    await page.setViewportSize(PHONE);
    await settled(page);
    assert.equal(await horizontalOverflow(page), 0, 'the reserved-share page does not scroll sideways at 360 px');
    await shot(page, 'reserved-share.zh-CN.phone');
    await page.setViewportSize(DESKTOP);
    await page.getByRole('button', { name: 'English' }).first().click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.getByRole('heading', { level: 1, name: 'Reserved share' }).waitFor();
    await page.getByRole('progressbar', { name: 'Progress' }).waitFor();
    assert.match(await page.getByTestId('reserved-share-projection').textContent(), /amount so far ÷ days elapsed × days in the year/);
    await page.getByLabel('Share reserved (%)').waitFor();
    await shot(page, 'reserved-share.en.desktop');
    await page.getByRole('button', { name: '中文' }).first().click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  });
});
