// npm test: every check and every test runner of the project, then one closing line
// "N passed, N failed" summed over all of them. Exit code 1 when anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureServices, root } from './lib.mjs';

const results = [];
const record = (name, passed, failed) => {
  results.push({ name, passed, failed });
  console.log(`\n── ${name}: ${passed} passed, ${failed} failed\n`);
};

function step(name, cmd, args, env = {}) {
  console.log(`\n══ ${name}: ${cmd} ${args.join(' ')}`);
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return res.status ?? 1;
}

/** A check that is not a test runner counts as one test. */
function check(name, cmd, args, env) {
  const code = step(name, cmd, args, env);
  record(name, code === 0 ? 1 : 0, code === 0 ? 0 : 1);
}

const problems = await ensureServices();
if (problems.length) {
  for (const p of problems) console.error(p);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

check('typecheck (build)', 'npx', ['tsc', '-b', 'tsconfig.build.json']);
check('typecheck (tests)', 'npx', ['tsc', '-p', 'tsconfig.spec.json']);
for (const project of ['apps/storefront', 'apps/portal', 'libs/ui', 'libs/api-client']) {
  if (existsSync(`${root}/${project}/tsconfig.json`)) check(`typecheck (${project})`, 'npx', ['tsc', '-p', `${project}/tsconfig.json`]);
}
// ESLint's module-boundary rule reads the Nx project graph, which this computes and caches.
step('nx project graph', 'npx', ['nx', 'show', 'projects'], { NX_DAEMON: 'false' });
check('lint (module boundaries, code rules)', 'npx', ['eslint', '.', '--max-warnings=0'], { NX_DAEMON: 'false' });
check('migrations match entities', 'node', ['scripts/schema-diff.mjs', '--check']);
if (existsSync(`${root}/scripts/generate-api-client.mjs`)) check('API client up to date with OpenAPI', 'node', ['scripts/generate-api-client.mjs', '--check']);

// Jest: domain and emulator unit tests, API and worker integration tests against real PostgreSQL and Redis.
mkdirSync(`${root}/tmp`, { recursive: true });
rmSync(`${root}/tmp/jest.json`, { force: true });
step('jest (unit + integration)', 'npx', ['jest', '--ci', '--json', '--outputFile=tmp/jest.json']);
if (existsSync(`${root}/tmp/jest.json`)) {
  const jest = JSON.parse(readFileSync(`${root}/tmp/jest.json`, 'utf8'));
  // A suite that failed to load has no test results but must still count as a failure.
  const brokenSuites = jest.testResults.filter((s) => s.status === 'failed' && s.assertionResults.length === 0).length;
  record('jest', jest.numPassedTests, jest.numFailedTests + brokenSuites);
} else {
  record('jest', 0, 1);
}

if (existsSync(`${root}/vitest.config.mts`)) {
  rmSync(`${root}/tmp/vitest.json`, { force: true });
  step('vitest (front ends)', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=tmp/vitest.json']);
  if (existsSync(`${root}/tmp/vitest.json`)) {
    const v = JSON.parse(readFileSync(`${root}/tmp/vitest.json`, 'utf8'));
    record('vitest', v.numPassedTests, v.numFailedTests + (v.numFailedTestSuites ?? 0));
  } else {
    record('vitest', 0, 1);
  }
}

if (existsSync(`${root}/scripts/e2e.mjs`)) {
  rmSync(`${root}/tmp/e2e.json`, { force: true });
  const code = step('browser tests (Playwright in Chromium)', 'node', ['scripts/e2e.mjs', '--summary=tmp/e2e.json']);
  if (existsSync(`${root}/tmp/e2e.json`)) {
    const e = JSON.parse(readFileSync(`${root}/tmp/e2e.json`, 'utf8'));
    record('browser tests', e.passed, e.failed + (code !== 0 && e.failed === 0 ? 1 : 0));
  } else {
    record('browser tests', 0, 1);
  }
}

if (existsSync(`${root}/scripts/bundle-size.mjs`) && existsSync(`${root}/dist/apps/storefront`)) {
  check('storefront landing JS under budget', 'node', ['scripts/bundle-size.mjs']);
}
if (existsSync(`${root}/scripts/bundle-size.mjs`) && existsSync(`${root}/dist/apps/portal`)) {
  check('portal landing JS under budget', 'node', ['scripts/bundle-size.mjs', '--dir', 'dist/apps/portal']);
}

const passed = results.reduce((a, r) => a + r.passed, 0);
const failed = results.reduce((a, r) => a + r.failed, 0);
console.log('\nSummary');
for (const r of results) console.log(`  ${r.failed ? '✗' : '✓'} ${r.name.padEnd(40)} ${r.passed} passed, ${r.failed} failed`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
