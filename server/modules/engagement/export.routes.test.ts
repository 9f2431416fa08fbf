import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Interaction, Tier } from '../../../common/engagement';
import { testEngine } from '../../db/test-db';
import { countSheetRows, readCsvExport, readWorkbook } from '../../http/export-read';
import { createActor, createTestApp, injectAs, type TestActor, type TestApp } from '../../test/helpers';
import { addDays, todayInDenmark } from './dates';
import { call, createCompany, createOrganisations } from './test-fixtures';

let t: TestApp;
let a: TestActor;
let b: TestActor;
let analyst: TestActor;
let company: { id: string };
const secret = 'Fyringsrunde-i-foraaret-9c1e';
const secretTitle = 'Lukning af afdeling';
const today = todayInDenmark();

async function csv(actor: TestActor, url: string): Promise<string[][]> {
  const res = await injectAs(t.app, actor, { method: 'GET', url });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-disposition']).toMatch(/^attachment; filename="/);
  return readCsvExport(res.rawPayload);
}

async function lastExportAudit(): Promise<{ user_id: string; after: Record<string, unknown> }> {
  const rows = (await t.db.execute(sql`select user_id, after from audit_log where action = 'data.export' order by id desc limit 1`)) as unknown as
    { rows: { user_id: string; after: Record<string, unknown> }[] };
  return rows.rows[0];
}

beforeAll(async () => {
  t = await createTestApp();
  ({ a, b, analyst } = await createOrganisations(t.db));
  company = await createCompany(t.db, 'Eksportfirma');
  // Organisation A: a confidential meeting (with a follow-up task) and an open one; organisation B: an open phone call.
  await call<Interaction>(t.app, a, 201, { method: 'POST', url: `/api/v1/companies/${company.id}/interactions`, payload: {
    date: addDays(today, -2), channel: 'meeting', purpose: 'retention', themes: ['leadership'], notes: secret, confidential: true,
    participants: [{ name: 'Hemmelig Deltager' }], followUpDate: addDays(today, 5),
  } });
  await call(t.app, a, 201, { method: 'POST', url: `/api/v1/companies/${company.id}/interactions`, payload: {
    date: addDays(today, -9), channel: 'visit', purpose: 'recruitment', notes: '=1+1 åben note; med "citat"',
  } });
  await call(t.app, b, 201, { method: 'POST', url: `/api/v1/companies/${company.id}/interactions`, payload: {
    date: addDays(today, -1), channel: 'phone', purpose: 'upskilling', notes: 'Jobcentrets note',
  } });
  await t.db.execute(sql`update tasks set title = ${secretTitle} where organisation_id = ${a.organisationId} and confidential`);
  await t.db.execute(sql`update timeline_events set title = ${secretTitle} where organisation_id = ${a.organisationId} and kind = 'task'`);
  // 240 companies in A's tier with A as responsible (more than the largest page of the worklist, 200), and 230 tasks.
  const tier = await call<Tier>(t.app, a, 201, { method: 'POST', url: '/api/v1/engagement/tiers', payload: { name: 'Intensiv', cadenceDays: 30 } });
  await t.db.execute(sql`insert into companies (name, source) select 'Arbejdsliste ' || g, 'manual' from generate_series(1, 240) g`);
  await t.db.execute(sql`insert into company_responsibles (organisation_id, company_id, user_id)
    select ${a.organisationId}, id, ${a.userId} from companies where name like 'Arbejdsliste %'`);
  await t.db.execute(sql`insert into company_tiers (organisation_id, company_id, tier_id)
    select ${a.organisationId}, id, ${tier.id} from companies where name like 'Arbejdsliste %'`);
  await t.db.execute(sql`insert into tasks (organisation_id, assignee_id, created_by, title, due_date)
    select ${a.organisationId}, ${a.userId}, ${a.userId}, 'Opgave ' || g, ${today}::date + g from generate_series(1, 230) g`);
});
afterAll(async () => t?.close());

