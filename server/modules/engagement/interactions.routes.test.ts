import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Interaction, Task, TimelineEvent } from '../../../common/engagement';
import { testEngine } from '../../db/test-db';
import { createTestApp, injectAs, type TestActor, type TestApp } from '../../test/helpers';
import { addDays, todayInDenmark } from './dates';
import { call, createCompany, createOrganisations } from './test-fixtures';

let t: TestApp;
let a: TestActor;
let a2: TestActor;
let b: TestActor;
let analyst: TestActor;
let company: { id: string };
const secret = 'Hemmelig-note-om-fyringsrunde-7f3a';

beforeAll(async () => {
  t = await createTestApp();
  ({ a, a2, b, analyst } = await createOrganisations(t.db));
  company = await createCompany(t.db);
});
afterAll(async () => t?.close());

const base = () => `/api/v1/companies/${company.id}/interactions`;
const today = todayInDenmark();

describe(`interactions (${testEngine})`, () => {
  it('logs a visit with a follow-up: a task for the author, last contact and timeline updated', async () => {
    const created = await call<Interaction>(t.app, a, 201, { method: 'POST', url: base(), payload: {
      date: addDays(today, -3), channel: 'visit', purpose: 'recruitment', themes: ['skills_recruitment'], notes: 'Mangler svejsere.',
      participants: [{ name: 'Direktøren' }], followUpDate: addDays(today, 10),
    } });
    expect(created).toMatchObject({ channel: 'visit', redacted: false, notes: 'Mangler svejsere.', canEdit: true, participants: [{ contactId: null, name: 'Direktøren' }] });
    expect(created.followUpTaskId).not.toBeNull();
    const tasks = await call<{ items: Task[] }>(t.app, a, 200, { method: 'GET', url: '/api/v1/tasks?assignee=me&status=open' });
    expect(tasks.items.map((x) => x.id)).toContain(created.followUpTaskId);
    const last = await t.db.execute(sql`select last_contact_date::text as d, interaction_count as n from company_last_contacts
      where organisation_id = ${a.organisationId} and company_id = ${company.id}`);
    expect(last.rows).toEqual([{ d: addDays(today, -3), n: 1 }]);
    const timeline = await call<{ items: TimelineEvent[] }>(t.app, a, 200, { method: 'GET', url: `/api/v1/companies/${company.id}/timeline` });
    expect(timeline.items.map((e) => e.kind).sort()).toEqual(['interaction', 'task']);
  });

  it('refuses a contact date in the future with a Danish message, and writes nothing', async () => {
    const before = await t.db.execute(sql`select count(*)::int as n from interactions`);
    const res = await injectAs(t.app, a, { method: 'POST', url: base(), payload: { date: addDays(today, 1), channel: 'phone', purpose: 'retention' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'date_in_future', detail: 'Datoen for kontakten kan ikke ligge i fremtiden.' });
    const after = await t.db.execute(sql`select count(*)::int as n from interactions`);
    expect(after.rows).toEqual(before.rows);
    await call(t.app, a, 400, { method: 'POST', url: base(), payload: { date: '2025-02-30', channel: 'phone', purpose: 'retention' } });
  });

  it('hides a confidential interaction\'s content from other organisations in list, detail and timeline', async () => {
    const created = await call<Interaction>(t.app, a, 201, { method: 'POST', url: base(), payload: {
      date: today, channel: 'meeting', purpose: 'retention', themes: ['leadership'], notes: secret, confidential: true,
      participants: [{ name: 'Fortrolig Person' }],
    } });
    // Own organisation (another user) reads everything.
    const own = await call<Interaction>(t.app, a2, 200, { method: 'GET', url: `/api/v1/interactions/${created.id}` });
    expect(own.notes).toBe(secret);
    // Another organisation sees the fact of contact only.
    const detail = await injectAs(t.app, b, { method: 'GET', url: `/api/v1/interactions/${created.id}` });
    expect(detail.statusCode).toBe(200);
    expect(detail.body).not.toContain(secret);
    expect(detail.body).not.toContain('Fortrolig Person');
    expect(detail.json()).toMatchObject({ date: today, channel: 'meeting', organisation: { id: a.organisationId }, confidential: true, redacted: true, notes: null, themes: null, participants: null, canEdit: false });
    const list = await injectAs(t.app, b, { method: 'GET', url: base() });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(secret);
    expect((list.json() as { items: Interaction[] }).items.find((i) => i.id === created.id)).toMatchObject({ redacted: true, notes: null });
    const timeline = await injectAs(t.app, b, { method: 'GET', url: `/api/v1/companies/${company.id}/timeline` });
    expect(timeline.body).not.toContain(secret);
    const event = (timeline.json() as { items: TimelineEvent[] }).items.find((e) => e.refId === created.id);
    expect(event).toMatchObject({ kind: 'interaction', redacted: true, title: null, confidential: true });
    const engagement = await injectAs(t.app, b, { method: 'GET', url: `/api/v1/companies/${company.id}/engagement` });
    expect(engagement.body).not.toContain(secret);
    // Administrators of other organisations read the audit log: the note is not copied there either.
    await call(t.app, a, 200, { method: 'PATCH', url: `/api/v1/interactions/${created.id}`, payload: { themes: ['export'] } });
    const audited = await t.db.execute(sql`select count(*)::int as n, count(*) filter (where coalesce(before::text, '') || coalesce(after::text, '') like ${`%${secret}%`})::int as leaks
      from audit_log where entity_id = ${created.id}`);
    expect(audited.rows).toEqual([{ n: 2, leaks: 0 }]);
  });

  it('keeps a follow-up task as confidential as its interaction', async () => {
    const created = await call<Interaction>(t.app, a, 201, { method: 'POST', url: base(), payload: {
      date: today, channel: 'visit', purpose: 'retention', notes: 'x', followUpDate: addDays(today, 3),
    } });
    const taskEvent = async () => (await call<{ items: TimelineEvent[] }>(t.app, b, 200, { method: 'GET', url: `/api/v1/companies/${company.id}/timeline?kind=task&limit=100` }))
      .items.find((e) => e.refId === created.followUpTaskId);
    expect(await taskEvent()).toMatchObject({ confidential: false, redacted: false });
    await call(t.app, a, 200, { method: 'PATCH', url: `/api/v1/interactions/${created.id}`, payload: { confidential: true } });
    expect(await taskEvent()).toMatchObject({ confidential: true, redacted: true, title: null });
  });

  it('lets only the author\'s organisation edit and delete (soft, audited)', async () => {
    const created = await call<Interaction>(t.app, a, 201, { method: 'POST', url: base(), payload: { date: addDays(today, -1), channel: 'phone', purpose: 'upskilling' } });
    const denied = await call<{ code: string }>(t.app, b, 403, { method: 'PATCH', url: `/api/v1/interactions/${created.id}`, payload: { notes: 'overtaget' } });
    expect(denied.code).toBe('forbidden');
    await call(t.app, b, 403, { method: 'DELETE', url: `/api/v1/interactions/${created.id}` });
    await call(t.app, a, 400, { method: 'PATCH', url: `/api/v1/interactions/${created.id}`, payload: { date: addDays(today, 5) } });
    const edited = await call<Interaction>(t.app, a2, 200, { method: 'PATCH', url: `/api/v1/interactions/${created.id}`, payload: { notes: 'Ny note', channel: 'email' } });
    expect(edited).toMatchObject({ notes: 'Ny note', channel: 'email' });
    await call(t.app, a, 204, { method: 'DELETE', url: `/api/v1/interactions/${created.id}` });
    await call(t.app, a, 404, { method: 'GET', url: `/api/v1/interactions/${created.id}` });
    const list = await call<{ items: Interaction[] }>(t.app, a, 200, { method: 'GET', url: base() });
    expect(list.items.map((i) => i.id)).not.toContain(created.id);
    const timeline = await call<{ items: TimelineEvent[] }>(t.app, a, 200, { method: 'GET', url: `/api/v1/companies/${company.id}/timeline` });
    expect(timeline.items.map((e) => e.refId)).not.toContain(created.id);
    const kept = await t.db.execute(sql`select deleted_at is not null as deleted from interactions where id = ${created.id}`);
    expect(kept.rows).toEqual([{ deleted: true }]);
    const audits = await t.db.execute(sql`select action from audit_log where entity = 'interaction' and entity_id = ${created.id} order by id`);
    expect((audits.rows as { action: string }[]).map((r) => r.action)).toEqual(['interaction.create', 'interaction.update', 'interaction.delete']);
  });

  it('takes participants from the company\'s own contacts only', async () => {
    const contact = await call<{ id: string }>(t.app, a, 201, { method: 'POST', url: `/api/v1/companies/${company.id}/contacts`, payload: { name: 'Gitte Jensen' } });
    const created = await call<Interaction>(t.app, b, 201, { method: 'POST', url: base(), payload: { date: today, channel: 'phone', purpose: 'recruitment', participants: [{ contactId: contact.id }] } });
    expect(created.participants).toEqual([{ contactId: contact.id, name: 'Gitte Jensen' }]);
    const other = await createCompany(t.db);
    const res = await call<{ code: string }>(t.app, b, 400, { method: 'POST', url: `/api/v1/companies/${other.id}/interactions`, payload: { date: today, channel: 'phone', purpose: 'recruitment', participants: [{ contactId: contact.id }] } });
    expect(res.code).toBe('unknown_contact');
  });

  it('denies analysts every interaction route', async () => {
    await call(t.app, analyst, 403, { method: 'GET', url: base() });
    await call(t.app, analyst, 403, { method: 'POST', url: base(), payload: { date: today, channel: 'phone', purpose: 'recruitment' } });
    await call(t.app, analyst, 403, { method: 'GET', url: `/api/v1/companies/${company.id}/timeline` });
    await call(t.app, analyst, 403, { method: 'GET', url: `/api/v1/companies/${company.id}/engagement` });
  });
});
