import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tier } from '../../../common/engagement';
import type { Coverage, CoverageCompanies } from '../../../common/engagement-coverage';
import { companies, users } from '../../db/schema';
import { testEngine } from '../../db/test-db';
import { countSheetRows, readCsvExport, readWorkbook } from '../../http/export-read';
import { createActor, createTestApp, injectAs, type TestActor, type TestApp } from '../../test/helpers';
import { seedReferenceData } from '../reference';
import { addDays, todayInDenmark } from './dates';
import { call } from './test-fixtures';

let t: TestApp;
let manager: TestActor;
let karin: TestActor;
let analyst: TestActor;
let neighbour: TestActor;
let stranger: TestActor;
let intensiv: Tier;
let loebende: Tier;
const today = todayInDenmark();
const dmy = (iso: string) => iso.split('-').reverse().join('-');
const base = '/api/v1/engagement/coverage';
/** More tier members than one export batch (2,000), so the company export must page. */
const massCount = 2050;

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

async function company(name: string, municipality: number | null, tier: Tier, responsible: TestActor | null, contact: number | null) {
  const [row] = await t.db.insert(companies).values({ name, source: 'manual', municipalityCode: municipality }).returning();
  await call(t.app, manager, 200, { method: 'PUT', url: `/api/v1/companies/${row.id}/tier`, payload: { tierId: tier.id } });
  if (responsible) await call(t.app, manager, 200, { method: 'PUT', url: `/api/v1/companies/${row.id}/responsible`, payload: { userId: responsible.userId } });
  if (contact !== null) {
    await call(t.app, karin, 201, {
      method: 'POST', url: `/api/v1/companies/${row.id}/interactions`, payload: { date: addDays(today, -contact), channel: 'visit', purpose: 'retention' },
    });
  }
}

beforeAll(async () => {
  t = await createTestApp();
  await seedReferenceData(t.db);
  manager = await createActor(t.db, { roles: ['manager'], municipalityCode: 621 });
  karin = await createActor(t.db, { roles: ['business_consultant'], partnershipId: manager.partnershipId, organisationId: manager.organisationId });
  await t.db.update(users).set({ name: 'Karin Konsulent' }).where(eq(users.id, karin.userId));
  // The analyst sits in the secretariat (no tiers): its dashboard and export default to the organisation with tiers.
  analyst = await createActor(t.db, { roles: ['analyst'], partnershipId: manager.partnershipId, kind: 'secretariat' });
  neighbour = await createActor(t.db, { roles: ['business_consultant'], partnershipId: manager.partnershipId });
  stranger = await createActor(t.db, { roles: ['analyst'], kind: 'secretariat' });
  intensiv = await call<Tier>(t.app, karin, 201, { method: 'POST', url: '/api/v1/engagement/tiers', payload: { name: 'intensiv', cadenceDays: 30 } });
  loebende = await call<Tier>(t.app, karin, 201, { method: 'POST', url: '/api/v1/engagement/tiers', payload: { name: 'løbende', cadenceDays: 180 } });
  await call(t.app, manager, 200, { method: 'PUT', url: `/api/v1/engagement/tiers/${intensiv.id}/target`, payload: { targetCompanies: 4 } });

  await company('Øster Smedie ApS', 621, intensiv, karin, 5);
  await company('Aalborg Værktøj A/S', null, intensiv, null, null);
  await company('Bager Bo ApS', 630, loebende, karin, 10);
  await t.db.execute(sql`insert into companies (name, source, municipality_code)
    select 'Masse ' || lpad(g::text, 4, '0'), 'manual', 621 from generate_series(1, ${massCount}) g`);
  await t.db.execute(sql`insert into company_tiers (organisation_id, company_id, tier_id)
    select ${manager.organisationId}, id, ${loebende.id} from companies where name like 'Masse %'`);
  await t.db.execute(sql`insert into company_responsibles (organisation_id, company_id, user_id)
    select ${manager.organisationId}, id, ${karin.userId} from companies where name like 'Masse %'`);
});
afterAll(async () => t?.close());

