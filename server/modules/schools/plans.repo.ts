import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { allocationAssignments, allocationConstraints, allocationPlanChanges, allocationPlans } from '../../db/schema';
import { rows } from './db';

export type PlanInsert = typeof allocationPlans.$inferInsert;
export type AssignmentInsert = typeof allocationAssignments.$inferInsert;

export interface PlanRow {
  id: string; partnership_id: string; school_year: string; municipality_code: number | null; municipality_name: string | null;
  version: number; status: string; weights: Record<string, number>; result: Record<string, unknown>; created_at: string | Date;
  created_by: string | null; published_at: string | Date | null; assigned: number;
}

const selectPlans = sql`
  select p.id, p.partnership_id, p.school_year, p.municipality_code, m.name as municipality_name, p.version, p.status, p.weights,
    p.result, p.created_at, u.name as created_by, p.published_at,
    (select count(*)::int from allocation_assignments a where a.plan_id = p.id) as assigned
  from allocation_plans p left join municipalities m on m.code = p.municipality_code left join users u on u.id = p.created_by_user_id`;

export async function listPlans(db: Db, partnershipId: string, schoolYear?: string): Promise<PlanRow[]> {
  return rows<PlanRow>(db, sql`${selectPlans} where p.partnership_id = ${partnershipId}
    and (${schoolYear ?? null}::text is null or p.school_year = ${schoolYear ?? null}::text)
    order by p.school_year desc, p.created_at desc, p.version desc`);
}

export async function getPlan(db: Db, partnershipId: string, id: string): Promise<PlanRow | null> {
  const [row] = await rows<PlanRow>(db, sql`${selectPlans} where p.partnership_id = ${partnershipId} and p.id = ${id}`);
  return row ?? null;
}

export async function nextVersion(db: Db, partnershipId: string, schoolYear: string, municipality: number | null): Promise<number> {
  const [row] = await rows<{ v: number }>(db, sql`select coalesce(max(version), 0)::int + 1 as v from allocation_plans
    where partnership_id = ${partnershipId} and school_year = ${schoolYear} and municipality_code is not distinct from ${municipality}::int`);
  return row.v;
}

export async function insertPlan(db: Db, plan: PlanInsert, assignments: Omit<AssignmentInsert, 'planId'>[]): Promise<string> {
  const [row] = await db.insert(allocationPlans).values(plan).returning({ id: allocationPlans.id });
  for (let i = 0; i < assignments.length; i += 500) {
    await db.insert(allocationAssignments).values(assignments.slice(i, i + 500).map((a) => ({ ...a, planId: row.id })));
  }
  return row.id;
}

/** The published plan of the same scope (partnership, year, municipality or whole partnership), if any. */
export async function publishedPlanOfScope(db: Db, plan: PlanRow): Promise<string | null> {
  const [row] = await rows<{ id: string }>(db, sql`select id from allocation_plans where partnership_id = ${plan.partnership_id}
    and school_year = ${plan.school_year} and municipality_code is not distinct from ${plan.municipality_code}::int and status = 'published'
    and id <> ${plan.id} limit 1`);
  return row?.id ?? null;
}

export async function setPlanStatus(db: Db, id: string, status: string, publishedBy?: string): Promise<void> {
  await db.update(allocationPlans).set(status === 'published' ? { status, publishedAt: new Date(), publishedByUserId: publishedBy } : { status })
    .where(eq(allocationPlans.id, id));
}

export async function insertChanges(db: Db, changes: (typeof allocationPlanChanges.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < changes.length; i += 500) await db.insert(allocationPlanChanges).values(changes.slice(i, i + 500));
}

/** One assignment with everything the plan view, e-mails and calendars show. */
export interface AssignmentRow {
  id: string; plan_id: string; class_id: string; grade: number; letter: string; pupils: number; teacher_name: string | null;
  teacher_email: string | null; school_id: string; school_name: string; school_municipality_code: number; school_contact_name: string | null;
  school_contact_email: string | null; host_offer_id: string; company_id: string; company_name: string; company_email: string | null;
  street: string | null; postal_code: string | null; city: string | null; host_municipality_code: number | null;
  contact_name: string | null; contact_email: string | null; contact_phone: string | null; accessibility_notes: string | null;
  week: number; school_year: string; tutor_id: string | null; tutor_name: string | null; tutor_institution: string | null; locked: boolean;
  lock_constraint_id: string | null; distance_km: number | null; reasons: unknown;
}

