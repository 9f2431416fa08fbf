import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { schoolAgreements } from '../../db/schema';
import { rows } from './db';

export type AgreementInsert = typeof schoolAgreements.$inferInsert;

export interface AgreementRow {
  id: string; school_id: string | null; school_name: string | null; institution_name: string | null; company_id: string; company_name: string;
  municipality_code: number; municipality_name: string | null; grade_levels: string[]; activities: string[]; period_from: string;
  period_to: string | null; status: string; school_contact: string | null; company_contact: string | null; notes: string | null;
  created_at: string | Date; updated_at: string | Date;
}

export interface AgreementFilter { partnershipId: string; id?: string; municipality?: number; status?: string; schoolId?: string; companyId?: string }

function where(f: AgreementFilter): SQL {
  const parts = [sql`g.partnership_id = ${f.partnershipId}`];
  if (f.id) parts.push(sql`g.id = ${f.id}`);
  if (f.municipality !== undefined) parts.push(sql`g.municipality_code = ${f.municipality}`);
  if (f.status) parts.push(sql`g.status = ${f.status}`);
  if (f.schoolId) parts.push(sql`g.school_id = ${f.schoolId}`);
  if (f.companyId) parts.push(sql`g.company_id = ${f.companyId}`);
  return sql.join(parts, sql` and `);
}

export async function listAgreements(db: Db, f: AgreementFilter, limit: number, offset: number): Promise<{ items: AgreementRow[]; total: number }> {
  const w = where(f);
  const items = await rows<AgreementRow>(db, sql`
    select g.id, g.school_id, s.name as school_name, g.institution_name, g.company_id, c.name as company_name, g.municipality_code,
      m.name as municipality_name, g.grade_levels, g.activities, g.period_from::text as period_from, g.period_to::text as period_to,
      g.status, g.school_contact, g.company_contact, g.notes, g.created_at, g.updated_at
    from school_agreements g join companies c on c.id = g.company_id left join schools s on s.id = g.school_id
    left join municipalities m on m.code = g.municipality_code
    where ${w}
    order by g.municipality_code, da_sort_key(coalesce(s.name, g.institution_name, '')) collate "C", g.id
    limit ${limit} offset ${offset}`);
  const [count] = await rows<{ n: number }>(db, sql`select count(*)::int as n from school_agreements g where ${w}`);
  return { items, total: count.n };
}

export async function insertAgreement(db: Db, values: AgreementInsert): Promise<string> {
  const [row] = await db.insert(schoolAgreements).values(values).returning({ id: schoolAgreements.id });
  return row.id;
}

export async function updateAgreement(db: Db, id: string, values: Partial<AgreementInsert>): Promise<void> {
  await db.update(schoolAgreements).set({ ...values, updatedAt: new Date() }).where(eq(schoolAgreements.id, id));
}

export async function deleteAgreement(db: Db, id: string): Promise<void> {
  await db.delete(schoolAgreements).where(eq(schoolAgreements.id, id));
}

/** The partnership's municipalities: those of its active organisations (as coverage's map), with names. */
export async function partnershipMunicipalities(db: Db, partnershipId: string): Promise<{ code: number; name: string }[]> {
  return rows<{ code: number; name: string }>(db, sql`
    select distinct o.municipality_code as code, m.name from organisations o join municipalities m on m.code = o.municipality_code
    where o.partnership_id = ${partnershipId} and o.deactivated_at is null order by o.municipality_code`);
}

/** Agreements in force per municipality: status active and the period covering today. */
export async function activeAgreementCounts(db: Db, partnershipId: string, today: string): Promise<Map<number, number>> {
  const list = await rows<{ code: number; n: number }>(db, sql`
    select municipality_code as code, count(*)::int as n from school_agreements
    where partnership_id = ${partnershipId} and status = 'active' and period_from <= ${today}::date
      and (period_to is null or period_to >= ${today}::date)
    group by municipality_code`);
  return new Map(list.map((r) => [r.code, r.n]));
}

/** The year's plan the dashboard reads: the latest published, else the latest draft (whole-partnership plans first). */
export async function dashboardPlan(db: Db, partnershipId: string, schoolYear: string): Promise<{ id: string; version: number; status: string; municipality_code: number | null } | null> {
  const [row] = await rows<{ id: string; version: number; status: string; municipality_code: number | null }>(db, sql`
    select id, version, status, municipality_code from allocation_plans
    where partnership_id = ${partnershipId} and school_year = ${schoolYear} and status in ('published', 'draft')
    order by (status = 'published') desc, (municipality_code is null) desc, created_at desc limit 1`);
  return row ?? null;
}

/** 7th-grade classes per municipality and how many of them the plan places. */
export async function grade7Coverage(db: Db, partnershipId: string, schoolYear: string, planId: string | null): Promise<Map<number, { classes: number; allocated: number }>> {
  const list = await rows<{ code: number; classes: number; allocated: number }>(db, sql`
    select s.municipality_code as code, count(*)::int as classes,
      count(a.id)::int as allocated
    from school_classes c join schools s on s.id = c.school_id
    left join allocation_assignments a on a.class_id = c.id and a.plan_id = ${planId}::uuid
    where s.partnership_id = ${partnershipId} and c.school_year = ${schoolYear} and c.grade = 7
    group by s.municipality_code`);
  return new Map(list.map((r) => [r.code, { classes: r.classes, allocated: r.allocated }]));
}
