import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActor, createTestApp, injectAs, type TestActor, type TestApp } from '../../test/helpers';
import { seedReferenceData } from '../reference';
import { seedDemoCompanies } from './demo.service';
import type { CompanyDetail, CompanySummary } from '../../../common/companies';

let t: TestApp;
let consultant: TestActor;
let analyst: TestActor;

interface Page { items: CompanySummary[]; total: number; totalCapped?: boolean }

async function search(query: string): Promise<Page> {
  const res = await injectAs(t.app, consultant, { method: 'GET', url: `/api/v1/companies?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Page;
}

beforeAll(async () => {
  t = await createTestApp();
  await seedReferenceData(t.db);
  await seedDemoCompanies(t.db, 400);
  // Postal codes come from an import (not the built-in seed); the one this test needs:
  await t.db.execute(sql`insert into postal_codes (code, name, municipality_code) values ('6000', 'Kolding', 621) on conflict do nothing`);
  consultant = await createActor(t.db, { roles: ['business_consultant'] });
  analyst = await createActor(t.db, { roles: ['analyst'] });
});
afterAll(async () => t?.close());

describe('company search', () => {
  it('finds the anchor despite typos and a missing å', async () => {
    const page = await search(`q=${encodeURIComponent('Trekan Staalindustri')}`);
    expect(page.items[0].name).toBe('Trekant Stålindustri A/S');
    expect(page.items[0].municipalityName).toBe('Kolding');
    expect(['name_fuzzy', 'name']).toContain(page.items[0].matchedBy);
  });

  it('looks up an exact CVR and an exact P-number', async () => {
    const anchor = (await search('q=Trekant%20St%C3%A5lindustri')).items[0];
    const byCvr = await search(`q=${anchor.cvr}`);
    expect(byCvr.items.map((i) => i.id)).toEqual([anchor.id]);
    expect(byCvr.items[0].matchedBy).toBe('cvr');
    const detail = (await injectAs(t.app, consultant, { method: 'GET', url: `/api/v1/companies/${anchor.id}` })).json() as CompanyDetail;
    expect(detail.productionUnits).toHaveLength(2);
    const byP = await search(`q=${detail.productionUnits[1].pNumber}`);
    expect(byP.items.map((i) => i.id)).toEqual([anchor.id]);
    expect(byP.items[0].matchedBy).toBe('p_number');
    const byCvrRoute = await injectAs(t.app, consultant, { method: 'GET', url: `/api/v1/companies/by-cvr/${anchor.cvr}` });
    expect((byCvrRoute.json() as CompanyDetail).id).toBe(anchor.id);
    expect((byCvrRoute.json() as CompanyDetail).industrySection).toBe('C');
  });

  it('filters by municipality, industry section, code prefix, band and status', async () => {
    const kolding = await search('municipality=621&limit=200');
    expect(kolding.total).toBeGreaterThan(0);
    expect(kolding.items.every((i) => i.municipalityCode === 621)).toBe(true);
    const two = await search('municipality=621&municipality=630&limit=200');
    expect(two.total).toBeGreaterThan(kolding.total);
    const sectionC = await search('industry=C&limit=200');
    expect(sectionC.items.every((i) => /^(1\d|2\d|3[0-3])/.test(i.industryCode ?? ''))).toBe(true);
    const prefix = await search('industry=2511&limit=200');
    expect(prefix.total).toBeGreaterThan(0);
    expect(prefix.items.every((i) => i.industryCode?.startsWith('2511'))).toBe(true);
    const band = await search('employeeBand=ANTAL_20_49&status=active&limit=200');
    expect(band.items.every((i) => i.employeeBand === 'ANTAL_20_49' && i.status === 'active')).toBe(true);
    const combined = await search(`q=Trekant&municipality=630`);
    expect(combined.items.find((i) => i.name === 'Trekant Stålindustri A/S')).toBeUndefined();
  });

  it('sorts names the Danish way: Æ, Ø, then Å and Aa after Z', async () => {
    const page = await search('sort=name&limit=200&offset=0&industry=C');
    const all: string[] = [];
    for (let offset = 0; offset < page.total; offset += 200) {
      all.push(...(await search(`sort=name&limit=200&offset=${offset}&industry=C`)).items.map((i) => i.name));
    }
    const ae = all.indexOf('Ærø Automation ApS');
    const oe = all.indexOf('Østergaard Metal A/S');
    const aa = all.indexOf('Aabenraa Smede ApS');
    const z = all.findIndex((n) => /^[Zz]|^Vejle/.test(n));
    expect(ae).toBeGreaterThan(z);
    expect(oe).toBeGreaterThan(ae);
    expect(aa).toBeGreaterThan(oe);
  });

  it('requires a session', async () => {
    const res = await injectAs(t.app, null, { method: 'GET', url: '/api/v1/companies?q=plast' });
    expect(res.statusCode).toBe(401);
  });
});

describe('creating and editing companies', () => {
  it('creates a company in formation without CVR, audited', async () => {
    const res = await injectAs(t.app, consultant, {
      method: 'POST', url: '/api/v1/companies', payload: { name: 'Nystartet Svejs ApS', postalCode: '6000', industryCode: '251100' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as CompanyDetail;
    expect(body).toMatchObject({ cvr: null, status: 'formation', source: 'manual', city: 'Kolding', municipalityCode: 621, industrySection: 'C' });
    const audit = await t.db.execute(sql`select action, after from audit_log where entity = 'company' and entity_id = ${body.id}`);
    expect((audit as unknown as { rows: { action: string }[] }).rows.map((r) => r.action)).toEqual(['company.create']);
  });

  it('refuses an invalid CVR with the Danish message, and a duplicate with 409', async () => {
    const bad = await injectAs(t.app, consultant, { method: 'POST', url: '/api/v1/companies', payload: { name: 'Forkert ApS', cvr: '13748137' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('CVR-nummeret er ugyldigt');
    const ok = await injectAs(t.app, consultant, { method: 'POST', url: '/api/v1/companies', payload: { name: 'Rigtig ApS', cvr: '13748136' } });
    expect(ok.statusCode, ok.body).toBe(201);
    expect((ok.json() as CompanyDetail).status).toBe('active');
    const dup = await injectAs(t.app, consultant, { method: 'POST', url: '/api/v1/companies', payload: { name: 'Kopi ApS', cvr: 'DK 13 74 81 36' } });
    expect(dup.statusCode).toBe(409);
    expect((dup.json() as { code: string }).code).toBe('cvr_taken');
  });

  it('forbids create for a role without company.create (analyst)', async () => {
    const res = await injectAs(t.app, analyst, { method: 'POST', url: '/api/v1/companies', payload: { name: 'Nej ApS' } });
    expect(res.statusCode).toBe(403);
    const read = await injectAs(t.app, analyst, { method: 'GET', url: '/api/v1/companies?q=plast' });
    expect(read.statusCode).toBe(200);
  });

  it('edits a manual company with before/after audit; CVR master data stays read-only', async () => {
    const created = (await injectAs(t.app, consultant, { method: 'POST', url: '/api/v1/companies', payload: { name: 'Rettes ApS' } })).json() as CompanyDetail;
    const patched = await injectAs(t.app, consultant, { method: 'PATCH', url: `/api/v1/companies/${created.id}`, payload: { phone: '75500000', employees: 12 } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ phone: '75500000', employees: 12 });
    const audit = await t.db.execute(sql`select before, after from audit_log where action = 'company.update' and entity_id = ${created.id}`);
    const row = (audit as unknown as { rows: { before: { phone: string | null }; after: { phone: string } }[] }).rows[0];
    expect(row.before.phone).toBeNull();
    expect(row.after.phone).toBe('75500000');

    await t.db.execute(sql`update companies set source = 'cvr' where id = ${created.id}`);
    const locked = await injectAs(t.app, consultant, { method: 'PATCH', url: `/api/v1/companies/${created.id}`, payload: { name: 'Nyt navn' } });
    expect(locked.statusCode).toBe(400);
    expect((locked.json() as { code: string }).code).toBe('cvr_managed');
    const phone = await injectAs(t.app, consultant, { method: 'PATCH', url: `/api/v1/companies/${created.id}`, payload: { email: 'kontakt@rettes.dk' } });
    expect(phone.statusCode).toBe(200);
  });

  it('returns 404 for an unknown company', async () => {
    const res = await injectAs(t.app, consultant, { method: 'GET', url: '/api/v1/companies/00000000-0000-4000-8000-000000000000' });
    expect(res.statusCode).toBe(404);
  });
});
