// npm start: install when needed, build, migrate, seed the demo when the database is empty, then
// run the API, the worker, the local Stripe emulator and the front ends until Ctrl-C.
import { existsSync } from 'node:fs';
import { ensureServices, must, root, startChild, waitFor } from './lib.mjs';

const env = {
  DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/shanhai',
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  PORT: process.env.PORT ?? '3000',
};

if (!existsSync(`${root}/node_modules/.package-lock.json`)) must('npm', ['ci', '--no-audit', '--no-fund']);

const problems = await ensureServices();
if (problems.length) {
  for (const p of problems) console.error(p);
  process.exit(1);
}

must('npx', ['tsc', '-b', 'tsconfig.build.json']);
const frontEnds = ['storefront', 'portal'].filter((app) => existsSync(`${root}/apps/${app}/vite.config.mts`));
for (const app of frontEnds) must('npx', ['vite', 'build', '--config', `apps/${app}/vite.config.mts`, '--logLevel', 'warn']);

must('node', ['dist/apps/api/cli/migrate.js'], { env: { ...process.env, ...env } });
must('node', ['dist/apps/api/cli/seed.js'], { env: { ...process.env, ...env } });

const children = [
  startChild('api', 'node', ['dist/apps/api/main.js'], env),
  startChild('worker', 'node', ['dist/apps/worker/main.js'], env),
];
if (existsSync(`${root}/dist/apps/stripe-emulator/main.js`)) {
  children.push(startChild('stripe', 'node', ['dist/apps/stripe-emulator/main.js'], { STRIPE_WEBHOOK_URL: `http://127.0.0.1:${env.PORT}/api/payments/stripe/webhook` }));
}
const previewPorts = { storefront: 4173, portal: 4174 };
for (const app of frontEnds) {
  children.push(
    startChild(app, 'npx', ['vite', 'preview', '--config', `apps/${app}/vite.config.mts`, '--port', String(previewPorts[app]), '--strictPort', '--host', '127.0.0.1'], {
      API_URL: `http://127.0.0.1:${env.PORT}`,
    }),
  );
}

const stop = () => {
  for (const c of children) c.kill('SIGTERM');
  setTimeout(() => process.exit(0), 500);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
process.on('SIGHUP', stop);
// However this process ends, its children end with it.
process.on('exit', () => children.forEach((c) => c.kill('SIGTERM')));
for (const c of children) c.on('exit', (code) => code && code !== 0 && console.error(`a process exited with ${code}`));

await waitFor(async () => (await fetch(`http://127.0.0.1:${env.PORT}/api/health`).catch(() => null))?.ok ?? false, { what: 'the API' });
console.log(`
Shanhai is running.
  API        http://127.0.0.1:${env.PORT}/api          (OpenAPI: http://127.0.0.1:${env.PORT}/api/docs)
${frontEnds.map((a) => `  ${a.padEnd(10)} http://127.0.0.1:${previewPorts[a]}/`).join('\n')}
  Stripe     http://127.0.0.1:12111  (local emulator)
Demo accounts (password shanhai-demo-2026) are listed in README.md. Ctrl-C stops everything.
`);
