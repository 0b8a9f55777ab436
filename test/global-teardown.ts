import { Client } from 'pg';
import { adminUrl } from './support/databases';

export default async function globalTeardown(): Promise<void> {
  const template = process.env.SHANHAI_TEST_TEMPLATE;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    // The template and any clone a crashed test file left behind.
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2`,
      [template, `shanhai_t_${template?.split('_')[2] ?? 'none'}_%`],
    );
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
