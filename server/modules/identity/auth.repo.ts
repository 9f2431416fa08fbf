import { and, asc, count, eq, gte, min, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { loginAttempts, organisations, partnerships, users } from '../../db/schema';

/** A user as login and session building need them: the account, its organisation and partnership. */
export interface AccountRow {
  id: string;
  email: string;
  name: string;
  roles: string[];
  status: string;
  locale: string;
  passwordHash: string | null;
  failedLogins: number;
  lockedUntil: Date | null;
  organisationId: string;
  organisationName: string;
  organisationKind: string;
  organisationActive: boolean;
  municipalityCode: number | null;
  companyId: string | null;
  partnershipId: string;
  partnershipName: string;
}

const accountColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  roles: users.roles,
  status: users.status,
  locale: users.locale,
  passwordHash: users.passwordHash,
  failedLogins: users.failedLogins,
  lockedUntil: users.lockedUntil,
  organisationId: organisations.id,
  organisationName: organisations.name,
  organisationKind: organisations.kind,
  organisationActive: sql<boolean>`${organisations.deactivatedAt} is null`,
  municipalityCode: organisations.municipalityCode,
  companyId: organisations.companyId,
  partnershipId: partnerships.id,
  partnershipName: partnerships.name,
};

function accountQuery(db: Db) {
  return db.select(accountColumns).from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .innerJoin(partnerships, eq(partnerships.id, organisations.partnershipId));
}

export async function findAccountByEmail(db: Db, email: string): Promise<AccountRow | null> {
  // users.email is citext: the comparison ignores case.
  const rows = await accountQuery(db).where(eq(users.email, email)).limit(1);
  return rows[0] ?? null;
}

export async function findAccountById(db: Db, userId: string): Promise<AccountRow | null> {
  const rows = await accountQuery(db).where(eq(users.id, userId)).limit(1);
  return rows[0] ?? null;
}

export async function recordLoginAttempt(db: Db, row: { email: string; ip: string; success: boolean; at: Date }): Promise<void> {
  await db.insert(loginAttempts).values(row);
}

/** Failed attempts from one client address since a moment, and when the oldest of them happened. */
export async function failedAttemptsSince(db: Db, ip: string, since: Date): Promise<{ failures: number; oldest: Date | null }> {
  const [row] = await db.select({ failures: count(), oldest: min(loginAttempts.at) }).from(loginAttempts)
    .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.success, false), gte(loginAttempts.at, since)));
  return { failures: Number(row?.failures ?? 0), oldest: row?.oldest ? new Date(row.oldest) : null };
}

/** The moment the n-th most recent failure happened (n counted from 1), for Retry-After. */
export async function nthRecentFailure(db: Db, ip: string, since: Date, skip: number): Promise<Date | null> {
  const rows = await db.select({ at: loginAttempts.at }).from(loginAttempts)
    .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.success, false), gte(loginAttempts.at, since)))
    .orderBy(asc(loginAttempts.at)).offset(skip).limit(1);
  return rows[0]?.at ?? null;
}

/** Counts a wrong password; returns the new count. */
export async function incrementFailedLogins(db: Db, userId: string): Promise<number> {
  const rows = await db.update(users).set({ failedLogins: sql`${users.failedLogins} + 1` })
    .where(eq(users.id, userId)).returning({ failedLogins: users.failedLogins });
  return rows[0]?.failedLogins ?? 0;
}

export async function lockAccount(db: Db, userId: string, until: Date): Promise<void> {
  // The counter restarts so the account gets a fresh ten tries once the lock ends.
  await db.update(users).set({ lockedUntil: until, failedLogins: 0 }).where(eq(users.id, userId));
}

export async function markLoggedIn(db: Db, userId: string, at: Date): Promise<void> {
  await db.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: at }).where(eq(users.id, userId));
}

/** Sets a new password and lifts any lockout; optionally activates an invited account. */
export async function setPassword(db: Db, userId: string, passwordHash: string, changes: { status?: string; name?: string } = {}): Promise<void> {
  await db.update(users).set({
    passwordHash, failedLogins: 0, lockedUntil: null, updatedAt: new Date(), ...changes,
  }).where(eq(users.id, userId));
}
