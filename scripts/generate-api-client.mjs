#!/usr/bin/env node
/**
 * Regenerates the API contract the front ends compile against:
 *   libs/contract/openapi.json     the OpenAPI document, written by the API without a database
 *   libs/contract/src/openapi.ts   `paths` types for openapi-fetch, written by openapi-typescript
 *
 *   node scripts/generate-api-client.mjs           write both files
 *   node scripts/generate-api-client.mjs --check   exit 1 when the committed files differ (CI gate)
 *
 * Both steps run into a scratch directory first, so `--check` never touches the working tree.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const check = process.argv.includes('--check');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] }).toString();

const targets = [
  { generated: 'openapi.json', committed: 'libs/contract/openapi.json' },
  { generated: 'openapi.ts', committed: 'libs/contract/src/openapi.ts' },
];

const scratch = mkdtempSync(join(tmpdir(), 'shanhai-api-client-'));
try {
  run(bin('tsc'), ['-b', 'apps/api/tsconfig.app.json']);
  run(process.execPath, ['dist/apps/api/cli/openapi.js', join(scratch, 'openapi.json')]);
  run(bin('openapi-typescript'), [join(scratch, 'openapi.json'), '-o', join(scratch, 'openapi.ts'), '--silent']);

  if (check) {
    const stale = targets.filter(({ generated, committed }) => {
      const path = join(root, committed);
      return !existsSync(path) || readFileSync(path, 'utf8') !== readFileSync(join(scratch, generated), 'utf8');
    });
    if (stale.length > 0) {
      for (const { committed } of stale) console.error(`api-client: ${committed} is out of date`);
      console.error('api-client: run `node scripts/generate-api-client.mjs` and commit the result');
      process.exitCode = 1;
    } else {
      console.log('api-client: libs/contract/openapi.json and libs/contract/src/openapi.ts are up to date');
    }
  } else {
    for (const { generated, committed } of targets) {
      copyFileSync(join(scratch, generated), join(root, committed));
      console.log(`api-client: wrote ${committed}`);
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
