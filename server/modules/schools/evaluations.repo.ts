import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { allocationEvaluations } from '../../db/schema';
import { rows } from './db';

export async function existingEvaluations(db: Db, planId: string): Promise<Set<string>> {
  const list = await rows<{ assignment_id: string; respondent: string }>(db, sql`
    select e.assignment_id, e.respondent from allocation_evaluations e join allocation_assignments a on a.id = e.assignment_id
    where a.plan_id = ${planId}`);
  return new Set(list.map((r) => `${r.assignment_id}|${r.respondent}`));
}

export async function insertEvaluation(db: Db, values: typeof allocationEvaluations.$inferInsert): Promise<string> {
  const [row] = await db.insert(allocationEvaluations).values(values).returning({ id: allocationEvaluations.id });
  return row.id;
}

export interface EvaluationFormRow {
  id: string; respondent: string; answered_at: string | Date | null; school_name: string; grade: number; letter: string;
  company_name: string; week: number; school_year: string; partnership_id: string;
}

export async function evaluationByTokenHash(db: Db, tokenHash: string): Promise<EvaluationFormRow | null> {
  const [row] = await rows<EvaluationFormRow>(db, sql`
    select e.id, e.respondent, e.answered_at, s.name as school_name, c.grade, c.letter, co.name as company_name, a.week, p.school_year,
      p.partnership_id
    from allocation_evaluations e join allocation_assignments a on a.id = e.assignment_id join allocation_plans p on p.id = a.plan_id
    join school_classes c on c.id = a.class_id join schools s on s.id = c.school_id
    join host_offers h on h.id = a.host_offer_id join companies co on co.id = h.company_id
    where e.token_hash = ${tokenHash}`);
  return row ?? null;
}

export async function saveAnswer(db: Db, id: string, values: { rating: number; answers: Record<string, number>; comment: string | null }): Promise<boolean> {
  const updated = await db.update(allocationEvaluations).set({ ...values, answeredAt: new Date() })
    .where(sql`${allocationEvaluations.id} = ${id} and ${allocationEvaluations.answeredAt} is null`).returning({ id: allocationEvaluations.id });
  return updated.length === 1;
}

export interface EvaluationResultRow {
  company_id: string; company_name: string; respondent: string; rating: number | null; answers: Record<string, number> | null;
  comment: string | null; answered_at: string | Date | null;
}

export async function evaluationsOfPlan(db: Db, planId: string): Promise<EvaluationResultRow[]> {
  return rows<EvaluationResultRow>(db, sql`
    select h.company_id, co.name as company_name, e.respondent, e.rating, e.answers, e.comment, e.answered_at
    from allocation_evaluations e join allocation_assignments a on a.id = e.assignment_id
    join host_offers h on h.id = a.host_offer_id join companies co on co.id = h.company_id
    where a.plan_id = ${planId} order by da_sort_key(co.name) collate "C", e.id`);
}
