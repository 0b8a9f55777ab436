/** Signing in and out as a demo buyer, against the real API. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_PASSWORD, openBrowser, SCHOOL, signIn, visit } from './support/browser.mjs';

describe('buyer account', () => {
  let browser;
  let page;
  before(async () => {
    browser = await openBrowser();
    page = await browser.newPage();
  });
  after(async () => {
    // A failed sign-in is answered 400/401: Chromium logs those responses, which is expected here.
    assert.deepEqual(page.problems.filter((p) => !/status of 40[01]/.test(p)), []);
    await browser.close();
  });

  it('shows the API’s field problem beside the email field', async () => {
    await signIn(page, 'school@demo', DEMO_PASSWORD);
    const email = page.getByLabel('邮箱');
    await page.getByText('email must be an email address').waitFor();
    assert.equal(await email.getAttribute('aria-invalid'), 'true');
  });

  it('refuses a wrong password without saying which part was wrong', async () => {
    await signIn(page, SCHOOL.email, 'not-the-password');
    assert.equal(await page.getByRole('alert').textContent(), '邮箱或密码不正确。');
  });

  it('signs in as the school purchaser and shows the organisation in the header', async () => {
    await signIn(page, SCHOOL.email);
    await page.waitForURL((url) => url.pathname === '/');
    assert.equal(await page.getByTestId('organisation-name').textContent(), SCHOOL.organisation);
    await page.getByRole('heading', { name: '您所在城市的结对县' }).waitFor();
    await page.getByText('您的城市').waitFor();
  });

  it('stays signed in on reload and in a new tab', async () => {
    await page.reload();
    await page.getByTestId('organisation-name').waitFor();
    const tab = await browser.newPage();
    await visit(tab, '/browse');
    assert.equal(await tab.getByTestId('organisation-name').textContent(), SCHOOL.organisation);
    await tab.close();
  });

  it('signs out', async () => {
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByRole('banner').getByRole('link', { name: '登录' }).waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem('shanhai.session')), null);
  });
});
