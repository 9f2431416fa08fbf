import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { needsAssessments } from '../../db/schema';

export type AssessmentInsert = typeof needsAssessments.$inferInsert;
export type AssessmentRecord = typeof needsAssessments.$inferSelect;

/** The audit entries of an assessment's writes carry its full content: they are its version history. */
export const assessmentAuditEntity = 'needs_assessment';
export const assessmentVersionActions = ['assessment.create', 'assessment.update'] as const;

export interface AssessmentRow {
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
  priorities: Record<string, number>;
  challenge: string;
  growth_ambition: string;
  segment: string | null;
  next_steps: string;
  participants: { contactId: string | null; name: string }[];
  consent_to_share: boolean;
  turnover_dkk: number | null;
  version_count: number;
  created_at: string | Date;
  updated_at: string | Date;
}

const versionActions = sql.join(assessmentVersionActions.map((a) => sql`${a}`), sql`, `);

const selectAssessments = sql`
  select a.id, a.company_id, c.name as company_name, a.organisation_id, o.name as organisation_name, o.kind as organisation_kind,
    o.partnership_id, a.author_id, u.name as author_name, a.date::text as date, a.priorities, a.challenge, a.growth_ambition,
    a.segment, a.next_steps, a.participants, a.consent_to_share, a.turnover_dkk::float8 as turnover_dkk,
    (select count(*) from audit_log l where l.entity = ${assessmentAuditEntity} and l.entity_id = a.id::text
      and l.action in (${versionActions}))::int as version_count,
    a.created_at, a.updated_at
  from needs_assessments a
  join organisations o on o.id = a.organisation_id
  join users u on u.id = a.author_id
  join companies c on c.id = a.company_id`;

/** Rows of a raw query; both drivers (node-postgres, PGlite) answer `{ rows }`. */
const rows = async <T>(db: Db, query: SQL): Promise<T[]> => ((await db.execute(query)) as unknown as { rows: T[] }).rows;

/** An assessment by an organisation of the partnership, or null. */
export async function findAssessment(db: Db, partnershipId: string, id: string): Promise<AssessmentRow | null> {
  const [row] = await rows<AssessmentRow>(db, sql`${selectAssessments} where a.id = ${id} and o.partnership_id = ${partnershipId}`);
  return row ?? null;
}

/** Every assessment of a company by the partnership's organisations, newest first. */
export function companyAssessments(db: Db, partnershipId: string, companyId: string): Promise<AssessmentRow[]> {
  return rows<AssessmentRow>(db, sql`${selectAssessments}
    where a.company_id = ${companyId} and o.partnership_id = ${partnershipId}
    order by a.date desc, a.created_at desc, a.id desc`);
}

export async function insertAssessment(db: Db, values: AssessmentInsert): Promise<AssessmentRecord> {
  const [row] = await db.insert(needsAssessments).values(values).returning();
  return row;
}

export async function updateAssessment(db: Db, id: string, values: Partial<AssessmentInsert>): Promise<AssessmentRecord> {
  const [row] = await db.update(needsAssessments).set({ ...values, updatedAt: new Date() }).where(eq(needsAssessments.id, id)).returning();
  return row;
}

export async function getAssessmentRecord(db: Db, id: string): Promise<AssessmentRecord | null> {
  const [row] = await db.select().from(needsAssessments).where(eq(needsAssessments.id, id)).limit(1);
  return row ?? null;
}

/** The names of the company's contacts among `ids` (participants are the company's own contacts). */
export function contactNames(db: Db, partnershipId: string, companyId: string, ids: readonly string[]): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return rows(db, sql`select id, name from company_contacts
    where company_id = ${companyId} and partnership_id = ${partnershipId}
      and id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`);
}

export interface VersionRow {
  at: string | Date;
  user_id: string | null;
  user_name: string | null;
  after: Record<string, unknown>;
}

/** The saved versions of an assessment, oldest first, from the append-only audit log. */
export function assessmentVersions(db: Db, id: string): Promise<VersionRow[]> {
  return rows<VersionRow>(db, sql`
    select l.at, l.user_id, u.name as user_name, l.after
    from audit_log l left join users u on u.id = l.user_id
    where l.entity = ${assessmentAuditEntity} and l.entity_id = ${id} and l.action in (${versionActions})
    order by l.id`);
}
