import crypto from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database, type Engine } from './client';
import { migrateDatabase } from './migrate';

/** Which engine this test run uses (vitest projects set SAMSPIL_TEST_ENGINE). */
export const testEngine: Engine = process.env.SAMSPIL_TEST_ENGINE === 'postgresql' ? 'postgresql' : 'pglite';

export const testPostgresAdminUrl =
  process.env.SAMSPIL_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase extends Database {
  /** Closes the connection and removes the database (PostgreSQL) or memory (PGlite). */
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A fresh, migrated database for one test file. On PostgreSQL it creates its own
 * database (samspil_test_<random>) and drops it afterwards; it never touches others.
 */
export async function createTestDatabase(engine: Engine = testEngine): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const database = await openDatabase({});
    await migrateDatabase(database);
    return { ...database, drop: () => database.close() };
  }
  const name = `samspil_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testPostgresAdminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const database = await openDatabase({ url: withDatabase(testPostgresAdminUrl, name), poolSize: 5 });
  await migrateDatabase(database);
  return {
    ...database,
    drop: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: testPostgresAdminUrl });
      await dropper.connect();
      try {
        await dropper.query(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
