import 'reflect-metadata';
import { Client } from 'pg';
import { createDataSource } from '@shanhai/persistence';
import { loadConfig } from '../config/app-config';
import { loadReferenceData } from './reference-data';

/** Creates the database when missing, applies pending migrations, then loads reference data. */
export async function migrate(databaseUrl: string, log: (line: string) => void = console.log): Promise<void> {
  await ensureDatabase(databaseUrl, log);
  const db = createDataSource(databaseUrl);
  await db.initialize();
  try {
    const applied = await db.runMigrations({ transaction: 'each' });
    log(applied.length ? `migrate: applied ${applied.map((m) => m.name).join(', ')}` : 'migrate: schema is up to date');
    const ref = await loadReferenceData(db);
    log(`migrate: reference data ready (${ref.divisions} divisions, ${ref.categories} categories)`);
  } finally {
    await db.destroy();
  }
}

async function ensureDatabase(databaseUrl: string, log: (line: string) => void): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`database name "${name}" must be lower-case letters, digits and _`);
  url.pathname = '/postgres';
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      await admin.query(`CREATE DATABASE ${name}`);
      log(`migrate: created database ${name}`);
    }
  } finally {
    await admin.end();
  }
}

if (require.main === module) {
  migrate(loadConfig().databaseUrl).catch((err: Error) => {
    console.error(`migrate: failed: ${err.message}`);
    process.exit(1);
  });
}
