#!/usr/bin/env node
/**
 * JavaScript a front end's landing route loads, gzipped (the storefront's by default; `--dir dist/apps/portal` for
 * the portal), from the built output (run `vite build` first): the entry script in index.html plus every chunk it
 * imports statically, transitively. Lazily loaded
 * routes (dynamic `import()`) are not counted: the home page does not fetch them.
 *
 *   node scripts/bundle-size.mjs [--dir dist/apps/storefront] [--budget-kb 250] [--json]
 *
 * Exits 1 when the total is over the budget. kB here are 1000 bytes, as in Vite's build report.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const root = resolve(import.meta.dirname, '..');
const dir = resolve(root, option('--dir', 'dist/apps/storefront'));
const budgetKb = Number(option('--budget-kb', '250'));
const asJson = args.includes('--json');

const indexHtml = join(dir, 'index.html');
if (!existsSync(indexHtml)) {
  console.error(`bundle-size: ${indexHtml} not found; build first: npx vite build --config apps/${posix.basename(dir)}/vite.config.mts`);
  process.exit(2);
}

const html = readFileSync(indexHtml, 'utf8');
const entries = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]);
const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
const styles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]);

// Static imports only: `import x from "./a.js"`, `export * from "./a.js"`, `import "./a.js"`; never `import("./a.js")`.
const STATIC_IMPORT = /(?:\bfrom\s*|\bimport\s*)["'](\.{1,2}\/[^"']+\.js)["']/g;

const seen = new Map();
const visit = (urlPath) => {
  const rel = urlPath.replace(/^\//, '');
  if (seen.has(rel)) return;
  const file = join(dir, rel);
  const code = readFileSync(file);
  seen.set(rel, code);
  for (const m of code.toString('utf8').matchAll(STATIC_IMPORT)) visit(posix.join(posix.dirname(rel), m[1]));
};
for (const url of [...entries, ...preloads]) visit(url);

const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const rows = [...seen].map(([file, code]) => ({ file, bytes: code.length, gzipBytes: gz(code) })).sort((a, b) => b.gzipBytes - a.gzipBytes);
const css = styles.map((url) => {
  const code = readFileSync(join(dir, url.replace(/^\//, '')));
  return { file: url.replace(/^\//, ''), bytes: code.length, gzipBytes: gz(code) };
});
const total = rows.reduce((s, r) => s + r.gzipBytes, 0);
const totalCss = css.reduce((s, r) => s + r.gzipBytes, 0);
const kb = (n) => (n / 1000).toFixed(1);

if (asJson) {
  console.log(JSON.stringify({ dir: posix.relative(root, dir) || dir, js: rows, css, totalJsGzipBytes: total, totalCssGzipBytes: totalCss, budgetKb }, null, 2));
} else {
  console.log(`Landing route (/) of ${posix.relative(root, dir) || dirname(dir)}: JavaScript loaded before first render`);
  for (const r of rows) console.log(`  ${r.file.padEnd(44)} ${kb(r.bytes).padStart(8)} kB raw  ${kb(r.gzipBytes).padStart(7)} kB gzip`);
  console.log(`  total JS: ${kb(total)} kB gzipped (budget ${budgetKb} kB); CSS besides: ${kb(totalCss)} kB gzipped`);
}
if (total > budgetKb * 1000) {
  console.error(`bundle-size: ${kb(total)} kB gzipped is over the ${budgetKb} kB budget`);
  process.exitCode = 1;
}
