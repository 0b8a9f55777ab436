import { Client } from 'pg';

/** Tests use their own databases on the server named by TEST_DATABASE_URL (default: local PostgreSQL). */
export function adminUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function databaseUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

let counter = 0;

/** A fresh database cloned from the run's migrated template; returns its URL and a dropper. */
export async function cloneTemplate(): Promise<{ url: string; drop: () => Promise<void> }> {
  const template = process.env.SHANHAI_TEST_TEMPLATE;
  if (!template) throw new Error('SHANHAI_TEST_TEMPLATE is not set: run integration tests through jest (test/global-setup.ts)');
  const name = `shanhai_t_${template.split('_')[2]}_${process.pid}_${++counter}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  return {
    url: databaseUrl(name),
    drop: async () => {
      const c = new Client({ connectionString: adminUrl() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
