import { EntityManager } from 'typeorm';

/**
 * Runs an `UPDATE … RETURNING` (or `DELETE … RETURNING`) and gives the returned rows. TypeORM's
 * PostgreSQL runner answers those two commands with `[rows, rowCount]` instead of the rows.
 */
export async function updateReturning<T = Record<string, unknown>>(db: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const raw: unknown = await db.query(sql, params);
  if (Array.isArray(raw) && raw.length === 2 && Array.isArray(raw[0]) && typeof raw[1] === 'number') return raw[0] as T[];
  return raw as T[];
}
