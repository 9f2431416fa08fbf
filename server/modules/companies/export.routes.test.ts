import { sql } from 'drizzle-orm';
import { companySearchQuerySchema } from '../../../common/companies';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countSheetRows, readCsvExport, readWorkbook } from '../../http/export-read';
import { keysetBatches } from '../../http/export';
import { createActor, createTestApp, injectAs, type TestActor, type TestApp } from '../../test/helpers';
import { seedReferenceData } from '../reference';
import { searchSpecOf } from './companies.service';
import { seedDemoCompanies } from './demo.service';
import { companyExportPage, exportCursorOf, planCompanyExport } from './search-export.repo';

let t: TestApp;
let consultant: TestActor;
const url = (query: string) => `/api/v1/companies/export?${query}`;

async function exportCsv(query: string, actor: TestActor = consultant): Promise<string[][]> {
  const res = await injectAs(t.app, actor, { method: 'GET', url: url(query) });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return readCsvExport(res.rawPayload);
}

const count = async (where: string) => Number(((await t.db.execute(sql.raw(`select count(*)::int as n from companies c where ${where}`))) as unknown as { rows: { n: number }[] }).rows[0].n);

beforeAll(async () => {
  t = await createTestApp();
  await seedReferenceData(t.db);
  await seedDemoCompanies(t.db, 300);
  // 650 companies that a name search finds: more than the interactive search counts (500).
  await t.db.execute(sql`insert into companies (cvr, name, status, municipality_code, employees, source)
    select null, 'Eksporttest ' || g || ' ApS', case when g % 10 = 0 then 'ceased' else 'active' end,
      case when g % 2 = 0 then 621 else 630 end, g, 'manual'
    from generate_series(1, 650) g`);
  await t.db.execute(sql`insert into companies (name, street, employees, source) values
    ('Ærø Stål', '=HYPERLINK("http://x")', 3, 'manual'), ('Åbenrå Smed; "Kvalitet"', 'Vej 1', 4, 'manual'), ('Zebra Metal', null, 5, 'manual')`);
  consultant = await createActor(t.db, { roles: ['business_consultant'] });
});
afterAll(async () => t?.close());

