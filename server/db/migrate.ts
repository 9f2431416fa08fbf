import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { Database, Schema } from './client';

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

interface Journal { entries: { idx: number; tag: string; when: number }[] }

function journal(): Journal {
  return JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as Journal;
}

/** Tag of the newest migration shipped with this build. */
export function latestMigrationTag(): string {
  const entries = journal().entries;
  return entries[entries.length - 1]?.tag ?? 'none';
}

/**
 * Applies pending migrations. The app always migrates itself at start, on both engines
 * (drizzle-kit migrate is not used: it fails silently on PGlite with extensions).
 */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.engine === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase<Schema>, { migrationsFolder });
  } else {
    await migratePg(database.db as unknown as NodePgDatabase<Schema>, { migrationsFolder });
  }
}

/** Tag of the newest migration applied to this database, or null when none is. */
export async function appliedMigrationTag(database: Database): Promise<string | null> {
  const result = await database.db.execute<{ created_at: string }>(
    sql`select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
  );
  const when = Number(result.rows[0]?.created_at);
  if (!when) return null;
  return journal().entries.find((e) => e.when === when)?.tag ?? String(when);
}
