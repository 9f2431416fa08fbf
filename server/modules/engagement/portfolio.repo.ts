import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { companyResponsibles, companyTiers, contactTiers } from '../../db/schema';
import { queryRows } from './query.repo';

export type TierRecord = typeof contactTiers.$inferSelect;
export type ResponsibleRecord = typeof companyResponsibles.$inferSelect;

export interface TierRow { id: string; organisation_id: string; name: string; cadence_days: number; target_companies: number | null; company_count: number }

// ---------------------------------------------------------------- responsible consultants

export async function upsertResponsible(db: Db, organisationId: string, companyId: string, userId: string): Promise<ResponsibleRecord> {
  const [row] = await db.insert(companyResponsibles).values({ organisationId, companyId, userId })
    .onConflictDoUpdate({ target: [companyResponsibles.organisationId, companyResponsibles.companyId], set: { userId, assignedAt: new Date() } })
    .returning();
  return row;
}

export async function findResponsible(db: Db, organisationId: string, companyId: string): Promise<ResponsibleRecord | null> {
  const [row] = await db.select().from(companyResponsibles)
    .where(and(eq(companyResponsibles.organisationId, organisationId), eq(companyResponsibles.companyId, companyId))).limit(1);
  return row ?? null;
}

export async function deleteResponsible(db: Db, organisationId: string, companyId: string): Promise<void> {
  await db.delete(companyResponsibles)
    .where(and(eq(companyResponsibles.organisationId, organisationId), eq(companyResponsibles.companyId, companyId)));
}

// ---------------------------------------------------------------- tiers

export function listTiers(db: Db, organisationId: string): Promise<TierRow[]> {
  return queryRows<TierRow>(db, sql`
    select t.id, t.organisation_id, t.name, t.cadence_days, t.target_companies,
      (select count(*)::int from company_tiers ct where ct.tier_id = t.id) as company_count
    from contact_tiers t where t.organisation_id = ${organisationId}
    order by t.cadence_days, da_sort_key(t.name) COLLATE "C"`);
}

export async function findTier(db: Db, organisationId: string, id: string): Promise<TierRow | null> {
  const rows = await listTiers(db, organisationId);
  return rows.find((r) => r.id === id) ?? null;
}

export async function findTierByName(db: Db, organisationId: string, name: string): Promise<TierRecord | null> {
  const [row] = await db.select().from(contactTiers)
    .where(and(eq(contactTiers.organisationId, organisationId), sql`lower(${contactTiers.name}) = lower(${name})`)).limit(1);
  return row ?? null;
}

export async function insertTier(db: Db, values: typeof contactTiers.$inferInsert): Promise<TierRecord> {
  const [row] = await db.insert(contactTiers).values(values).returning();
  return row;
}

export async function updateTier(db: Db, id: string, values: Partial<typeof contactTiers.$inferInsert>): Promise<TierRecord> {
  const [row] = await db.update(contactTiers).set(values).where(eq(contactTiers.id, id)).returning();
  return row;
}

export async function deleteTier(db: Db, id: string): Promise<void> {
  await db.delete(contactTiers).where(eq(contactTiers.id, id));
}

// ---------------------------------------------------------------- company tiers

export interface CompanyTierRow { company_id: string; tier_id: string; tier_name: string; cadence_days: number }

export async function findCompanyTier(db: Db, organisationId: string, companyId: string): Promise<CompanyTierRow | null> {
  const [row] = await queryRows<CompanyTierRow>(db, sql`
    select ct.company_id, ct.tier_id, t.name as tier_name, t.cadence_days
    from company_tiers ct join contact_tiers t on t.id = ct.tier_id
    where ct.organisation_id = ${organisationId} and ct.company_id = ${companyId}`);
  return row ?? null;
}

export async function upsertCompanyTier(db: Db, organisationId: string, companyId: string, tierId: string): Promise<void> {
  await db.insert(companyTiers).values({ organisationId, companyId, tierId })
    .onConflictDoUpdate({ target: [companyTiers.organisationId, companyTiers.companyId], set: { tierId, assignedAt: new Date() } });
}

export async function deleteCompanyTier(db: Db, organisationId: string, companyId: string): Promise<void> {
  await db.delete(companyTiers).where(and(eq(companyTiers.organisationId, organisationId), eq(companyTiers.companyId, companyId)));
}

// ---------------------------------------------------------------- who else works with this company

export interface EngagementRow {
  organisation_id: string;
  organisation_name: string;
  organisation_kind: string;
  responsible_id: string | null;
  responsible_name: string | null;
  last_contact_date: string | null;
  interaction_count: number;
  open_task_count: number;
}

/** Every organisation of the partnership with interactions, tasks or responsibility for the company. */
export function engagementOf(db: Db, partnershipId: string, companyId: string): Promise<EngagementRow[]> {
  return queryRows<EngagementRow>(db, sql`
    with orgs as (
      select organisation_id from company_last_contacts where company_id = ${companyId} and interaction_count > 0
      union select organisation_id from company_responsibles where company_id = ${companyId}
      union select organisation_id from tasks where company_id = ${companyId}
    )
    select o.id as organisation_id, o.name as organisation_name, o.kind as organisation_kind,
      r.user_id as responsible_id, u.name as responsible_name, lc.last_contact_date::text as last_contact_date,
      coalesce(lc.interaction_count, 0)::int as interaction_count,
      (select count(*)::int from tasks t where t.company_id = ${companyId} and t.organisation_id = o.id and t.status = 'open')
        as open_task_count
    from orgs join organisations o on o.id = orgs.organisation_id
    left join company_responsibles r on r.organisation_id = o.id and r.company_id = ${companyId}
    left join users u on u.id = r.user_id
    left join company_last_contacts lc on lc.organisation_id = o.id and lc.company_id = ${companyId}
    where o.partnership_id = ${partnershipId}
    order by lc.last_contact_date desc nulls last, da_sort_key(o.name) COLLATE "C"`);
}
