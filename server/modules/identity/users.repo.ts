import { and, count, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { organisations, users } from '../../db/schema';

export type UserRecord = typeof users.$inferSelect;
export interface UserRow extends UserRecord {
  organisationName: string;
}

export interface UserFilter {
  organisationId?: string;
  q?: string;
  status?: string;
  limit: number;
  offset: number;
}

const columns = { user: users, organisationName: organisations.name };

function scoped(partnershipId: string, ...more: (SQL | undefined)[]) {
  return and(eq(organisations.partnershipId, partnershipId), ...more);
}

/** Escapes LIKE wildcards so a search for "50%" means the characters, not a pattern. */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listUsers(db: Db, partnershipId: string, filter: UserFilter): Promise<{ rows: UserRow[]; total: number }> {
  const q = filter.q?.trim();
  const pattern = q ? `%${likeEscape(q)}%` : null;
  const where = scoped(partnershipId,
    filter.organisationId ? eq(users.organisationId, filter.organisationId) : undefined,
    filter.status ? eq(users.status, filter.status) : undefined,
    pattern ? sql`(samspil_search_norm(${users.name}) like samspil_search_norm(${pattern}) or ${users.email}::text ilike ${pattern})` : undefined);
  const rows = await db.select(columns).from(users).innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(where).orderBy(sql`da_sort_key(${users.name}) COLLATE "C"`, users.id).limit(filter.limit).offset(filter.offset);
  const [{ total }] = await db.select({ total: count() }).from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId)).where(where);
  return { rows: rows.map((r) => ({ ...r.user, organisationName: r.organisationName })), total: Number(total) };
}

/** A user of the given partnership, or null (another partnership's looks the same as none). */
export async function findUser(db: Db, partnershipId: string, id: string): Promise<UserRow | null> {
  const rows = await db.select(columns).from(users).innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(scoped(partnershipId, eq(users.id, id))).limit(1);
  return rows[0] ? { ...rows[0].user, organisationName: rows[0].organisationName } : null;
}

export async function emailTaken(db: Db, email: string): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  return rows.length > 0;
}

export async function insertUser(db: Db, row: typeof users.$inferInsert): Promise<string> {
  const [inserted] = await db.insert(users).values(row).returning({ id: users.id });
  return inserted.id;
}

export async function updateUser(db: Db, id: string, changes: Partial<typeof users.$inferInsert>): Promise<void> {
  await db.update(users).set({ ...changes, updatedAt: new Date() }).where(eq(users.id, id));
}
