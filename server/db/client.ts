import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema';

export type Engine = 'pglite' | 'postgresql';
export type Schema = typeof schema;

/** Both drivers answer raw queries with `{ rows }`; this lets `db.execute<Row>(sql)` say so in types. */
export interface RowsResultHKT extends PgQueryResultHKT {
  type: RowsResult<this['row']>;
}
export interface RowsResult<T> {
  rows: T[];
}

/** The Drizzle database, the same type on both engines. */
export type Db = PgDatabase<RowsResultHKT, Schema>;

export interface Database {
  db: Db;
  engine: Engine;
  close(): Promise<void>;
  /** PGlite only: the data directory as a tarball (for test templates). */
  dump?: () => Promise<Blob>;
}

/** Every extension a migration creates must be listed here: PGlite only loads what it is given. */
export const pgliteExtensions = { btree_gin, citext, pg_trgm, unaccent };

export interface OpenOptions {
  /** postgres://… ; when set, PostgreSQL is used. */
  url?: string;
  /** PGlite data directory; undefined means in memory. */
  dataDir?: string;
  /** PGlite only: start from a dump of another database's data directory (tests start from a migrated template). */
  loadDataDir?: Blob;
  poolSize?: number;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // A dropped connection must not crash the process; the next query gets a fresh one.
    pool.on('error', () => undefined);
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return { db, engine: 'postgresql', close: () => pool.end() };
  }
  const client = await PGlite.create({ dataDir: options.dataDir, loadDataDir: options.loadDataDir, extensions: pgliteExtensions });
  // PGlite has one session. Seen here: a worker spinning forever inside PGlite's error reporting
  // (errfinish), which also handles NOTICEs (e.g. a full-text query of stop words only). Below this
  // level PostgreSQL skips message processing altogether; warnings and errors still arrive.
  await client.exec('SET client_min_messages = warning');
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return { db, engine: 'pglite', close: () => client.close(), dump: () => client.dumpDataDir('none') as Promise<Blob> };
}
