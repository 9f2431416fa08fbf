import { sql, type SQL } from 'drizzle-orm';
import type { PlacementStatus } from '../../../common/recruitment';
import type { Db } from '../../db/client';
import { uuidArray } from './matching-index.repo';

export { organisationNames } from './matching-index.repo';

const rows = async <T>(db: Db, query: SQL): Promise<T[]> => ((await db.execute(query)) as unknown as { rows: T[] }).rows;

/** Pseudonymous refs of candidates, by id (never identity). */
export async function candidateRefs(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const list = await rows<{ id: string; ref: string }>(db, sql`select id, ref from candidates where id = any(${uuidArray(ids)}::uuid[])`);
  return new Map(list.map((r) => [r.id, r.ref]));
}

/** The order's placements, by candidate id. */
export async function orderPlacementsByCandidate(db: Db, orderId: string): Promise<Map<string, { id: string; status: PlacementStatus }>> {
  const list = await rows<{ id: string; candidate_id: string; status: PlacementStatus }>(db, sql`
    select id, candidate_id, status from placements where order_id = ${orderId}`);
  return new Map(list.map((r) => [r.candidate_id, { id: r.id, status: r.status }]));
}
