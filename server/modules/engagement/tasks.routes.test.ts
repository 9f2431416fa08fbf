import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '../../../common/engagement';
import { testEngine } from '../../db/test-db';
import { createTestApp, type TestActor, type TestApp } from '../../test/helpers';
import { addDays, todayInDenmark } from './dates';
import { call, createCompany, createOrganisations } from './test-fixtures';

let t: TestApp;
let a: TestActor;
let a2: TestActor;
let b: TestActor;
let analyst: TestActor;
const today = todayInDenmark();

beforeAll(async () => {
  t = await createTestApp();
  ({ a, a2, b, analyst } = await createOrganisations(t.db));
});
afterAll(async () => t?.close());

describe(`tasks (${testEngine})`, () => {
  it('lists my open tasks earliest first with a server-side overdue flag', async () => {
    const company = await createCompany(t.db, 'Opgavefirma');
    const late = await call<Task>(t.app, a, 201, { method: 'POST', url: '/api/v1/tasks', payload: { title: 'Ring tilbage', companyId: company.id, dueDate: addDays(today, -2) } });
    const dueToday = await call<Task>(t.app, a, 201, { method: 'POST', url: '/api/v1/tasks', payload: { title: 'Send tilbud', dueDate: today } });
    await call(t.app, a, 201, { method: 'POST', url: '/api/v1/tasks', payload: { title: 'Til kollega', assigneeId: a2.userId, dueDate: today } });
    expect(late).toMatchObject({ overdue: true, status: 'open', company: { id: company.id }, assignee: { id: a.userId } });
    expect(dueToday.overdue).toBe(false);
    const mine = await call<{ items: Task[]; total: number }>(t.app, a, 200, { method: 'GET', url: '/api/v1/tasks?assignee=me&status=open' });
    expect(mine.items.map((x) => x.title)).toEqual(['Ring tilbage', 'Send tilbud']);
    expect(mine.total).toBe(2);
    const colleague = await call<{ items: Task[] }>(t.app, a, 200, { method: 'GET', url: `/api/v1/tasks?assignee=${a2.userId}` });
    expect(colleague.items.map((x) => x.title)).toEqual(['Til kollega']);

    const done = await call<Task>(t.app, a, 200, { method: 'PATCH', url: `/api/v1/tasks/${late.id}`, payload: { status: 'done' } });
    expect(done).toMatchObject({ status: 'done', overdue: false });
    expect(done.completedAt).not.toBeNull();
    const open = await call<{ items: Task[] }>(t.app, a, 200, { method: 'GET', url: '/api/v1/tasks' });
    expect(open.items.map((x) => x.id)).toEqual([dueToday.id]);
    const all = await call<{ items: Task[] }>(t.app, a, 200, { method: 'GET', url: '/api/v1/tasks?status=done' });
    expect(all.items.map((x) => x.id)).toEqual([late.id]);
  });

  it('assigns only to active users of the own organisation; other organisations cannot see or edit', async () => {
    const res = await call<{ code: string }>(t.app, a, 400, { method: 'POST', url: '/api/v1/tasks', payload: { title: 'X', assigneeId: b.userId, dueDate: today } });
    expect(res.code).toBe('unknown_assignee');
    const task = await call<Task>(t.app, a, 201, { method: 'POST', url: '/api/v1/tasks', payload: { title: 'Intern', dueDate: today } });
    await call(t.app, b, 404, { method: 'PATCH', url: `/api/v1/tasks/${task.id}`, payload: { status: 'done' } });
    const theirs = await call<{ items: Task[] }>(t.app, b, 200, { method: 'GET', url: `/api/v1/tasks?assignee=${a.userId}&status=all` });
    expect(theirs.items).toEqual([]);
    await call(t.app, a, 400, { method: 'POST', url: '/api/v1/tasks', payload: { title: 'X', dueDate: today, companyId: '00000000-0000-4000-8000-000000000000' } });
  });

  it('denies analysts', async () => {
    await call(t.app, analyst, 403, { method: 'GET', url: '/api/v1/tasks' });
    await call(t.app, analyst, 403, { method: 'POST', url: '/api/v1/tasks', payload: { title: 'X', dueDate: today } });
  });
});
