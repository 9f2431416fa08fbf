import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { companyResponsibles, companyTiers, contactTiers, interactions, tasks } from '../../db/schema';
import { queryRows } from './query.repo';

export interface DemoOrg { id: string; name: string; kind: string; municipality_code: number | null }
export interface DemoUser { id: string; email: string; organisation_id: string }
export interface DemoCompany { id: string; name: string; municipality_code: number | null }

export async function demoPartnershipId(db: Db, slug: string): Promise<string | null> {
  const [row] = await queryRows<{ id: string }>(db, sql`select id from partnerships where slug = ${slug}`);
  return row?.id ?? null;
}

/** Whether the engagement demo data is already there (any tier in the partnership). */
export async function demoEngagementExists(db: Db, partnershipId: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(db, sql`select t.id from contact_tiers t
    join organisations o on o.id = t.organisation_id where o.partnership_id = ${partnershipId} limit 1`);
  return rows.length > 0;
}

export function demoOrganisations(db: Db, partnershipId: string): Promise<DemoOrg[]> {
  return queryRows<DemoOrg>(db, sql`select id, name, kind, municipality_code from organisations
    where partnership_id = ${partnershipId} order by name`);
}

export function demoUsers(db: Db, partnershipId: string): Promise<DemoUser[]> {
  return queryRows<DemoUser>(db, sql`select u.id, u.email, u.organisation_id from users u
    join organisations o on o.id = u.organisation_id where o.partnership_id = ${partnershipId} order by u.email`);
}

/** The demo companies in a stable order (by CVR). */
export function demoCompanies(db: Db): Promise<DemoCompany[]> {
  return queryRows<DemoCompany>(db, sql`select id, name, municipality_code from companies where is_demo order by cvr, id`);
}

export type DemoRowsResponsible = typeof companyResponsibles.$inferInsert;
export type DemoRowsCompanyTier = typeof companyTiers.$inferInsert;
export type DemoRowsInteraction = typeof interactions.$inferInsert;
export type DemoRowsTask = typeof tasks.$inferInsert;

export async function insertDemoRows(db: Db, rows: {
  tiers: (typeof contactTiers.$inferInsert)[];
  responsibles: DemoRowsResponsible[];
  companyTiers: DemoRowsCompanyTier[];
  interactions: DemoRowsInteraction[];
  tasks: DemoRowsTask[];
}): Promise<void> {
  const chunks = <T>(list: T[]) => Array.from({ length: Math.ceil(list.length / 500) }, (_, i) => list.slice(i * 500, i * 500 + 500));
  if (rows.tiers.length) await db.insert(contactTiers).values(rows.tiers);
  for (const c of chunks(rows.responsibles)) await db.insert(companyResponsibles).values(c);
  for (const c of chunks(rows.companyTiers)) await db.insert(companyTiers).values(c);
  for (const c of chunks(rows.interactions)) await db.insert(interactions).values(c);
  for (const c of chunks(rows.tasks)) await db.insert(tasks).values(c);
}

/** Derives last contacts and timeline events of the partnership from its interactions and tasks in two statements each. */
export async function deriveDemoAggregates(db: Db, partnershipId: string): Promise<void> {
  await db.execute(sql`
    insert into company_last_contacts (organisation_id, company_id, last_contact_date, interaction_count)
    select i.organisation_id, i.company_id, max(i.date), count(*)::int from interactions i
    join organisations o on o.id = i.organisation_id
    where o.partnership_id = ${partnershipId} and i.deleted_at is null group by i.organisation_id, i.company_id
    on conflict (organisation_id, company_id) do update
      set last_contact_date = excluded.last_contact_date, interaction_count = excluded.interaction_count`);
  await db.execute(sql`
    insert into timeline_events (company_id, organisation_id, user_id, kind, ref_id, occurred_at, title, confidential)
    select i.company_id, i.organisation_id, i.author_id, 'interaction', i.id, (i.date + time '12:00') at time zone 'UTC',
      case i.channel when 'visit' then 'Besøg' when 'phone' then 'Telefonopkald' when 'meeting' then 'Møde'
        when 'email' then 'E-mail' else 'Arrangement' end, i.confidential
    from interactions i join organisations o on o.id = i.organisation_id
    where o.partnership_id = ${partnershipId} and i.deleted_at is null
    on conflict (kind, ref_id) do nothing`);
  await db.execute(sql`
    insert into timeline_events (company_id, organisation_id, user_id, kind, ref_id, occurred_at, title, confidential)
    select t.company_id, t.organisation_id, t.created_by, 'task', t.id, t.created_at, 'Opgave: ' || t.title, t.confidential
    from tasks t join organisations o on o.id = t.organisation_id
    where o.partnership_id = ${partnershipId} and t.company_id is not null
    on conflict (kind, ref_id) do nothing`);
}
