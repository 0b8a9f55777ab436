import { types } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

// A PostgreSQL `date` is a calendar day: keep it the 'YYYY-MM-DD' string it is. node-postgres would
// otherwise turn raw query results into a Date at local midnight, which serialises as a timestamp and
// shifts the day in any time zone east or west of the server's.
types.setTypeParser(types.builtins.DATE, (value: string) => value);

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/shanhai';

export function dataSourceOptions(url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    uuidExtension: 'pgcrypto',
    synchronize: false,
    migrationsRun: false,
    extra: { max: Number(process.env.DATABASE_POOL_SIZE ?? 20) },
  };
}

export function createDataSource(url?: string): DataSource {
  return new DataSource(dataSourceOptions(url));
}
