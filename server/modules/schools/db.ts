import type { SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { AuditContext } from '../../http/audit';
import type { Actor } from '../../policy';

/** Who writes, from where: every write of the module is audited with it. */
export type Context = AuditContext & { actor: Actor };

/** Rows of a raw query; both drivers (node-postgres, PGlite) answer `{ rows }`. */
export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** Runs `work` in one short transaction, the transaction typed as Db (audit and repos take Db). */
export function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction((tx) => work(tx as unknown as Db));
}

/** A timestamp column as ISO text on both engines. */
export const iso = (value: string | Date): string => (value instanceof Date ? value : new Date(value)).toISOString();

/** A Postgres int[] literal from numbers (parameterised as one text value). */
export const intArray = (list: readonly number[]): string => `{${list.map((n) => Math.trunc(n)).join(',')}}`;
