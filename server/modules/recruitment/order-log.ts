import type { Db } from '../../db/client';
import { jobOrderLog } from '../../db/schema';

export interface OrderLogEntryInput {
  orderId: string;
  userId: string | null;
  organisationId: string | null;
  /** created, updated, status, placement, consent, note, system. */
  kind: 'created' | 'updated' | 'status' | 'placement' | 'consent' | 'note' | 'system';
  fromStatus?: string | null;
  toStatus?: string | null;
  placementId?: string | null;
  /** The Danish sentence shown in the log. Never a candidate's identity: use the pseudonymous ref. */
  text: string;
  at?: Date;
}

/** Appends to an order's placement log (formidlingslog). Call it in the same transaction as the change it records. */
export async function appendOrderLog(db: Db, ...entries: OrderLogEntryInput[]): Promise<void> {
  if (entries.length === 0) return;
  await db.insert(jobOrderLog).values(entries.map((e) => ({
    orderId: e.orderId, userId: e.userId, organisationId: e.organisationId, kind: e.kind,
    fromStatus: e.fromStatus ?? null, toStatus: e.toStatus ?? null, placementId: e.placementId ?? null, text: e.text,
    ...(e.at ? { at: e.at } : {}),
  })));
}