describe('GET /api/v1/companies/export', () => {
  it('refuses anonymous callers (401) and users who may not export the register (403)', async () => {
    expect((await t.app.inject({ method: 'GET', url: url('format=csv') })).statusCode).toBe(401);
    // Everyone who reads the register may export it (policy matrix); a company user may do neither.
    const companyUser = await createActor(t.db, { roles: ['company_user'] });
    expect((await injectAs(t.app, companyUser, { method: 'GET', url: url('format=csv') })).statusCode).toBe(403);
    const bad = await injectAs(t.app, consultant, { method: 'GET', url: url('format=pdf') });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('problem+json');
  });

  it('exports every company, not a page, in Danish order, as a CSV attachment', async () => {
    const res = await injectAs(t.app, consultant, { method: 'GET', url: url('format=csv') });
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="virksomheder-\d{4}-\d{2}-\d{2}\.csv"/);
    const rows = await readCsvExport(res.rawPayload);
    expect(rows[0]).toEqual(['CVR-nummer', 'Navn', 'Status', 'Adresse', 'Postnr.', 'By', 'Kommunekode', 'Kommune',
      'Branchekode', 'Branche', 'Ansatte (interval)', 'Ansatte', 'Reklamebeskyttet']);
    const data = rows.slice(1);
    expect(data).toHaveLength(await count('true'));
    expect(data.length).toBeGreaterThan(900);
    const names = data.map((r) => r[1]);
    // Danish order: Z before Æ, Ø, Å (and "Aa" sorts as Å), exactly as the register's ordering key says.
    const ordered = (await t.db.execute(sql`select name from companies order by sort_key collate "C", id`)) as unknown as { rows: { name: string }[] };
    expect(names).toEqual(ordered.rows.map((r) => r.name));
    expect(names.indexOf('Zebra Metal')).toBeLessThan(names.indexOf('Ærø Stål'));
    expect(names.indexOf('Ærø Stål')).toBeLessThan(names.indexOf('Åbenrå Smed; "Kvalitet"'));
    const aero = data.find((r) => r[1] === 'Ærø Stål')!;
    expect(aero[3]).toBe('\'=HYPERLINK("http://x")');
  });

  it('honours the search filters and exports every name match beyond the interactive cap', async () => {
    const page = (await injectAs(t.app, consultant, { method: 'GET', url: '/api/v1/companies?q=Eksporttest' })).json() as { total: number; totalCapped?: boolean };
    expect(page.totalCapped).toBe(true);
    const all = (await exportCsv('q=Eksporttest')).slice(1);
    expect(all).toHaveLength(650);
    const byName = (await exportCsv('q=Eksporttest&sort=name')).slice(1);
    expect(byName.map((r) => r[1]).sort()).toEqual(all.map((r) => r[1]).sort());
    const filtered = (await exportCsv('q=Eksporttest&municipality=621&status=ceased')).slice(1);
    expect(filtered).toHaveLength(65);
    expect(filtered.every((r) => r[6] === '621' && r[2] === 'Ophørt')).toBe(true);
    const kolding = (await exportCsv('municipality=621&format=csv')).slice(1);
    expect(kolding).toHaveLength(await count('municipality_code = 621'));
    const industry = (await exportCsv('industry=C')).slice(1);
    expect(industry).toHaveLength(await count(`industry_section = 'C'`));
  });

  it('exports the same rows as the search for a CVR and for an exact name', async () => {
    const anchor = (await injectAs(t.app, consultant, { method: 'GET', url: '/api/v1/companies?q=Trekant%20St%C3%A5lindustri' })).json() as { items: { cvr: string; name: string }[] };
    const byCvr = (await exportCsv(`q=${anchor.items[0].cvr}`)).slice(1);
    expect(byCvr.map((r) => r[1])).toEqual([anchor.items[0].name]);
    const first = (await exportCsv('q=Trekant%20St%C3%A5lindustri')).slice(1);
    expect(first[0][1]).toBe(anchor.items[0].name);
  });

  it('writes an XLSX workbook with the same rows, in English when asked', async () => {
    const res = await injectAs(t.app, consultant, { method: 'GET', url: url('format=xlsx&lang=en&q=Eksporttest') });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(/filename="companies-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const book = readWorkbook(res.rawPayload);
    expect(countSheetRows(book.sheetXml)).toBe(651);
    const rows = book.rows();
    expect(rows[0][1].value).toBe('Name');
    const employees = rows.slice(1).map((r) => r.find((c) => c.ref.startsWith('L')));
    expect(employees.every((c) => c && c.type === null && /^\d+$/.test(c.value ?? ''))).toBe(true);
  });

  it('writes one audit entry per export with the list, filters and row count, never the data', async () => {
    await exportCsv('q=Eksporttest&municipality=621&status=ceased');
    const rows = (await t.db.execute(sql`select action, entity, after, user_id from audit_log
      where action = 'data.export' order by id desc limit 1`)) as unknown as { rows: { action: string; entity: string; after: Record<string, unknown>; user_id: string }[] };
    const entry = rows.rows[0];
    expect(entry.user_id).toBe(consultant.userId);
    expect(entry.after).toEqual({
      list: 'companies', format: 'csv', rows: 65, filters: { q: 'Eksporttest', municipality: [621], status: 'ceased', sort: 'relevance' },
    });
    expect(JSON.stringify(entry.after)).not.toContain('ApS');
  });

  it('exports a broad text match (more than the relevance limit) in Danish name order', async () => {
    const spec = searchSpecOf(companySearchQuerySchema.parse({ q: 'Eksporttest' }));
    const small = await planCompanyExport(t.db, spec, 650);
    const broad = await planCompanyExport(t.db, spec, 649);
    expect([small.order, broad.order]).toEqual(['relevance', 'name']);
    const names = (await companyExportPage(t.db, broad, null, 1000)).map((r) => r.name);
    expect(names).toHaveLength(650);
    const ordered = (await t.db.execute(sql`select name from companies where name like 'Eksporttest %' order by sort_key collate "C", id`)) as unknown as { rows: { name: string }[] };
    expect(names).toEqual(ordered.rows.map((r) => r.name));
  });

  it('pages by keyset without losing or repeating a row at page boundaries', async () => {
    for (const query of [{}, { q: 'Eksporttest' }, { q: 'Eksporttest', sort: 'name' }, { municipality: '630' }]) {
      const spec = searchSpecOf(companySearchQuerySchema.parse(query));
      const plan = await planCompanyExport(t.db, spec);
      const whole = await companyExportPage(t.db, plan, null, 100_000);
      const paged: string[] = [];
      for await (const batch of keysetBatches((after, limit) => companyExportPage(t.db, plan, after, limit), exportCursorOf, 97)) {
        paged.push(...batch.map((r) => r.id));
      }
      expect(paged).toEqual(whole.map((r) => r.id));
    }
  });
});
