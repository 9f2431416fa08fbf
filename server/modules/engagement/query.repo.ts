import type { SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';

/** Rows of a raw SQL query; both drivers (node-postgres, PGlite) return `{ rows }`. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** Runs `work` in one transaction with the transaction typed as Db (audit and repos take Db). */
export function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction((tx) => work(tx as unknown as Db));
}
