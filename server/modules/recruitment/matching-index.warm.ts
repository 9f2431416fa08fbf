import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { partnershipMatcher } from './matching-index';

/** Builds the matching index of every partnership that has candidates (one at a time; returns how many were built). */
export async function warmMatchingIndexes(db: Db): Promise<number> {
  const rows = (await db.execute<{ partnership_id: string }>(sql`
    select distinct partnership_id from candidates where active and anonymised_at is null`)).rows;
  for (const row of rows) await partnershipMatcher(db, row.partnership_id);
  return rows.length;
}
