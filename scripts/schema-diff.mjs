// Migrations are the only way the schema changes. This script builds the persistence library,
// migrates a fresh scratch database and asks TypeORM what the entities still need.
//   node scripts/schema-diff.mjs --check        fail when entities changed without a migration
//   node scripts/schema-diff.mjs --generate Name write libs/persistence/src/migrations/<ts>-<name>.ts
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import pg from 'pg';

const require = createRequire(import.meta.url);
const mode = process.argv[2];
const adminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const scratch = `shanhai_schema_${process.pid}`;

execSync('npx tsc -b libs/persistence/tsconfig.lib.json', { stdio: 'inherit' });
const { createDataSource } = require('../libs/persistence/dist/index.js');

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${scratch}`);
const url = new URL(adminUrl);
url.pathname = `/${scratch}`;
let exitCode = 0;
try {
  const ds = createDataSource(url.toString());
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  const sql = await ds.driver.createSchemaBuilder().log();
  await ds.destroy();
  if (mode === '--generate') {
    const name = process.argv[3];
    if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('give a PascalCase migration name');
    if (sql.upQueries.length === 0) {
      console.log('No changes: the migrations already match the entities.');
    } else {
      const ts = Date.now();
      const q = (s) => '`' + s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
      const up = sql.upQueries.map((x) => `    await queryRunner.query(${q(x.query)});`).join('\n');
      const down = [...sql.downQueries].reverse().map((x) => `    await queryRunner.query(${q(x.query)});`).join('\n');
      const file = `libs/persistence/src/migrations/${ts}-${name}.ts`;
      writeFileSync(
        file,
        `import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${name}${ts} implements MigrationInterface {\n  name = '${name}${ts}';\n\n  async up(queryRunner: QueryRunner): Promise<void> {\n${up}\n  }\n\n  async down(queryRunner: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
      );
      console.log(`Wrote ${file}; add it to libs/persistence/src/migrations/index.ts.`);
    }
  } else {
    if (sql.upQueries.length > 0) {
      console.error('Entities changed without a migration. Pending schema changes:');
      for (const x of sql.upQueries) console.error(`  ${x.query}`);
      console.error('Run: node scripts/schema-diff.mjs --generate DescribeTheChange');
      exitCode = 1;
    } else {
      console.log('schema check: migrations match the entities');
    }
  }
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
  await admin.end();
}
process.exit(exitCode);
