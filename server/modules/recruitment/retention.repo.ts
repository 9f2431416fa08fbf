import { and, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { candidateConsents, candidates } from '../../db/schema';

const dueForAnonymisation = (cutoff: Date) => and(isNull(candidates.anonymisedAt), lt(candidates.lastActivityAt, cutoff));

/** Withdraws the still-given consents of the candidates due for anonymisation; the number withdrawn. */
export async function withdrawConsentsBefore(db: Db, cutoff: Date, now: Date): Promise<number> {
  const rows = await db.update(candidateConsents).set({ withdrawnAt: now })
    .where(and(isNull(candidateConsents.withdrawnAt),
      sql`${candidateConsents.candidateId} in (select ${candidates.id} from ${candidates} where ${dueForAnonymisation(cutoff)})`))
    .returning({ id: candidateConsents.id });
  return rows.length;
}

/** Clears identity, CPR, CV text and the centre's id of every candidate due; they become inactive. */
export async function anonymiseBefore(db: Db, cutoff: Date, now: Date): Promise<{ id: string; partnershipId: string }[]> {
  return db.update(candidates).set({
    name: null, email: null, phone: null, cprEncrypted: null, cprHash: null, cvText: null, externalRef: null,
    anonymisedAt: now, active: false, updatedAt: now,
  }).where(dueForAnonymisation(cutoff)).returning({ id: candidates.id, partnershipId: candidates.partnershipId });
}
