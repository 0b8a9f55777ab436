/**
 * Chromium for the portal's browser tests (Debian's binary, quiet flags, a fresh profile per file) and the API
 * calls the scenarios make for the other side (a buyer ordering, the operator recording a transfer). Started by
 * scripts/e2e.mjs, which passes the addresses in the environment.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';

export const PORTAL_URL = required('PORTAL_URL');
export const API_URL = required('API_URL');
export const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 360, height: 740 };

export const DEMO_PASSWORD = 'shanhai-demo-2026';
export const POTATO = { email: 'potato@demo.shanhai.cn', name: '青崖县高山马铃薯专业合作社', nameEn: 'Qingya Highland Potato Cooperative' };
export const OFFICIAL_WEST = { email: 'official-west@demo.shanhai.cn', name: '云岭州乡村振兴局' };
export const PENDING_SUPPLIER = { email: 'veg@demo.shanhai.cn', name: '白石县高原蔬菜产销合作社' };
export const CANTEEN = { email: 'canteen@demo.shanhai.cn', name: '东澜市机关事务管理局' };
export const OPERATOR = { email: 'operator@demo.shanhai.cn' };

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** One browser (persistent context on a throwaway profile) for a test file. */
export async function openBrowser() {
  const profile = mkdtempSync(join(tmpdir(), 'shanhai-portal-chromium-'));
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
    /** A new tab at `viewport`, collecting console errors, uncaught exceptions and answers of 500 and above. */
    async newPage(viewport = DESKTOP) {
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      page.problems = [];
      page.on('console', (m) => {
        if (m.type() === 'error') page.problems.push(`console: ${m.text()}`);
      });
      page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
      page.on('response', (r) => {
        if (r.status() >= 500) page.problems.push(`HTTP ${r.status()} ${r.url()}`);
      });
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Opens a portal path and waits for the app (not only the HTML) to be there. */
export async function visit(page, path) {
  await page.goto(new URL(path, PORTAL_URL).toString());
  await page.getByRole('main').waitFor();
}

export async function signIn(page, email, password = DEMO_PASSWORD) {
  await visit(page, '/sign-in');
  await page.getByLabel(/^(邮箱|Email)$/).fill(email);
  await page.getByLabel(/^(密码|Password)$/).fill(password);
  await page.locator('form').getByRole('button', { name: /^(登录|Sign in)$/ }).click();
  await page.getByRole('navigation', { name: /^(门户导航|Portal)$/ }).waitFor();
}

export async function signOut(page) {
  await page.getByRole('banner').getByRole('button', { name: /^(退出|Sign out)$/ }).click();
  await page.waitForURL((url) => url.pathname === '/sign-in');
}

/** Switches the language with the header's switch. */
export async function switchTo(page, language) {
  await page.getByRole('button', { name: language === 'en' ? 'English' : '中文' }).first().click();
  await page.waitForFunction((l) => document.documentElement.lang === l, language);
}

/** Waits until nothing on the page is loading (no busy form, no loading status). */
export async function settled(page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(undefined)))));
  await page.waitForFunction(() => !document.querySelector('.ui-status--loading, [aria-busy="true"]'));
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('.ui-status--loading, [aria-busy="true"]'));
}

/** A full-page screenshot into SCREENSHOT_DIR, named `portal-<name>.png`. */
export async function shot(page, name) {
  await settled(page);
  await page.screenshot({ path: join(SCREENSHOT_DIR, `portal-${name}.png`), fullPage: true });
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

/** Today in China Standard Time, as the API counts days. */
export function chinaToday(offsetDays = 0) {
  const d = new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** The API as another party would call it: signs in once per email and keeps the token. */
export function apiAs(email) {
  let token = null;
  const call = async (method, path, body, { expect = 'ok' } = {}) => {
    token ??= (await request('POST', '/api/auth/sign-in', null, { email, password: DEMO_PASSWORD })).json.token;
    const res = await request(method, path, token, body);
    if (expect === 'ok') assert.ok(res.ok, `${email}: ${method} ${path} answered ${res.status} ${JSON.stringify(res.json)}`);
    return res.json;
  };
  return {
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body ?? {}),
    patch: (path, body) => call('PATCH', path, body),
  };
}

async function request(method, path, token, body) {
  const res = await fetch(new URL(path, API_URL), {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await res.json().catch(() => null);
  return { ok: res.ok, status: res.status, json };
}

/** Polls `probe` until it returns something truthy (the worker works in the background). */
export async function eventually(probe, what, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * A real PNG (the API checks the bytes, and the browser shows it): a 96 × 64 picture, green fields under a blue
 * sky, made here so the tests ship no binary file.
 */
export function fieldPng(width = 96, height = 64) {
  const rows = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const sky = y < height * 0.45;
      row.set(sky ? [0x8f, 0xc7, 0xe8] : [0x2f + ((x + y) % 8) * 4, 0x8a, 0x3c], 1 + x * 3);
    }
    rows.push(row);
  }
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the browser tests through node scripts/e2e.mjs`);
  return value;
}
