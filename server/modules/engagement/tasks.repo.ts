import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { tasks } from '../../db/schema';
import { queryRows } from './query.repo';

export type TaskInsert = typeof tasks.$inferInsert;
export type TaskRecord = typeof tasks.$inferSelect;

export interface TaskRow {
  id: string;
  title: string;
  company_id: string | null;
  company_name: string | null;
  organisation_id: string;
  assignee_id: string;
  assignee_name: string;
  created_by: string;
  due_date: string;
  status: string;
  interaction_id: string | null;
  completed_at: string | Date | null;
  created_at: string | Date;
}

const selectTasks = sql`
  select t.id, t.title, t.company_id, c.name as company_name, t.organisation_id, t.assignee_id, u.name as assignee_name,
    t.created_by, t.due_date::text as due_date, t.status, t.interaction_id, t.completed_at, t.created_at
  from tasks t join users u on u.id = t.assignee_id left join companies c on c.id = t.company_id`;

/** A task of the organisation. */
export async function findTask(db: Db, organisationId: string, id: string): Promise<TaskRow | null> {
  const [row] = await queryRows<TaskRow>(db, sql`${selectTasks} where t.id = ${id} and t.organisation_id = ${organisationId}`);
  return row ?? null;
}

/** An assignee's tasks, earliest due first. */
export async function listTasks(db: Db, spec: {
  organisationId: string; assigneeId: string; status: 'open' | 'done' | 'all'; companyId?: string; limit: number; offset: number;
}): Promise<{ rows: TaskRow[]; total: number }> {
  const where = sql`t.organisation_id = ${spec.organisationId} and t.assignee_id = ${spec.assigneeId}
    ${spec.status === 'all' ? sql`` : sql`and t.status = ${spec.status}`}
    ${spec.companyId ? sql`and t.company_id = ${spec.companyId}` : sql``}`;
  const [rows, count] = await Promise.all([
    queryRows<TaskRow>(db, sql`${selectTasks} where ${where}
      order by t.due_date, t.created_at, t.id limit ${spec.limit} offset ${spec.offset}`),
    queryRows<{ n: number }>(db, sql`select count(*)::int as n from tasks t where ${where}`),
  ]);
  return { rows, total: count[0]?.n ?? 0 };
}

export async function insertTask(db: Db, values: TaskInsert): Promise<TaskRecord> {
  const [row] = await db.insert(tasks).values(values).returning();
  return row;
}

export async function updateTask(db: Db, id: string, values: Partial<TaskInsert>): Promise<TaskRecord> {
  const [row] = await db.update(tasks).set({ ...values, updatedAt: new Date() }).where(eq(tasks.id, id)).returning();
  return row;
}

export async function getTaskRecord(db: Db, id: string): Promise<TaskRecord | null> {
  const [row] = await db.select().from(tasks).where(eq(tasks.id, id)).limit(1);
  return row ?? null;
}

/** An active user of the organisation, or null. */
export async function findOrganisationUser(db: Db, organisationId: string, userId: string): Promise<{ id: string; name: string } | null> {
  const [row] = await queryRows<{ id: string; name: string }>(db, sql`
    select id, name from users where id = ${userId} and organisation_id = ${organisationId} and status = 'active'`);
  return row ?? null;
}
