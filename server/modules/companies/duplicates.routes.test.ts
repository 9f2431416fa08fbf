import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompanyDuplicatePage, CompanyDuplicatePair } from '../../../common/duplicates';
import { companies } from '../../db/schema';
import { testEngine } from '../../db/test-db';
import { createActor, createTestApp, injectAs, type TestActor, type TestApp } from '../../test/helpers';
import { companyReasons } from './duplicates.service';

let t: TestApp;
let secretariat: TestActor;
let consultant: TestActor;
const ids: Record<string, string> = {};

async function call<T = Record<string, unknown>>(actor: TestActor | null, status: number, method: 'GET' | 'POST', url: string, payload?: object): Promise<T> {
  const res = await injectAs(t.app, actor, { method, url, payload });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
  return (res.body ? res.json() : {}) as T;
}
const list = (actor: TestActor, query = '') => call<CompanyDuplicatePage>(actor, 200, 'GET', `/api/v1/duplicates/companies${query}`);
const pairOf = (page: CompanyDuplicatePage, x: string, y: string): CompanyDuplicatePair | undefined =>
  page.items.find((p) => (p.a.id === ids[x] && p.b.id === ids[y]) || (p.a.id === ids[y] && p.b.id === ids[x]));

async function company(key: string, values: Partial<typeof companies.$inferInsert> & { name: string }): Promise<void> {
  const [row] = await t.db.insert(companies).values({ source: values.cvr ? 'cvr' : 'manual', ...values }).returning();
  ids[key] = row.id;
}

beforeAll(async () => {
  t = await createTestApp();
  secretariat = await createActor(t.db, { roles: ['secretariat'], kind: 'secretariat' });
  consultant = await createActor(t.db, { roles: ['business_consultant'], partnershipId: secretariat.partnershipId });
  await company('trekant', { cvr: '13748136', name: 'Trekant Stålindustri A/S', street: 'Industrivej 12', postalCode: '6000', phone: '75501212', email: 'info@trekant.dk' });
  await company('trekan', { name: 'Trekan Staalindustri', postalCode: '6000' });
  await company('kst', { name: 'KST Værksted', postalCode: '6100', phone: '+45 75 50 12 12' });
  await company('vejle', { cvr: '25313763', name: 'Vejle Plast ApS', postalCode: '7100', street: 'Fabriksvej 3', email: 'kontakt@vejleplast.dk' });
  await company('vejleHand', { name: 'Plastfabrikken', postalCode: '7120', email: 'Kontakt@VejlePlast.dk ' });
  await company('sameAddress', { name: 'Vejle Plastic Værksted', postalCode: '7100', street: 'fabriksvej 3' });
  await company('bakery', { name: 'Kreativ Bageri', postalCode: '6000', street: 'Torvet 1' });
  await company('bakery2', { name: 'Kreativt Bageri', postalCode: '6000' });
  await company('cnc1', { cvr: '10000009', name: 'Hansen CNC ApS', postalCode: '7100' });
  await company('cnc2', { cvr: '10000017', name: 'Hansen CNC A/S', postalCode: '7100' });
});
afterAll(async () => t?.close());

