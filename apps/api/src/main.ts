import 'reflect-metadata';
import { createApp } from './bootstrap';
import { loadConfig } from './config/app-config';
import { preflight } from '@shanhai/persistence';

async function main(): Promise<void> {
  const config = loadConfig();
  const problem = await preflight(config.databaseUrl, config.redisUrl);
  if (problem) {
    console.error(`shanhai-api: ${problem}`);
    process.exit(1);
  }
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  console.log(`shanhai-api: listening on http://${config.host}:${config.port}/api (OpenAPI at /api/docs)`);
}

void main();