export async function assignmentsOf(db: Db, where: { planId?: string; id?: string; schoolId?: string }): Promise<AssignmentRow[]> {
  const parts = [sql`true`];
  if (where.planId) parts.push(sql`a.plan_id = ${where.planId}`);
  if (where.id) parts.push(sql`a.id = ${where.id}`);
  if (where.schoolId) parts.push(sql`s.id = ${where.schoolId}`);
  return rows<AssignmentRow>(db, sql`
    select a.id, a.plan_id, a.class_id, c.grade, c.letter, c.pupils, c.teacher_name, c.teacher_email, s.id as school_id, s.name as school_name,
      s.municipality_code as school_municipality_code, s.contact_name as school_contact_name, s.contact_email as school_contact_email,
      a.host_offer_id, h.company_id, co.name as company_name, co.email as company_email,
      case when h.street is not null or h.postal_code is not null then h.street else coalesce(pu.street, co.street) end as street,
      coalesce(h.postal_code, pu.postal_code, co.postal_code) as postal_code,
      case when h.postal_code is not null then pc.name else coalesce(pu.city, co.city) end as city,
      coalesce(h.municipality_code, pu.municipality_code, co.municipality_code) as host_municipality_code,
      h.contact_name, h.contact_email, h.contact_phone, h.accessibility_notes, a.week, p.school_year,
      a.tutor_id, t.name as tutor_name, t.institution as tutor_institution, a.locked,
      (select k.id from allocation_constraints k where k.kind = 'lock' and k.class_id = a.class_id and k.host_offer_id = a.host_offer_id
        and k.week = a.week and k.school_year = p.school_year limit 1) as lock_constraint_id,
      a.distance_km, a.reasons
    from allocation_assignments a join allocation_plans p on p.id = a.plan_id
    join school_classes c on c.id = a.class_id join schools s on s.id = c.school_id
    join host_offers h on h.id = a.host_offer_id join companies co on co.id = h.company_id
    left join production_units pu on pu.id = h.production_unit_id left join postal_codes pc on pc.code = h.postal_code
    left join tutors t on t.id = a.tutor_id
    where ${sql.join(parts, sql` and `)}
    order by da_sort_key(s.name) collate "C", c.grade, c.letter, a.id`);
}

export async function planOfAssignment(db: Db, assignmentId: string): Promise<{ plan_id: string; partnership_id: string } | null> {
  const [row] = await rows<{ plan_id: string; partnership_id: string }>(db, sql`select a.plan_id, p.partnership_id
    from allocation_assignments a join allocation_plans p on p.id = a.plan_id where a.id = ${assignmentId}`);
  return row ?? null;
}

export interface ChangeRow {
  id: string; class_id: string; grade: number; letter: string; school_name: string; before: unknown; after: unknown; at: string | Date;
  previous_plan_id: string;
}

export async function changesOf(db: Db, planId: string): Promise<ChangeRow[]> {
  return rows<ChangeRow>(db, sql`select ch.id, ch.class_id, c.grade, c.letter, s.name as school_name, ch.before, ch.after, ch.at,
      ch.previous_plan_id
    from allocation_plan_changes ch join school_classes c on c.id = ch.class_id join schools s on s.id = c.school_id
    where ch.plan_id = ${planId} order by da_sort_key(s.name) collate "C", c.grade, c.letter`);
}

// ---------------------------------------------------------------- constraints

export interface ConstraintViewRow {
  id: string; kind: 'lock' | 'forbid'; school_year: string; class_id: string; grade: number; letter: string; school_name: string;
  host_offer_id: string | null; company_id: string | null; company_name: string | null; week: number | null; note: string | null;
  created_at: string | Date;
}

export async function listConstraints(db: Db, partnershipId: string, schoolYear?: string, id?: string): Promise<ConstraintViewRow[]> {
  return rows<ConstraintViewRow>(db, sql`
    select k.id, k.kind, k.school_year, k.class_id, c.grade, c.letter, s.name as school_name, k.host_offer_id,
      coalesce(k.company_id, h.company_id) as company_id, co.name as company_name, k.week, k.note, k.created_at
    from allocation_constraints k join school_classes c on c.id = k.class_id join schools s on s.id = c.school_id
    left join host_offers h on h.id = k.host_offer_id left join companies co on co.id = coalesce(k.company_id, h.company_id)
    where k.partnership_id = ${partnershipId}
      and (${schoolYear ?? null}::text is null or k.school_year = ${schoolYear ?? null}::text)
      and (${id ?? null}::uuid is null or k.id = ${id ?? null}::uuid)
    order by k.created_at, k.id`);
}

export async function insertConstraint(db: Db, values: typeof allocationConstraints.$inferInsert): Promise<string> {
  const [row] = await db.insert(allocationConstraints).values(values).returning({ id: allocationConstraints.id });
  return row.id;
}

/** Removes an earlier lock of the same class (a class has one lock at most). */
export async function deleteLocksOfClass(db: Db, partnershipId: string, schoolYear: string, classId: string): Promise<void> {
  await db.delete(allocationConstraints).where(and(eq(allocationConstraints.partnershipId, partnershipId),
    eq(allocationConstraints.schoolYear, schoolYear), eq(allocationConstraints.classId, classId), eq(allocationConstraints.kind, 'lock')));
}

export async function deleteConstraint(db: Db, id: string): Promise<void> {
  await db.delete(allocationConstraints).where(eq(allocationConstraints.id, id));
}
