import path from 'node:path';
import { openDatabase, type Database, type Engine } from '../server/db/client';
import { migrateDatabase } from '../server/db/migrate';
import { createTestDatabase } from '../server/db/test-db';

/** A fresh, migrated database for one benchmark run: PGlite in `dir` (or in memory), or a new PostgreSQL database dropped afterwards. */
export async function freshDatabase(engine: Engine, dir: string, inMemory = false): Promise<Database & { drop(): Promise<void> }> {
  if (engine === 'postgresql') return createTestDatabase('postgresql');
  const database = await openDatabase({ dataDir: inMemory ? undefined : path.join(dir, 'pglite') });
  await migrateDatabase(database);
  return { ...database, drop: () => database.close() };
}

/** The p-th percentile (nearest rank) of unsorted values. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));
