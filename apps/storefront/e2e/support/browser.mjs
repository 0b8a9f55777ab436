/**
 * Chromium for the storefront's browser tests: Debian's binary, the flags that keep it quiet on a closed
 * network, a fresh profile per test file, deleted afterwards. Started by scripts/e2e.mjs, which passes the
 * addresses in the environment.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const STOREFRONT_URL = required('STOREFRONT_URL');
export const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 360, height: 740 };

export const DEMO_PASSWORD = 'shanhai-demo-2026';
export const SCHOOL = { email: 'school@demo.shanhai.cn', organisation: '东澜市第一中学', organisationEn: 'Donglan No. 1 Middle School' };

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** One browser (persistent context on a throwaway profile) for a test file. */
export async function openBrowser() {
  const profile = mkdtempSync(join(tmpdir(), 'shanhai-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: FLAGS,
    viewport: DESKTOP,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  context.setDefaultTimeout(15_000);
  return {
    context,
    /** A new tab at `viewport`, collecting console errors and uncaught exceptions. */
    async newPage(viewport = DESKTOP) {
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      page.problems = [];
      page.on('console', (m) => {
        if (m.type() === 'error') page.problems.push(`console: ${m.text()}`);
      });
      page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Opens a storefront path and waits for the app (not only the HTML) to be there. */
export async function visit(page, path) {
  await page.goto(new URL(path, STOREFRONT_URL).toString());
  await page.getByRole('main').waitFor();
}

/** Sets the remembered language before the app starts, as a returning visitor would have it. */
export async function useLanguage(page, language) {
  await page.goto(new URL('/', STOREFRONT_URL).toString());
  await page.evaluate((l) => localStorage.setItem('shanhai.language', l), language);
}

export async function signIn(page, email, password = DEMO_PASSWORD) {
  await visit(page, '/sign-in');
  await page.getByLabel(/^(邮箱|Email)$/).fill(email);
  await page.getByLabel(/^(密码|Password)$/).fill(password);
  await page.locator('form').getByRole('button', { name: /^(登录|Sign in)$/ }).click();
}

/** Every <input>, <select> and <textarea> on the page that has no accessible label. */
export function unlabelledControls(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('input, select, textarea')]
      .filter((el) => el.type !== 'hidden')
      .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'))
      .map((el) => el.outerHTML.slice(0, 120)),
  );
}

/** Pixels the page is wider than the window (0 when nothing scrolls sideways). */
export function horizontalOverflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** Waits until nothing on the page is loading (no busy list, no loading status). */
export async function settled(page) {
  // Let React commit the render that follows a navigation (the one that marks the new query as in
  // flight) before asking whether anything is still loading; otherwise the previous page's data passes.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(undefined)))));
  await page.waitForFunction(() => !document.querySelector('.ui-status--loading, [aria-busy="true"]'));
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('.ui-status--loading, [aria-busy="true"]'));
}

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the browser tests through node scripts/e2e.mjs`);
  return value;
}