describe(`company duplicates (${testEngine})`, () => {
  it('proposes hand-created companies against CVR companies by name, phone, e-mail and address, CVR company first', async () => {
    const page = await list(consultant);
    const byName = pairOf(page, 'trekant', 'trekan');
    expect(byName?.a.id).toBe(ids.trekant);
    expect(byName).toMatchObject({ suggestedSurvivorId: ids.trekant, survivorChoice: false, b: { cvr: null, source: 'manual' } });
    expect(byName?.reasons.map((r) => r.code)).toEqual(['similar_name']);
    expect(byName?.reasons[0].text).toMatch(/^navne ligner hinanden \(0,\d\d\)$/);

    expect(pairOf(page, 'trekant', 'kst')?.reasons.map((r) => r.text)).toEqual(['samme telefon']);
    expect(pairOf(page, 'vejle', 'vejleHand')?.reasons.map((r) => r.code)).toEqual(['same_email']);
    const address = pairOf(page, 'vejle', 'sameAddress');
    expect(address?.reasons.map((r) => r.code)).toContain('same_address');
    // Two hand-created companies: either may survive.
    expect(pairOf(page, 'bakery', 'bakery2')).toMatchObject({ survivorChoice: true });

    expect(pairOf(page, 'trekant', 'bakery')).toBeUndefined();
    expect(pairOf(page, 'cnc1', 'cnc2')).toBeUndefined();
    expect(page.items.every((p) => !(p.a.cvr && p.b.cvr))).toBe(true);
    const scores = page.items.map((p) => p.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    expect(page.total).toBe(page.items.length);
  });

  it('pages with ?page=', async () => {
    const all = await list(consultant);
    expect(all.total).toBeGreaterThanOrEqual(4);
    const second = await list(consultant, '?page=2&limit=1');
    expect(second).toMatchObject({ page: 2, limit: 1, offset: 1, total: all.total });
    expect(second.items.map((p) => [p.a.id, p.b.id])).toEqual([[all.items[1].a.id, all.items[1].b.id]]);
    expect((await list(consultant, `?page=${all.total + 1}`)).items).toEqual([]);
    expect((await call<{ code: string }>(consultant, 400, 'GET', '/api/v1/duplicates/companies?page=0')).code).toBe('validation');
  });

  it('leaves out a pair dismissed as "Ikke en dublet" for the partnership only, audited once', async () => {
    await call(secretariat, 204, 'POST', '/api/v1/duplicates/companies/dismiss', { aId: ids.trekan, bId: ids.trekant });
    await call(secretariat, 204, 'POST', '/api/v1/duplicates/companies/dismiss', { aId: ids.trekant, bId: ids.trekan });
    expect(pairOf(await list(consultant), 'trekant', 'trekan')).toBeUndefined();
    const other = await createActor(t.db, { roles: ['secretariat'], kind: 'secretariat' });
    expect(pairOf(await list(other), 'trekant', 'trekan')).toBeDefined();
    const audits = (await t.db.execute(sql`select count(*)::int as n from audit_log where action = 'duplicate.dismiss'`)).rows as { n: number }[];
    expect(audits[0].n).toBe(1);
  });

  it('checks input and permissions', async () => {
    const same = await call<{ code: string }>(secretariat, 400, 'POST', '/api/v1/duplicates/companies/dismiss', { aId: ids.kst, bId: ids.kst });
    expect(same.code).toBe('validation');
    await call(secretariat, 404, 'POST', '/api/v1/duplicates/companies/dismiss', { aId: ids.kst, bId: '00000000-0000-4000-8000-000000000000' });
    await call(consultant, 403, 'POST', '/api/v1/duplicates/companies/dismiss', { aId: ids.kst, bId: ids.trekant });
    const analyst = await createActor(t.db, { roles: ['analyst'], partnershipId: secretariat.partnershipId });
    await call(analyst, 403, 'GET', '/api/v1/duplicates/companies');
    await call(null, 401, 'GET', '/api/v1/duplicates/companies');
  });
});

describe('companyReasons', () => {
  it('writes the reasons in Danish with a decimal comma', () => {
    expect(companyReasons({ similarity: 0.8249, same_address: true, same_phone: true, same_email: false }).map((r) => r.text))
      .toEqual(['navne ligner hinanden (0,82)', 'samme adresse', 'samme telefon']);
    expect(companyReasons({ similarity: 1, same_address: false, same_phone: false, same_email: true }).map((r) => r.text))
      .toEqual(['samme navn', 'samme e-mail']);
    expect(companyReasons({ similarity: 0.3, same_address: true, same_phone: false, same_email: false }).map((r) => r.code)).toEqual(['same_address']);
  });
});
