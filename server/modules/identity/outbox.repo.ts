import { and, count, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { emailOutbox } from '../../db/schema';

export type OutboxRow = typeof emailOutbox.$inferSelect;

export async function insertOutboxMessage(db: Db, row: typeof emailOutbox.$inferInsert): Promise<string> {
  const [inserted] = await db.insert(emailOutbox).values(row).returning({ id: emailOutbox.id });
  return inserted.id;
}

export async function listOutbox(db: Db, partnershipId: string, limit: number, offset: number): Promise<{ rows: OutboxRow[]; total: number }> {
  const where = eq(emailOutbox.partnershipId, partnershipId);
  const rows = await db.select().from(emailOutbox).where(where)
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id)).limit(limit).offset(offset);
  const [{ total }] = await db.select({ total: count() }).from(emailOutbox).where(where);
  return { rows, total: Number(total) };
}

/** Unsent messages that still have attempts left, oldest first. */
export async function pendingMessages(db: Db, maxAttempts: number, limit: number): Promise<OutboxRow[]> {
  return db.select().from(emailOutbox)
    .where(and(isNull(emailOutbox.sentAt), lt(emailOutbox.attempts, maxAttempts)))
    .orderBy(emailOutbox.createdAt).limit(limit);
}

/**
 * Claims a message for one delivery attempt by counting the attempt first; a second sender
 * (another app instance) that read the same row loses the race and skips it.
 */
export async function claimMessage(db: Db, id: string, seenAttempts: number): Promise<boolean> {
  const rows = await db.update(emailOutbox).set({ attempts: sql`${emailOutbox.attempts} + 1` })
    .where(and(eq(emailOutbox.id, id), eq(emailOutbox.attempts, seenAttempts), isNull(emailOutbox.sentAt)))
    .returning({ id: emailOutbox.id });
  return rows.length === 1;
}

export async function markSent(db: Db, id: string, at: Date): Promise<void> {
  await db.update(emailOutbox).set({ sentAt: at, lastError: null }).where(eq(emailOutbox.id, id));
}

export async function markFailed(db: Db, id: string, error: string): Promise<void> {
  await db.update(emailOutbox).set({ lastError: error.slice(0, 1000) }).where(eq(emailOutbox.id, id));
}
