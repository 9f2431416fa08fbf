import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Interaction, TimelineEvent } from '../../../common/engagement';
import type { ImportErrorPage, ImportJob } from '../../../common/engagement-import';
import { buildApp } from '../../app';
import { testEngine } from '../../db/test-db';
import { loadEnv } from '../../env';
import { createActor, createTestApp, injectAs, type TestActor, type TestApp } from '../../test/helpers';
import { addDays, todayInDenmark } from './dates';
import { applyJob, createCvrCompanies, mapAndValidate, uploadCsv, waitForJob, type CvrCompany } from './import-test-fixtures';
import { call } from './test-fixtures';

let t: TestApp;
let manager: TestActor;
let consultant: TestActor;
let otherManager: TestActor;
let analyst: TestActor;
let firms: CvrCompany[];
const today = todayInDenmark();
const base = '/api/v1/engagement/imports';
const dk = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

beforeAll(async () => {
  t = await createTestApp();
  manager = await createActor(t.db, { roles: ['manager'] });
  consultant = await createActor(t.db, { roles: ['business_consultant'], partnershipId: manager.partnershipId, organisationId: manager.organisationId, email: `karin-${process.pid}@kolding.test` });
  otherManager = await createActor(t.db, { roles: ['manager'], partnershipId: manager.partnershipId });
  analyst = await createActor(t.db, { roles: ['analyst'], partnershipId: manager.partnershipId });
  firms = await createCvrCompanies(t.db, 4);
});
afterAll(async () => t?.close());

