import type { z } from 'zod';
import type { Task, taskCreateSchema, taskListQuerySchema, taskListSchema, taskUpdateSchema } from '../../../common/engagement';
import type { Db } from '../../db/client';
import { audit, type AuditContext } from '../../http/audit';
import { badRequest, notFound } from '../../http/errors';
import type { Actor } from '../../policy';
import { getCompany } from '../companies';
import { todayInDenmark } from './dates';
import { presentTask } from './engagement.presenter';
import { inTransaction } from './query.repo';
import * as repo from './tasks.repo';
import { recordTimelineEvent } from './timeline.service';

type Context = AuditContext & { actor: Actor };

const unknownAssignee = () => badRequest('unknown_assignee', 'Opgaven kan kun tildeles en aktiv bruger i din organisation.',
  [{ path: 'assigneeId', message: 'Vælg en bruger i din organisation.' }]);

/** Posts a company task to the timeline (tasks without a company have none). */
async function postToTimeline(db: Db, task: repo.TaskRecord): Promise<void> {
  if (!task.companyId) return;
  await recordTimelineEvent(db, {
    companyId: task.companyId, organisationId: task.organisationId, userId: task.createdBy, kind: 'task', refId: task.id,
    occurredAt: task.createdAt, title: task.status === 'done' ? `Opgave løst: ${task.title}` : `Opgave: ${task.title}`,
    confidential: task.confidential,
  });
}

/**
 * Creates a task inside the caller's transaction (an interaction's follow-up uses this), with its
 * timeline event and audit entry. The assignee must be an active user of the actor's organisation.
 */
export async function createTaskIn(tx: Db, context: Context, input: {
  title: string; companyId?: string; assigneeId: string; dueDate: string; interactionId?: string; confidential?: boolean;
}): Promise<repo.TaskRecord> {
  const { actor } = context;
  if (!await repo.findOrganisationUser(tx, actor.organisationId, input.assigneeId)) throw unknownAssignee();
  const task = await repo.insertTask(tx, {
    organisationId: actor.organisationId, companyId: input.companyId ?? null, assigneeId: input.assigneeId, createdBy: actor.id,
    title: input.title, dueDate: input.dueDate, interactionId: input.interactionId ?? null, confidential: input.confidential ?? false,
  });
  await postToTimeline(tx, task);
  await audit(tx, context, { action: 'task.create', entity: 'task', entityId: task.id, after: task });
  return task;
}

/** Marks a task (in the caller's transaction) confidential or not, timeline included. */
export async function setTaskConfidential(tx: Db, id: string, confidential: boolean): Promise<void> {
  await postToTimeline(tx, await repo.updateTask(tx, id, { confidential }));
}

async function view(db: Db, actor: Actor, id: string): Promise<Task> {
  const row = await repo.findTask(db, actor.organisationId, id);
  if (!row) throw notFound('Opgaven findes ikke.');
  return presentTask(row, todayInDenmark());
}

export async function create(db: Db, context: Context, input: z.output<typeof taskCreateSchema>): Promise<Task> {
  if (input.companyId && !await getCompany(db, input.companyId)) {
    throw badRequest('unknown_company', 'Virksomheden findes ikke.', [{ path: 'companyId', message: 'Ukendt virksomhed.' }]);
  }
  const task = await inTransaction(db, (tx) => createTaskIn(tx, context, { ...input, assigneeId: input.assigneeId ?? context.actor.id }));
  return view(db, context.actor, task.id);
}

/** Tasks are the organisation's own: another organisation's task is not found. */
export async function update(db: Db, context: Context, id: string, input: z.output<typeof taskUpdateSchema>): Promise<Task> {
  const { actor } = context;
  const before = await repo.getTaskRecord(db, id);
  if (!before || before.organisationId !== actor.organisationId) throw notFound('Opgaven findes ikke.');
  if (input.assigneeId && !await repo.findOrganisationUser(db, actor.organisationId, input.assigneeId)) throw unknownAssignee();
  const completedAt = input.status === undefined || input.status === before.status ? undefined
    : input.status === 'done' ? new Date() : null;
  await inTransaction(db, async (tx) => {
    const after = await repo.updateTask(tx, id, { ...input, completedAt });
    await postToTimeline(tx, after);
    await audit(tx, context, { action: 'task.update', entity: 'task', entityId: id, before, after });
  });
  return view(db, actor, id);
}

export async function list(db: Db, actor: Actor, query: z.output<typeof taskListQuerySchema>): Promise<z.infer<typeof taskListSchema>> {
  const assigneeId = query.assignee === 'me' ? actor.id : query.assignee;
  const { rows, total } = await repo.listTasks(db, {
    organisationId: actor.organisationId, assigneeId, status: query.status, companyId: query.companyId, limit: query.limit, offset: query.offset,
  });
  const today = todayInDenmark();
  return { items: rows.map((r) => presentTask(r, today)), total, limit: query.limit, offset: query.offset };
}
