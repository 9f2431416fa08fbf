import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { interactions } from '../../db/schema';
import { queryRows } from './query.repo';

export type InteractionInsert = typeof interactions.$inferInsert;
export type InteractionRecord = typeof interactions.$inferSelect;

/** An interaction with the names a view needs; dates as YYYY-MM-DD text so both engines agree. */
export interface InteractionRow {
  id: string;
  company_id: string;
  company_name: string;
  organisation_id: string;
  organisation_name: string;
  organisation_kind: string;
  partnership_id: string;
  author_id: string;
  author_name: string;
  date: string;
  channel: string;
  purpose: string;
  themes: string[];
  notes: string;
  participants: { contactId: string | null; name: string }[];
  confidential: boolean;
  follow_up_date: string | null;
  follow_up_task_id: string | null;
  created_at: string | Date;
  updated_at: string | Date;
}

const selectInteractions = sql`
  select i.id, i.company_id, c.name as company_name, i.organisation_id, o.name as organisation_name,
    o.kind as organisation_kind, o.partnership_id, i.author_id, u.name as author_name, i.date::text as date, i.channel,
    i.purpose, i.themes, i.notes, i.participants, i.confidential, i.follow_up_date::text as follow_up_date,
    i.follow_up_task_id, i.created_at, i.updated_at
  from interactions i
  join organisations o on o.id = i.organisation_id
  join users u on u.id = i.author_id
  join companies c on c.id = i.company_id`;

/** A live (not deleted) interaction of the partnership. */
export async function findInteraction(db: Db, partnershipId: string, id: string): Promise<InteractionRow | null> {
  const [row] = await queryRows<InteractionRow>(db, sql`${selectInteractions}
    where i.id = ${id} and i.deleted_at is null and o.partnership_id = ${partnershipId}`);
  return row ?? null;
}

/** A company's interactions by the partnership's organisations, newest first. */
export async function listInteractions(db: Db, spec: {
  partnershipId: string; companyId: string; organisationId?: string; limit: number; offset: number;
}): Promise<{ rows: InteractionRow[]; total: number }> {
  const where = sql`i.company_id = ${spec.companyId} and i.deleted_at is null and o.partnership_id = ${spec.partnershipId}
    ${spec.organisationId ? sql`and i.organisation_id = ${spec.organisationId}` : sql``}`;
  const [rows, count] = await Promise.all([
    queryRows<InteractionRow>(db, sql`${selectInteractions} where ${where}
      order by i.date desc, i.created_at desc, i.id desc limit ${spec.limit} offset ${spec.offset}`),
    queryRows<{ n: number }>(db, sql`select count(*)::int as n from interactions i
      join organisations o on o.id = i.organisation_id where ${where}`),
  ]);
  return { rows, total: count[0]?.n ?? 0 };
}

export async function insertInteraction(db: Db, values: InteractionInsert): Promise<InteractionRecord> {
  const [row] = await db.insert(interactions).values(values).returning();
  return row;
}

export async function updateInteraction(db: Db, id: string, values: Partial<InteractionInsert>): Promise<InteractionRecord> {
  const [row] = await db.update(interactions).set({ ...values, updatedAt: new Date() }).where(eq(interactions.id, id)).returning();
  return row;
}

export async function getInteractionRecord(db: Db, id: string): Promise<InteractionRecord | null> {
  const [row] = await db.select().from(interactions).where(eq(interactions.id, id)).limit(1);
  return row ?? null;
}

/**
 * Recomputes the organisation's last contact date and interaction count for the company. Called in the
 * transaction of every interaction write; one index range (interactions_org_company_idx) per call.
 */
export async function refreshLastContact(db: Db, organisationId: string, companyId: string): Promise<void> {
  await db.execute(sql`
    insert into company_last_contacts (organisation_id, company_id, last_contact_date, interaction_count)
    select ${organisationId}, ${companyId}, max(date), count(*)::int from interactions
    where organisation_id = ${organisationId} and company_id = ${companyId} and deleted_at is null
    on conflict (organisation_id, company_id) do update
      set last_contact_date = excluded.last_contact_date, interaction_count = excluded.interaction_count`);
}