describe(`coverage exports (${testEngine})`, () => {
  it('needs the list\'s own read action and data.export; analysts get the figures but never the companies', async () => {
    const provider = await createActor(t.db, { roles: ['provider'], partnershipId: manager.partnershipId, kind: 'provider' });
    for (const url of [`${base}/export`, `${base}/companies/export`]) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
      expect((await injectAs(t.app, provider, { method: 'GET', url })).statusCode, url).toBe(403);
    }
    expect((await injectAs(t.app, analyst, { method: 'GET', url: `${base}/export` })).statusCode).toBe(200);
    for (const query of ['', `?organisation=${manager.organisationId}`, '?covered=false&format=xlsx']) {
      expect((await injectAs(t.app, analyst, { method: 'GET', url: `${base}/companies/export${query}` })).statusCode, query).toBe(403);
    }
    // Another organisation only with coverage.read_all, and only within the partnership.
    expect((await injectAs(t.app, neighbour, { method: 'GET', url: `${base}/export?organisation=${manager.organisationId}` })).statusCode).toBe(403);
    expect((await injectAs(t.app, neighbour, { method: 'GET', url: `${base}/companies/export?organisation=${manager.organisationId}` })).statusCode).toBe(403);
    expect((await injectAs(t.app, stranger, { method: 'GET', url: `${base}/export?organisation=${manager.organisationId}` })).statusCode).toBe(404);
    expect((await injectAs(t.app, karin, { method: 'GET', url: `${base}/export?format=pdf` })).statusCode).toBe(400);
  });

  it('exports every figure of the dashboard as one table the analyst may take out, naming no company', async () => {
    const dashboard = await call<Coverage>(t.app, analyst, 200, { method: 'GET', url: base });
    expect(dashboard.organisation.id).toBe(manager.organisationId);
    const res = await injectAs(t.app, analyst, { method: 'GET', url: `${base}/export` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''d%C3%A6kning-`);
    expect(res.rawPayload.toString('utf8')).not.toMatch(/Masse|Smedie|Værktøj|Bager/);
    const rows = await readCsvExport(res.rawPayload);
    expect(rows[0]).toEqual([
      'Organisation', 'Opdeling', 'Gruppe', 'Kommunekode', 'Kontaktniveau', 'Kadence (dage)', 'Opgjort', 'Virksomheder', 'Dækket',
      'Andel dækket (%)', 'Mål', 'Af målet (%)',
    ]);
    const body = rows.slice(1);
    const of = (breakdown: string) => body.filter((r) => r[1] === breakdown);
    const organisation = dashboard.organisation.name;
    expect(body.every((r) => r[0] === organisation)).toBe(true);
    // Tiers now: intensiv has 1 of 2 covered against a target of 4; løbende 1 of 2,051.
    expect(of('Kontaktniveau').map((r) => r.slice(2))).toEqual([
      ['intensiv', '', 'intensiv', '30', dmy(today), '2', '1', '50', '4', '25'],
      ['løbende', '', 'løbende', '180', dmy(today), String(massCount + 1), '1', '0', '', ''],
    ]);
    expect(of('I alt').map((r) => r.slice(2))).toEqual([
      ['Alle niveauer', '', 'Alle niveauer', '', dmy(today), String(massCount + 3), '2', '0,1', '4', '25'],
    ]);
    const months = of('Måned');
    expect(months).toHaveLength(24);
    const series = dashboard.tiers.flatMap((tier) => tier.monthly.map((p) => [tier.name, dmy(p.date), String(p.population), String(p.covered)]));
    expect(months.map((r) => [r[4], r[6], r[7], r[8]])).toEqual(series);
    expect(months[11][2]).toMatch(/^[a-zæøå]+ \d{4}$/);

    // Consultants: each with a total row, then a row per tier that has companies.
    expect(of('Ansvarlig konsulent').map((r) => [r[2], r[4], r[7], r[8]])).toEqual([
      ['Karin Konsulent', 'Alle niveauer', String(massCount + 2), '2'],
      ['Karin Konsulent', 'intensiv', '1', '1'],
      ['Karin Konsulent', 'løbende', String(massCount + 1), '1'],
      ['Ingen ansvarlig', 'Alle niveauer', '1', '0'],
      ['Ingen ansvarlig', 'intensiv', '1', '0'],
    ]);
    expect(of('Kommune').filter((r) => r[4] === 'Alle niveauer').map((r) => [r[2], r[3], r[7], r[8]])).toEqual(
      dashboard.municipalities.map((m) => [m.name ?? 'Ukendt kommune', m.code === null ? '' : String(m.code), String(m.population), String(m.covered)]),
    );
    expect((await lastExportAudit())).toEqual({
      user_id: analyst.userId,
      after: { list: 'coverage', format: 'csv', rows: body.length, filters: { organisation: manager.organisationId } },
    });
  });

  it('writes the figures as an English workbook with numbers and dates as such', async () => {
    const res = await injectAs(t.app, karin, { method: 'GET', url: `${base}/export?format=xlsx&lang=en` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = readWorkbook(res.rawPayload);
    const rows = book.rows();
    expect(rows[0].map((c) => c.value)).toEqual([
      'Organisation', 'Breakdown', 'Group', 'Municipality code', 'Contact tier', 'Cadence (days)', 'As of', 'Companies', 'Covered',
      'Share covered (%)', 'Target', 'Of target (%)',
    ]);
    const intensivRow = rows.find((r) => r[1].value === 'Contact tier' && r[2].value === 'intensiv')!;
    expect(intensivRow.find((c) => c.ref.startsWith('H'))).toMatchObject({ type: null, value: '2' });
    expect(intensivRow.find((c) => c.ref.startsWith('G'))?.style).toBe(2);
    expect(rows.some((r) => r[2].value === 'No responsible consultant')).toBe(true);
    expect(rows.some((r) => r[2].value === 'Unknown municipality')).toBe(true);
  });

  it('exports every company behind a figure, in the list\'s Danish order, with its filters', async () => {
    const rows = await csv(karin, `${base}/companies/export`);
    expect(rows[0]).toEqual([
      'Virksomhed', 'CVR-nummer', 'By', 'Kommune', 'Kontaktniveau', 'Kadence (dage)', 'Ansvarlig konsulent', 'Seneste kontakt', 'Dækket',
      'Dage over tid', 'Opgjort',
    ]);
    const body = rows.slice(1);
    expect(body).toHaveLength(massCount + 3);
    const firstPage = await call<CoverageCompanies>(t.app, karin, 200, { method: 'GET', url: `${base}/companies?pageSize=200` });
    expect(body.slice(0, 200).map((r) => r[0])).toEqual(firstPage.items.map((r) => r.company.name));
    expect(body.slice(-2).map((r) => r[0])).toEqual(['Øster Smedie ApS', 'Aalborg Værktøj A/S']);
    expect(new Set(body.map((r) => r[0])).size).toBe(body.length);

    const covered = await csv(karin, `${base}/companies/export?covered=true`);
    expect(covered.slice(1).map((r) => [r[0], r[3], r[4], r[6], r[7], r[8], r[9], r[10]])).toEqual([
      ['Bager Bo ApS', 'Vejle', 'løbende', 'Karin Konsulent', dmy(addDays(today, -10)), 'Ja', '-170', dmy(today)],
      ['Øster Smedie ApS', 'Kolding', 'intensiv', 'Karin Konsulent', dmy(addDays(today, -5)), 'Ja', '-25', dmy(today)],
    ]);
    expect((await lastExportAudit()).after).toEqual({
      list: 'coverage_companies', format: 'csv', rows: 2, filters: { covered: true, organisation: manager.organisationId },
    });
    const none = await csv(karin, `${base}/companies/export?consultant=none&tier=${intensiv.id}&lang=en`);
    expect(none.slice(1).map((r) => [r[0], r[3], r[6], r[8]])).toEqual([['Aalborg Værktøj A/S', 'Unknown municipality', 'No responsible consultant', 'No']]);
    const future = await injectAs(t.app, karin, { method: 'GET', url: `${base}/companies/export?at=${addDays(today, 1)}` });
    expect(future.statusCode).toBe(400);
    expect(future.json().detail).toMatch(/i dag eller en tidligere dato/);
  });

  it('lets the secretariat export another organisation\'s companies as a workbook', async () => {
    const secretary = await createActor(t.db, { roles: ['secretariat'], partnershipId: manager.partnershipId, organisationId: analyst.organisationId });
    const res = await injectAs(t.app, secretary, { method: 'GET', url: `${base}/companies/export?organisation=${manager.organisationId}&format=xlsx` });
    expect(res.statusCode).toBe(200);
    expect(countSheetRows(readWorkbook(res.rawPayload).sheetXml)).toBe(1 + massCount + 3);
    expect((await lastExportAudit()).after).toMatchObject({ list: 'coverage_companies', format: 'xlsx', rows: massCount + 3 });
  });
});
