import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { calendarFeeds } from '../../db/schema';
import { queryRows } from './query.repo';

export type CalendarFeedRecord = typeof calendarFeeds.$inferSelect;

/** Creates the user's feed or replaces its token (the old hash is gone, so the old URL stops working). */
export async function upsertFeed(db: Db, userId: string, tokenHash: string, now: Date): Promise<CalendarFeedRecord> {
  const [row] = await db.insert(calendarFeeds).values({ userId, tokenHash, createdAt: now })
    .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash, createdAt: now, revokedAt: null } })
    .returning();
  return row;
}

export async function findActiveFeed(db: Db, userId: string): Promise<CalendarFeedRecord | null> {
  const [row] = await db.select().from(calendarFeeds)
    .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt))).limit(1);
  return row ?? null;
}

/** Revokes the user's active feed; null when there was none. */
export async function revokeFeed(db: Db, userId: string, now: Date): Promise<CalendarFeedRecord | null> {
  const [row] = await db.update(calendarFeeds).set({ revokedAt: now })
    .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt))).returning();
  return row ?? null;
}

export interface FeedOwnerRow {
  user_id: string;
  name: string;
  roles: string[];
  organisation_id: string;
  organisation_kind: string;
  partnership_id: string;
}

/** The active user (of an active organisation) behind a live feed token hash, or null. */
export async function findFeedOwner(db: Db, tokenHash: string): Promise<FeedOwnerRow | null> {
  const [row] = await queryRows<FeedOwnerRow>(db, sql`
    select u.id as user_id, u.name, u.roles, o.id as organisation_id, o.kind as organisation_kind, o.partnership_id
    from calendar_feeds f join users u on u.id = f.user_id join organisations o on o.id = u.organisation_id
    where f.token_hash = ${tokenHash} and f.revoked_at is null and u.status = 'active' and o.deactivated_at is null`);
  return row ?? null;
}

export interface FeedTaskRow {
  id: string;
  title: string;
  due_date: string;
  company_id: string | null;
  company_name: string | null;
  confidential: boolean;
}

/** The user's open tasks in their organisation, earliest due first (a generous cap keeps the feed bounded). */
export async function listFeedTasks(db: Db, organisationId: string, userId: string): Promise<FeedTaskRow[]> {
  return queryRows<FeedTaskRow>(db, sql`
    select t.id, t.title, t.due_date::text as due_date, t.company_id, c.name as company_name, t.confidential
    from tasks t left join companies c on c.id = t.company_id
    where t.organisation_id = ${organisationId} and t.assignee_id = ${userId} and t.status = 'open'
    order by t.due_date, t.created_at, t.id limit 2000`);
}
