import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompanyDuplicatePage } from '../../../common/duplicates';
import { companies } from '../../db/schema';
import { testEngine } from '../../db/test-db';
import { countSheetRows, readCsvExport, readWorkbook } from '../../http/export-read';
import { createActor, createTestApp, injectAs, type TestActor, type TestApp } from '../../test/helpers';
import { reasonsText } from './duplicates-export.routes';

let t: TestApp;
let secretariat: TestActor;
let consultant: TestActor;
const url = '/api/v1/duplicates/companies/export';
/** More pairs than one export batch (2,000) and far more than the list's largest page (100). */
const massPairs = 2010;
const ids: Record<string, string> = {};

async function csv(actor: TestActor, query = ''): Promise<string[][]> {
  const res = await injectAs(t.app, actor, { method: 'GET', url: `${url}${query}` });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return readCsvExport(res.rawPayload);
}

async function company(key: string, values: Partial<typeof companies.$inferInsert> & { name: string }): Promise<void> {
  const [row] = await t.db.insert(companies).values({ source: values.cvr ? 'cvr' : 'manual', ...values }).returning();
  ids[key] = row.id;
}

beforeAll(async () => {
  t = await createTestApp();
  secretariat = await createActor(t.db, { roles: ['secretariat'], kind: 'secretariat' });
  consultant = await createActor(t.db, { roles: ['business_consultant'], partnershipId: secretariat.partnershipId });
  await company('trekant', { cvr: '13748136', name: 'Trekant Stålindustri A/S', street: 'Industrivej 12', postalCode: '6000', city: 'Kolding', phone: '75501212' });
  await company('kst', { name: 'KST Værksted', postalCode: '6100', phone: '+45 75 50 12 12' });
  await company('vejle', { cvr: '25313763', name: 'Vejle Plast ApS', postalCode: '7100', email: 'kontakt@vejleplast.dk' });
  await company('vejleHand', { name: 'Plastfabrikken', postalCode: '7120', email: 'Kontakt@VejlePlast.dk' });
  // Each register company has a hand-created twin at its own (made-up) postal code: one pair each, same name.
  await t.db.execute(sql`insert into companies (cvr, name, source, postal_code)
    select lpad((20000000 + g)::text, 8, '0'), 'Masseværksted ' || g, 'cvr', 'M' || g from generate_series(1, ${massPairs}) g`);
  await t.db.execute(sql`insert into companies (name, source, postal_code)
    select 'Masseværksted ' || g, 'manual', 'M' || g from generate_series(1, ${massPairs}) g`);
});
afterAll(async () => t?.close());

describe(`company duplicate export (${testEngine})`, () => {
  it('is for those who may read the duplicates and export (401, 403)', async () => {
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    const analyst = await createActor(t.db, { roles: ['analyst'], partnershipId: secretariat.partnershipId });
    const provider = await createActor(t.db, { roles: ['provider'], partnershipId: secretariat.partnershipId, kind: 'provider' });
    expect((await injectAs(t.app, analyst, { method: 'GET', url })).statusCode).toBe(403);
    expect((await injectAs(t.app, provider, { method: 'GET', url })).statusCode).toBe(403);
  });

  it('exports every pair the list pages through, in its order, with both sides and the reasons', async () => {
    const rows = await csv(consultant);
    expect(rows[0].slice(0, 5)).toEqual(['Score', 'Begrundelse', 'Navn (bevares)', 'CVR-nummer (bevares)', 'Kilde (bevares)']);
    expect(rows[0]).toContain('Navn (dublet)');
    expect(rows[0].at(-1)).toBe('Begge kan bevares');
    const body = rows.slice(1);
    const first = await injectAs(t.app, consultant, { method: 'GET', url: '/api/v1/duplicates/companies?limit=100' });
    const page = first.json() as CompanyDuplicatePage;
    expect(body).toHaveLength(page.total);
    expect(page.total).toBeGreaterThanOrEqual(massPairs + 2);
    expect(body.slice(0, 100).map((r) => [r[2], r[12]])).toEqual(page.items.map((p) => [p.a.name, p.b.name]));
    expect(new Set(body.map((r) => `${r[2]}|${r[12]}`)).size).toBe(body.length);

    const phone = body.find((r) => r[2] === 'Trekant Stålindustri A/S' && r[12] === 'KST Værksted');
    expect(phone).toBeDefined();
    expect(phone!.slice(1, 10)).toEqual(['samme telefon', 'Trekant Stålindustri A/S', '13748136', 'CVR-registret', 'Aktiv', 'Industrivej 12', '6000', 'Kolding', '75501212']);
    expect(phone!.slice(12, 15)).toEqual(['KST Værksted', '', 'Oprettet i hånden']);
    expect(phone!.at(-1)).toBe('Nej');
    const email = body.find((r) => r[2] === 'Vejle Plast ApS');
    expect(email?.[1]).toBe('samme e-mail');

    const audit = (await t.db.execute(sql`select user_id, after from audit_log where action = 'data.export' order by id desc limit 1`)).rows[0] as
      { user_id: string; after: Record<string, unknown> };
    expect(audit).toEqual({ user_id: consultant.userId, after: { list: 'company_duplicates', format: 'csv', rows: body.length, filters: {} } });
  });

  it('leaves out dismissed pairs and writes an English workbook', async () => {
    await injectAs(t.app, secretariat, { method: 'POST', url: '/api/v1/duplicates/companies/dismiss', payload: { aId: ids.trekant, bId: ids.kst } });
    const res = await injectAs(t.app, secretariat, { method: 'GET', url: `${url}?format=xlsx&lang=en` });
    expect(res.statusCode).toBe(200);
    const book = readWorkbook(res.rawPayload);
    expect(book.sheetXml).not.toContain('KST Værksted');
    expect(book.sheetXml).toContain('Name (keep)');
    expect(book.sheetXml).toContain('same e-mail');
    const list = (await injectAs(t.app, secretariat, { method: 'GET', url: '/api/v1/duplicates/companies?limit=1' })).json() as CompanyDuplicatePage;
    expect(countSheetRows(book.sheetXml)).toBe(1 + list.total);
  });
});

describe('reasonsText', () => {
  it('joins the reasons, in Danish as the service writes them or in English with a decimal point', () => {
    const reasons = [
      { code: 'similar_name' as const, similarity: 0.82, text: 'navne ligner hinanden (0,82)' },
      { code: 'same_address' as const, similarity: null, text: 'samme adresse' },
    ];
    expect(reasonsText('da', reasons)).toBe('navne ligner hinanden (0,82); samme adresse');
    expect(reasonsText('en', reasons)).toBe('similar names (0.82); same address');
  });
});
