/**
 * Screenshots of the main pages in both languages on a desktop and a 360 px phone, into
 * test-results/screenshots/ (git-ignored), with the checks a screenshot cannot make by eye: nothing scrolls
 * sideways on the phone, every form control has a label, no console errors.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DESKTOP, horizontalOverflow, openBrowser, PHONE, SCHOOL, SCREENSHOT_DIR, settled, signIn, unlabelledControls, useLanguage, visit } from './support/browser.mjs';

const LANGUAGES = ['zh-CN', 'en'];
const VIEWPORTS = { desktop: DESKTOP, phone: PHONE };

describe('screenshots of the main pages', () => {
  let browser;
  let productPath;
  before(async () => {
    browser = await openBrowser();
    const page = await browser.newPage();
    await visit(page, '/browse?q=%E9%BB%84%E5%BF%83%E5%9C%9F%E8%B1%86');
    productPath = await page.getByRole('link', { name: '高山黄心土豆' }).getAttribute('href');
    await page.close();
  });
  after(async () => {
    await browser.close();
  });

  const pages = () => ({
    home: '/',
    browse: '/browse',
    search: '/browse?q=%E5%9C%9F%E8%B1%86&certified=true',
    product: productPath,
    'sign-in': '/sign-in',
  });

  for (const language of LANGUAGES) {
    for (const [device, viewport] of Object.entries(VIEWPORTS)) {
      it(`${language} on a ${device} (${viewport.width} px)`, async () => {
        const page = await browser.newPage(viewport);
        await useLanguage(page, language);
        for (const [name, path] of Object.entries(pages())) {
          await visit(page, path);
          await settled(page);
          await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.${language}.${device}.png`), fullPage: true });
          assert.deepEqual(await unlabelledControls(page), [], `${name}: every control has a label`);
          assert.equal(await horizontalOverflow(page), 0, `${name}: nothing scrolls sideways at ${viewport.width} px`);
        }
        if (device === 'phone') {
          // The filter panel folds away on a phone; open it for the picture.
          await visit(page, '/browse');
          await settled(page);
          await page.getByRole('button', { name: /^(筛选|Filters)/ }).click();
          await page.screenshot({ path: join(SCREENSHOT_DIR, `browse-filters.${language}.${device}.png`), fullPage: true });
          assert.equal(await horizontalOverflow(page), 0, 'filters: nothing scrolls sideways');
        }
        // A field error from the API, as the buyer sees it.
        await signIn(page, 'school@demo', 'x');
        await page.getByText('email must be an email address').waitFor();
        await page.screenshot({ path: join(SCREENSHOT_DIR, `sign-in-error.${language}.${device}.png`), fullPage: true });
        page.problems = page.problems.filter((p) => !/status of 400/.test(p));

        await signIn(page, SCHOOL.email);
        await page.waitForURL((url) => url.pathname === '/');
        await settled(page);
        await page.screenshot({ path: join(SCREENSHOT_DIR, `home-signed-in.${language}.${device}.png`), fullPage: true });
        assert.equal(await horizontalOverflow(page), 0, 'signed-in home: nothing scrolls sideways');
        await page.getByRole('button', { name: /^(退出|Sign out)$/ }).click();
        await page.getByRole('banner').getByRole('link', { name: /^(登录|Sign in)$/ }).waitFor();
        assert.deepEqual(page.problems, []);
        await page.close();
      });
    }
  }
});