describe(`engagement exports (${testEngine})`, () => {
  const lists = () => [
    '/api/v1/engagement/worklist/export', '/api/v1/tasks/export', `/api/v1/companies/${company.id}/contacts/export`,
    `/api/v1/companies/${company.id}/interactions/export`, `/api/v1/companies/${company.id}/timeline/export`,
  ];

  it('refuses anonymous callers (401), and users without the list\'s read action or data.export (403)', async () => {
    const provider = await createActor(t.db, { roles: ['provider'], partnershipId: a.partnershipId });
    for (const url of lists()) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
      // The analyst and the provider may export (data.export) but not read these lists.
      expect((await injectAs(t.app, analyst, { method: 'GET', url })).statusCode, url).toBe(403);
      expect((await injectAs(t.app, provider, { method: 'GET', url })).statusCode, url).toBe(403);
    }
    const missing = await injectAs(t.app, a, { method: 'GET', url: '/api/v1/companies/00000000-0000-4000-8000-000000000000/timeline/export' });
    expect(missing.statusCode).toBe(404);
  });

  it('exports the whole worklist, not a page, with its filter honoured', async () => {
    const all = await csv(a, '/api/v1/engagement/worklist/export?status=all');
    expect(all[0]).toEqual(['Virksomhed', 'CVR-nummer', 'By', 'Kontaktniveau', 'Kadence (dage)', 'Seneste kontakt', 'Næste kontakt', 'Dage over tid', 'Status']);
    expect(all.slice(1)).toHaveLength(240);
    // Never contacted: due today.
    expect(all[1].slice(3, 9)).toEqual(['Intensiv', '30', '', today.split('-').reverse().join('-'), '0', 'Snart']);
    expect((await csv(a, '/api/v1/engagement/worklist/export?status=overdue')).slice(1)).toHaveLength(0);
    expect((await lastExportAudit()).after).toEqual({ list: 'worklist', format: 'csv', rows: 0, filters: { consultant: 'me', status: 'overdue' } });
  });

  it('exports every task of the filter as a workbook', async () => {
    const res = await injectAs(t.app, a, { method: 'GET', url: '/api/v1/tasks/export?status=open&format=xlsx' });
    expect(res.statusCode).toBe(200);
    const book = readWorkbook(res.rawPayload);
    // 230 tasks plus the confidential interaction's follow-up (the author's own: shown).
    expect(countSheetRows(book.sheetXml)).toBe(1 + 231);
    const rows = book.rows();
    expect(rows[1].find((c) => c.ref === 'D2')).toMatchObject({ style: 2 });
    expect(book.sheetXml).toContain(secretTitle);
    expect((await csv(a, '/api/v1/tasks/export?status=done')).slice(1)).toHaveLength(0);
    // Another organisation's user exports their own tasks only.
    expect((await csv(b, '/api/v1/tasks/export?status=all')).slice(1)).toHaveLength(0);
  });

  it('never shows another organisation the note or title of a confidential interaction', async () => {
    for (const format of ['csv', 'xlsx']) {
      for (const path of ['interactions', 'timeline']) {
        const res = await injectAs(t.app, b, { method: 'GET', url: `/api/v1/companies/${company.id}/${path}/export?format=${format}&lang=en` });
        expect(res.statusCode).toBe(200);
        const text = format === 'csv' ? res.rawPayload.toString('utf8') : readWorkbook(res.rawPayload).sheetXml;
        expect(text, `${path}.${format}`).not.toContain(secret);
        expect(text, `${path}.${format}`).not.toContain(secretTitle);
        expect(text).not.toContain('Hemmelig Deltager');
        expect(text).toContain('(confidential)');
      }
    }
    const rows = await csv(b, `/api/v1/companies/${company.id}/interactions/export`);
    expect(rows.slice(1)).toHaveLength(3);
    const hidden = rows.find((r) => r[1] === 'Møde')!;
    expect(hidden.slice(3, 10)).toEqual(['(fortroligt)', '(fortroligt)', '(fortroligt)', '(fortroligt)', '(fortroligt)', 'Ja', '']);
    // The author's organisation reads its own confidential content, and the formula in a note is defused.
    const own = await csv(a, `/api/v1/companies/${company.id}/interactions/export`);
    expect(own.find((r) => r[1] === 'Møde')![7]).toBe(secret);
    expect(own.find((r) => r[1] === 'Besøg')![7]).toBe('\'=1+1 åben note; med "citat"');
    const timeline = await csv(a, `/api/v1/companies/${company.id}/timeline/export`);
    expect(timeline.map((r) => r[3])).toContain(secretTitle);
  });

  it('honours the interaction and timeline filters and audits each export', async () => {
    const onlyB = await csv(a, `/api/v1/companies/${company.id}/interactions/export?organisationId=${b.organisationId}`);
    expect(onlyB.slice(1).map((r) => r[7])).toEqual(['Jobcentrets note']);
    const tasksOnly = await csv(a, `/api/v1/companies/${company.id}/timeline/export?kind=task`);
    expect(tasksOnly.slice(1).map((r) => r[1])).toEqual(['Opgave']);
    const audit = await lastExportAudit();
    expect(audit.user_id).toBe(a.userId);
    expect(audit.after).toEqual({ list: 'company_timeline', format: 'csv', rows: 1, filters: { companyId: company.id, kind: 'task' } });
  });

  it('pages through a long timeline by its keyset cursor without losing or repeating an event', async () => {
    const other = await createCompany(t.db, 'Lang tidslinje');
    // 4,100 events, three to an instant: the cursor must order by (occurred_at, id), not by time alone.
    await t.db.execute(sql`insert into timeline_events (company_id, organisation_id, kind, ref_id, occurred_at, title, confidential)
      select ${other.id}, ${b.organisationId}, 'referral', gen_random_uuid(), now() - (g / 3) * interval '1 minute', 'Hændelse ' || g, g % 5 = 0
      from generate_series(1, 4100) g`);
    const rows = (await csv(a, `/api/v1/companies/${other.id}/timeline/export`)).slice(1);
    expect(rows).toHaveLength(4100);
    const titles = rows.map((r) => r[3]);
    expect(titles.filter((x) => x === '(fortroligt)')).toHaveLength(820);
    const shown = titles.filter((x) => x !== '(fortroligt)');
    expect(new Set(shown).size).toBe(shown.length);
  });

  it('exports a company\'s contacts', async () => {
    await call(t.app, a, 201, { method: 'POST', url: `/api/v1/companies/${company.id}/contacts`, payload: { name: 'Åse Ørum', phone: '+45 11 22 33 44', email: 'aase@example.dk' } });
    await call(t.app, a, 201, { method: 'POST', url: `/api/v1/companies/${company.id}/contacts`, payload: { name: 'Bo Berg', title: 'Direktør' } });
    const rows = await csv(b, `/api/v1/companies/${company.id}/contacts/export`);
    expect(rows.slice(1).map((r) => r.slice(0, 4))).toEqual([['Bo Berg', 'Direktør', '', ''], ['Åse Ørum', '', '\'+45 11 22 33 44', 'aase@example.dk']]);
    expect((await lastExportAudit()).after).toMatchObject({ list: 'company_contacts', rows: 2, filters: { companyId: company.id } });
  });
});
