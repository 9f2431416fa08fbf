import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { organisations, partnerships, sessions, users } from '../db/schema';

export interface SessionRow {
  sessionId: string;
  csrfToken: string;
  lastSeenAt: Date;
  expiresAt: Date;
  userId: string;
  userName: string;
  email: string;
  roles: string[];
  status: string;
  locale: string;
  organisationId: string;
  organisationName: string;
  organisationKind: string;
  organisationActive: boolean;
  municipalityCode: number | null;
  companyId: string | null;
  partnershipId: string;
  partnershipName: string;
}

export async function findLiveSession(db: Db, sessionId: string, now: Date): Promise<SessionRow | null> {
  const rows = await db
    .select({
      sessionId: sessions.id,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      userId: users.id,
      userName: users.name,
      email: users.email,
      roles: users.roles,
      status: users.status,
      locale: users.locale,
      organisationId: organisations.id,
      organisationName: organisations.name,
      organisationKind: organisations.kind,
      organisationActive: sql<boolean>`${organisations.deactivatedAt} is null`,
      municipalityCode: organisations.municipalityCode,
      companyId: organisations.companyId,
      partnershipId: partnerships.id,
      partnershipName: partnerships.name,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .innerJoin(partnerships, eq(partnerships.id, organisations.partnershipId))
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, now)))
    .limit(1);
  return rows[0] ?? null;
}

export async function insertSession(db: Db, row: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(row);
}

export async function touchSession(db: Db, sessionId: string, now: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function deleteSessionsOfUser(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}