const count = async (table: 'interactions' | 'timeline_events' | 'company_contacts' | 'tasks') =>
  ((await t.db.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`)).rows[0] as { n: number }).n;

const header = 'CVR-nr;Dato;Kontaktform;Formål;Notat;Fortrolig;Opfølgning;Ekstern id';

describe(`CSV import: upload and mapping (${testEngine})`, () => {
  it('suggests a mapping from Danish and English header names, and detects the delimiter', async () => {
    const danish = await uploadCsv(t.app, manager, 'interactions', `\uFEFF${header};Konsulent e-mail\n${firms[0].cvr};${today};Besøg;Rekruttering;x;nej;;A-1;\n`);
    expect(danish).toMatchObject({ status: 'uploaded', delimiter: ';', totalRows: 1, header: [...header.split(';'), 'Konsulent e-mail'] });
    expect(danish.mapping).toEqual({
      cvr: 'CVR-nr', date: 'Dato', channel: 'Kontaktform', purpose: 'Formål', notes: 'Notat', confidential: 'Fortrolig',
      followUpDate: 'Opfølgning', externalRef: 'Ekstern id', consultantEmail: 'Konsulent e-mail',
    });
    expect(danish.preview).toEqual([[firms[0].cvr, today, 'Besøg', 'Rekruttering', 'x', 'nej', '', 'A-1', '']]);
    const english = await uploadCsv(t.app, manager, 'interactions', `ID,Company CVR,Date,Channel,Purpose,Notes,P-number\n1,${firms[0].cvr},${today},phone,retention,"Hi, there",\n`);
    expect(english.delimiter).toBe(',');
    expect(english.mapping).toEqual({ externalRef: 'ID', cvr: 'Company CVR', date: 'Date', channel: 'Channel', purpose: 'Purpose', notes: 'Notes', pNumber: 'P-number' });
    const contacts = await uploadCsv(t.app, manager, 'contacts', 'Navn;Stilling;Tlf.;E-mail;CVR;Ekstern id\nA;B;1;a@b.dk;1;2\n');
    expect(contacts.mapping).toEqual({ name: 'Navn', title: 'Stilling', phone: 'Tlf.', email: 'E-mail', cvr: 'CVR', externalRef: 'Ekstern id' });
  });

  it('reads a raw Windows-1252 text/csv body', async () => {
    const bytes = Buffer.from(`CVR;Dato;Kontaktform;Form\xe5l;Notat\n${firms[0].cvr};${today};m\xf8de;fastholdelse;\xc6bler og \xf8l\n`, 'latin1');
    const res = await injectAs(t.app, manager, { method: 'POST', url: `${base}?kind=interactions&fileName=gammel.csv`, headers: { 'content-type': 'text/csv' }, payload: bytes });
    expect(res.statusCode).toBe(201);
    const job = res.json() as ImportJob;
    expect(job).toMatchObject({ fileName: 'gammel.csv', header: ['CVR', 'Dato', 'Kontaktform', 'Formål', 'Notat'], preview: [[firms[0].cvr, today, 'møde', 'fastholdelse', 'Æbler og øl']] });
  });

  it('refuses files it cannot read, with a Danish message', async () => {
    const refuse = async (content: string, code: string) => {
      const res = await injectAs(t.app, manager, { method: 'POST', url: base, payload: { kind: 'interactions', fileName: 'x.csv', content } });
      expect(res.statusCode, content).toBe(400);
      expect(res.json()).toMatchObject({ code });
      return res.json() as { detail: string };
    };
    expect((await refuse('Bare en linje uden skilletegn\nnoget\n', 'too_few_columns')).detail).toContain('kun én kolonne');
    expect((await refuse('CVR;Dato\n', 'no_rows')).detail).toContain('ingen rækker');
    expect((await refuse('CVR;Dato\n"12345678;2024-01-01\n', 'malformed_csv')).detail).toContain('række 2');
    await refuse('   \n', 'empty_file');
    const noKind = await injectAs(t.app, manager, { method: 'POST', url: base, headers: { 'content-type': 'text/csv' }, payload: 'a;b\n1;2\n' });
    expect(noKind.statusCode).toBe(400);
  });

  it('refuses a mapping that misses required columns or names columns the file does not have', async () => {
    const wrong = await uploadCsv(t.app, manager, 'interactions', 'Navn;Adresse;By\nJens;Vejen 1;Kolding\n');
    expect(wrong.mapping).toEqual({});
    const res = await injectAs(t.app, manager, { method: 'PUT', url: `${base}/${wrong.id}/mapping`, payload: { mapping: wrong.mapping } });
    expect(res.statusCode).toBe(400);
    const problem = res.json() as { code: string; detail: string; errors: { path: string; message: string }[] };
    expect(problem.code).toBe('mapping_invalid');
    expect(problem.detail).toBe('Filen mangler kolonner, der skal bruges: Dato, Kontaktform, Formål og CVR-nummer eller P-nummer. Vælg dem, eller kontrollér, at det er den rigtige fil.');
    expect(problem.errors.map((e) => e.path).sort()).toEqual(['channel', 'cvr', 'date', 'purpose']);
    const unknown = await call<{ errors: { path: string; message: string }[] }>(t.app, manager, 400, { method: 'PUT', url: `${base}/${wrong.id}/mapping`,
      payload: { mapping: { cvr: 'CVR', date: 'Navn', channel: 'Navn', purpose: 'By' } } });
    expect(unknown.errors).toEqual([
      { path: 'cvr', message: 'Kolonnen «CVR» findes ikke i filen.' },
      { path: 'channel', message: 'Kolonnen «Navn» er allerede valgt til Dato.' },
    ]);
    const job = await call<ImportJob>(t.app, manager, 200, { method: 'GET', url: `${base}/${wrong.id}` });
    expect(job.status).toBe('uploaded');
  });
});

describe(`CSV import: dry run, row errors and apply (${testEngine})`, () => {
  let validated: ImportJob;
  const rows = () => [
    `${firms[0].cvr};${dk(addDays(today, -10))};Besøg;Rekruttering;Mangler svejsere;nej;${addDays(today, 20)};K-1`,
    `${firms[1].cvr};${addDays(today, -3)};Telefon;Fastholdelse;Hemmelig-import-note-91c;ja;;K-2`,
    `12345674;${addDays(today, -1)};Møde;Opkvalificering;;nej;;K-3`,
    `${firms[2].cvr};${dk(addDays(today, 5))};Besøg;Rekruttering;;nej;;K-4`,
    `${firms[3].cvr};${addDays(today, -2)};Fax;Rekruttering;;nej;;K-5`,
    `${firms[3].cvr};${addDays(today, -2)};Møde;Kaffe;;måske;;K-6`,
    `${firms[2].cvr};${addDays(today, -4)};E-mail;Erhvervsudvikling;;;;K-1`,
  ];
  const file = (notes = 'Mangler svejsere') => `${header}\n${rows().join('\n').replace('Mangler svejsere', notes)}\n`;

  it('stages every row with its errors in Danish and writes nothing else', async () => {
    const before = { interactions: await count('interactions'), timeline: await count('timeline_events'), tasks: await count('tasks') };
    const job = await uploadCsv(t.app, manager, 'interactions', file());
    validated = await mapAndValidate(t.app, manager, job);
    expect(validated).toMatchObject({ status: 'validated', totalRows: 7, processedRows: 7, errorRows: 5, counts: { valid: 2, new: 2, updates: 0 } });
    const errors = await call<ImportErrorPage>(t.app, manager, 200, { method: 'GET', url: `${base}/${job.id}/errors?page=1` });
    expect(errors.total).toBe(6);
    expect(errors.items.map((e) => [e.rowNumber, e.column, e.code, e.message])).toEqual([
      [4, 'CVR-nr', 'unknown_cvr', 'Ingen virksomhed med CVR-nummer 12345674 i Samspil. Ret nummeret, eller opret virksomheden først.'],
      [5, 'Dato', 'date_in_future', `Datoen ${dk(addDays(today, 5))} ligger i fremtiden. En kontakt, der har fundet sted, kan ikke have en senere dato end i dag.`],
      [6, 'Kontaktform', 'invalid_channel', 'Ukendt kontaktform «Fax». Brug besøg, telefon, møde, e-mail eller arrangement.'],
      [7, 'Formål', 'invalid_purpose', 'Ukendt formål «Kaffe». Brug rekruttering, fastholdelse, opkvalificering eller erhvervsudvikling.'],
      [7, 'Fortrolig', 'invalid_boolean', '«måske» er hverken ja eller nej.'],
      [8, 'Ekstern id', 'duplicate_ref', 'Ekstern id «K-1» står også i række 2; hver række skal have sit eget id.'],
    ]);
    expect(validated.sample?.map((s) => [s.rowNumber, s.companyName, s.channel, s.confidential, s.update])).toEqual([
      [2, firms[0].name, 'visit', false, false], [3, firms[1].name, 'phone', true, false],
    ]);
    expect({ interactions: await count('interactions'), timeline: await count('timeline_events'), tasks: await count('tasks') }).toEqual(before);
  });

  it('writes the valid rows on apply: timeline, last contact, a follow-up task, one audit entry without notes', async () => {
    const done = await applyJob(t.app, manager, validated.id);
    expect(done).toMatchObject({ status: 'applied', result: { inserted: 2, updated: 0, skipped: 0, tasksCreated: 1 } });
    const stored = await t.db.execute(sql`select i.external_ref, i.date::text as date, i.channel, i.purpose, i.notes, i.confidential,
      i.author_id, i.follow_up_task_id is not null as has_task from interactions i where organisation_id = ${manager.organisationId} order by external_ref`);
    expect(stored.rows).toEqual([
      { external_ref: 'K-1', date: addDays(today, -10), channel: 'visit', purpose: 'recruitment', notes: 'Mangler svejsere', confidential: false, author_id: manager.userId, has_task: true },
      { external_ref: 'K-2', date: addDays(today, -3), channel: 'phone', purpose: 'retention', notes: 'Hemmelig-import-note-91c', confidential: true, author_id: manager.userId, has_task: false },
    ]);
    const timeline = await call<{ items: TimelineEvent[] }>(t.app, manager, 200, { method: 'GET', url: `/api/v1/companies/${firms[0].id}/timeline` });
    expect(timeline.items.map((e) => [e.kind, e.title]).sort()).toEqual([['interaction', 'Besøg'], ['task', `Opgave: Opfølgning: besøg hos ${firms[0].name}`]]);
    const last = await t.db.execute(sql`select company_id, last_contact_date::text as d, interaction_count as n from company_last_contacts
      where organisation_id = ${manager.organisationId} order by d`);
    expect(last.rows).toEqual([{ company_id: firms[0].id, d: addDays(today, -10), n: 1 }, { company_id: firms[1].id, d: addDays(today, -3), n: 1 }]);
    const audits = await t.db.execute(sql`select action, after from audit_log where entity = 'import_job' and entity_id = ${validated.id} order by id`);
    const actions = (audits.rows as { action: string; after: Record<string, unknown> }[]);
    expect(actions.map((a) => a.action)).toEqual(['import.upload', 'import.map', 'import.apply']);
    expect(actions[2].after).toMatchObject({ kind: 'interactions', totalRows: 7, errorRows: 5, validRows: 2, inserted: 2, updated: 0, skipped: 0, tasksCreated: 1 });
    const leaks = await t.db.execute(sql`select count(*)::int as n from audit_log where coalesce(after::text, '') like '%Hemmelig-import-note%'`);
    expect(leaks.rows).toEqual([{ n: 0 }]);
    const content = await t.db.execute(sql`select content is null as gone from import_jobs where id = ${validated.id}`);
    expect(content.rows).toEqual([{ gone: true }]);
    await call(t.app, manager, 409, { method: 'POST', url: `${base}/${validated.id}/apply` });
  });

  it('keeps a confidential imported note inside the organisation', async () => {
    const [row] = (await t.db.execute(sql`select id from interactions where external_ref = 'K-2'`)).rows as { id: string }[];
    const own = await call<Interaction>(t.app, consultant, 200, { method: 'GET', url: `/api/v1/interactions/${row.id}` });
    expect(own.notes).toBe('Hemmelig-import-note-91c');
    const other = await injectAs(t.app, otherManager, { method: 'GET', url: `/api/v1/interactions/${row.id}` });
    expect(other.body).not.toContain('Hemmelig-import-note');
    expect(other.json()).toMatchObject({ redacted: true, notes: null, confidential: true });
    const timeline = await injectAs(t.app, otherManager, { method: 'GET', url: `/api/v1/companies/${firms[1].id}/timeline` });
    expect((timeline.json() as { items: TimelineEvent[] }).items[0]).toMatchObject({ redacted: true, title: null });
  });

  it('updates instead of duplicating when the same file is imported again', async () => {
    const before = { interactions: await count('interactions'), timeline: await count('timeline_events'), tasks: await count('tasks') };
    const again = await mapAndValidate(t.app, manager, await uploadCsv(t.app, manager, 'interactions', file('Har fundet to svejsere')));
    expect(again.counts).toEqual({ valid: 2, new: 0, updates: 2 });
    expect(again.sample?.every((s) => s.update)).toBe(true);
    const done = await applyJob(t.app, manager, again.id);
    expect(done.result).toEqual({ inserted: 0, updated: 2, skipped: 0, tasksCreated: 0 });
    expect({ interactions: await count('interactions'), timeline: await count('timeline_events'), tasks: await count('tasks') }).toEqual(before);
    const notes = await t.db.execute(sql`select notes from interactions where external_ref = 'K-1' and organisation_id = ${manager.organisationId}`);
    expect(notes.rows).toEqual([{ notes: 'Har fundet to svejsere' }]);
  });

  it('takes the author from a mapped consultant e-mail of the organisation, and refuses unknown ones', async () => {
    const content = `CVR;P-nummer;Dato;Kontaktform;Formål;Konsulent e-mail\n;${firms[3].pNumber};${today};Besøg;Rekruttering;KARIN-${process.pid}@kolding.test\n`
      + `${firms[3].cvr};;${today};Besøg;Rekruttering;ukendt@kolding.test\n${firms[3].cvr};;${today};Besøg;Rekruttering;ikke-en-mail\n`;
    const job = await mapAndValidate(t.app, manager, await uploadCsv(t.app, manager, 'interactions', content));
    expect(job.counts?.valid).toBe(1);
    const errors = await call<ImportErrorPage>(t.app, manager, 200, { method: 'GET', url: `${base}/${job.id}/errors` });
    expect(errors.items.map((e) => [e.rowNumber, e.code])).toEqual([[3, 'unknown_consultant'], [4, 'invalid_email']]);
    await applyJob(t.app, manager, job.id);
    const authors = await t.db.execute(sql`select author_id from interactions where company_id = ${firms[3].id}`);
    expect(authors.rows).toEqual([{ author_id: consultant.userId }]);
  });
});

describe(`CSV import: contacts, discard, recovery and permissions (${testEngine})`, () => {
  it('upserts contacts by external id, with the P-unit, and refuses invalid e-mails', async () => {
    const file = (title: string) => `Navn;Titel;E-mail;CVR;P-nummer;Ekstern id\nGitte Jensen;${title};GJ@firma.dk;${firms[0].cvr};${firms[0].pNumber};C-1\n`
      + `Bo Berg;;ikke@;${firms[0].cvr};;C-2\nUden Id;;;${firms[1].cvr};;\n`;
    const first = await mapAndValidate(t.app, manager, await uploadCsv(t.app, manager, 'contacts', file('Produktionschef')));
    expect(first.counts).toEqual({ valid: 2, new: 2, updates: 0 });
    const errors = await call<ImportErrorPage>(t.app, manager, 200, { method: 'GET', url: `${base}/${first.id}/errors` });
    expect(errors.items).toEqual([{ rowNumber: 3, column: 'E-mail', code: 'invalid_email', message: 'Ugyldig e-mailadresse «ikke@».', params: { value: 'ikke@' } }]);
    expect((await applyJob(t.app, manager, first.id)).result).toMatchObject({ inserted: 2, updated: 0 });
    const second = await mapAndValidate(t.app, manager, await uploadCsv(t.app, manager, 'contacts', file('Direktør')));
    expect((await applyJob(t.app, manager, second.id)).result).toMatchObject({ inserted: 1, updated: 1 });
    const stored = await t.db.execute(sql`select name, title, email, production_unit_id, external_ref from company_contacts
      where partnership_id = ${manager.partnershipId} order by name`);
    expect(stored.rows).toEqual([
      { name: 'Gitte Jensen', title: 'Direktør', email: 'gj@firma.dk', production_unit_id: firms[0].unitId, external_ref: 'C-1' },
      { name: 'Uden Id', title: null, email: null, production_unit_id: null, external_ref: null },
      { name: 'Uden Id', title: null, email: null, production_unit_id: null, external_ref: null },
    ]);
  });

  it('discards a job: file and staged rows gone, it cannot be applied', async () => {
    const job = await mapAndValidate(t.app, manager, await uploadCsv(t.app, manager, 'interactions', `${header}\n${firms[0].cvr};${today};Besøg;Rekruttering;;;;D-1\n`));
    await call(t.app, manager, 204, { method: 'DELETE', url: `${base}/${job.id}` });
    expect((await call<ImportJob>(t.app, manager, 200, { method: 'GET', url: `${base}/${job.id}` })).status).toBe('discarded');
    const left = await t.db.execute(sql`select (select count(*)::int from import_job_rows where job_id = ${job.id}) as rows,
      (select content is null from import_jobs where id = ${job.id}) as gone`);
    expect(left.rows).toEqual([{ rows: 0, gone: true }]);
    await call(t.app, manager, 409, { method: 'POST', url: `${base}/${job.id}/apply` });
  });

  it('marks a dry run that a crash interrupted as failed, with a Danish message, and lets it run again', async () => {
    const job = await uploadCsv(t.app, manager, 'interactions', `${header}\n${firms[0].cvr};${today};Besøg;Rekruttering;;;;R-1\n`);
    await t.db.execute(sql`update import_jobs set status = 'validating', updated_at = now() - interval '10 minutes' where id = ${job.id}`);
    const read = await call<ImportJob>(t.app, manager, 200, { method: 'GET', url: `${base}/${job.id}` });
    expect(read).toMatchObject({ status: 'failed', failure: 'Kontrollen af filen blev afbrudt, fordi serveren blev genstartet. Start kontrollen igen.' });
    expect((await mapAndValidate(t.app, manager, read)).status).toBe('validated');
  });

  it('marks jobs a crash left running as failed when the server starts again; an interrupted apply changed nothing', async () => {
    const checking = await uploadCsv(t.app, manager, 'interactions', `${header}\n${firms[0].cvr};${today};Besøg;Rekruttering;;;;S-1\n`);
    const writing = await mapAndValidate(t.app, manager, await uploadCsv(t.app, manager, 'interactions', `${header}\n${firms[0].cvr};${today};Besøg;Rekruttering;;;;S-2\n`));
    await t.db.execute(sql`update import_jobs set status = 'validating', updated_at = now() - interval '10 minutes' where id = ${checking.id}`);
    await t.db.execute(sql`update import_jobs set status = 'applying', updated_at = now() - interval '20 minutes' where id = ${writing.id}`);
    const restarted = await buildApp(t.database, loadEnv({ LOG_LEVEL: 'silent', NODE_ENV: 'test', SAMSPIL_DEMO: 'false' }));
    try {
      await restarted.ready();
      const jobs = await t.db.execute(sql`select id, status, failure from import_jobs where id in (${checking.id}, ${writing.id}) order by created_at`);
      expect(jobs.rows).toEqual([
        { id: checking.id, status: 'failed', failure: 'Kontrollen af filen blev afbrudt, fordi serveren blev genstartet. Start kontrollen igen.' },
        { id: writing.id, status: 'failed', failure: 'Importen blev afbrudt, før den var færdig, fordi serveren blev genstartet. Intet er ændret; prøv igen.' },
      ]);
    } finally {
      await restarted.close();
    }
    const written = await t.db.execute(sql`select count(*)::int as n from interactions where external_ref in ('S-1', 'S-2')`);
    expect(written.rows).toEqual([{ n: 0 }]);
  });

  it('lets only admins, secretariats and managers import, and only into their own organisation', async () => {
    const job = await uploadCsv(t.app, manager, 'interactions', `${header}\n${firms[0].cvr};${today};Besøg;Rekruttering;;;;P-1\n`);
    for (const actor of [consultant, analyst]) {
      await call(t.app, actor, 403, { method: 'POST', url: base, payload: { kind: 'interactions', fileName: 'x.csv', content: 'a;b\n1;2\n' } });
      await call(t.app, actor, 403, { method: 'GET', url: `${base}/${job.id}` });
    }
    await call(t.app, otherManager, 403, { method: 'GET', url: `${base}/${job.id}` });
    await call(t.app, otherManager, 403, { method: 'PUT', url: `${base}/${job.id}/mapping`, payload: { mapping: job.mapping } });
    await call(t.app, otherManager, 403, { method: 'GET', url: `${base}/${job.id}/errors` });
    await call(t.app, otherManager, 403, { method: 'POST', url: `${base}/${job.id}/apply` });
    await call(t.app, otherManager, 403, { method: 'DELETE', url: `${base}/${job.id}` });
    expect((await call<{ items: ImportJob[] }>(t.app, otherManager, 200, { method: 'GET', url: base })).items).toEqual([]);
    expect((await call<{ items: ImportJob[] }>(t.app, manager, 200, { method: 'GET', url: base })).items.map((j) => j.id)).toContain(job.id);
    for (const role of ['admin', 'secretariat'] as const) {
      const lead = await createActor(t.db, { roles: [role], partnershipId: manager.partnershipId, organisationId: manager.organisationId });
      await call(t.app, lead, 200, { method: 'GET', url: `${base}/${job.id}` });
    }
    expect((await injectAs(t.app, null, { method: 'GET', url: `${base}/${job.id}` })).statusCode).toBe(401);
    await waitForJob(t.app, manager, job.id);
  });
});
