import { Client } from 'pg';
import { createDataSource } from '@shanhai/persistence';
import { migrate } from '../apps/api/src/cli/migrate';
import { insertDemoPlaces } from '../apps/api/src/cli/demo-places';
import { adminUrl, databaseUrl } from './support/databases';

/**
 * Once per run: a template database made by the real migrations and reference data (plus the demo's
 * fictional places). Each test file clones it (CREATE DATABASE … TEMPLATE), which takes milliseconds.
 */
export default async function globalSetup(): Promise<void> {
  const template = `shanhai_tpl_${process.pid}_${Date.now().toString(36)}`;
  process.env.SHANHAI_TEST_TEMPLATE = template;
  await migrate(databaseUrl(template), () => undefined);
  const db = createDataSource(databaseUrl(template));
  await db.initialize();
  await insertDemoPlaces(db);
  await db.destroy();
  // A template must have no open connections while it is being cloned.
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [template]);
  await admin.end();
}
