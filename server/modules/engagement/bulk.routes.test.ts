import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulkAssignment, BulkConsultant, BulkPreview, BulkResult } from '../../../common/engagement-bulk';
import type { Tier } from '../../../common/engagement';
import { compareDa } from '../../../common/text';
import { companies, companyResponsibles, contactTiers, users } from '../../db/schema';
import { testEngine } from '../../db/test-db';
import { createActor, createTestApp, injectAs, type TestActor, type TestApp } from '../../test/helpers';
import { call } from './test-fixtures';

let t: TestApp;
let manager: TestActor;
let anders: TestActor;
let bodil: TestActor;
let aage: TestActor;
let dorte: TestActor;
let gone: TestActor;
let other: TestActor;
let otherTierId: string;
let tier: Tier;
const ids = new Map<string, string>();

const url = '/api/v1/engagement/bulk-assignments';
const filter = { municipalities: [621], industrySection: 'C', minEmployees: 10 };

async function named(actor: TestActor, name: string): Promise<TestActor> {
  await t.db.update(users).set({ name }).where(eq(users.id, actor.userId));
  return actor;
}

async function company(name: string, o: { municipality?: number; section?: string; employees?: number | null; band?: string | null; status?: string } = {}) {
  const [row] = await t.db.insert(companies).values({
    name, source: 'manual', municipalityCode: o.municipality ?? 621, industrySection: o.section ?? 'C',
    industryCode: o.section && o.section !== 'C' ? '471100' : '251100',
    employees: o.employees === undefined ? 20 : o.employees, employeeBand: o.band ?? null, status: o.status ?? 'active',
  }).returning();
  ids.set(name, row.id);
  return row.id;
}

const responsibleCounts = async (organisationId: string) => Object.fromEntries(
  ((await t.db.execute(sql`select user_id, count(*)::int as n from company_responsibles where organisation_id = ${organisationId} group by user_id`))
    .rows as { user_id: string; n: number }[]).map((r) => [r.user_id, r.n]),
);

beforeAll(async () => {
  t = await createTestApp();
  manager = await named(await createActor(t.db, { roles: ['manager'], municipalityCode: 621 }), 'Lone Leder');
  const same = { partnershipId: manager.partnershipId, organisationId: manager.organisationId };
  anders = await named(await createActor(t.db, { roles: ['business_consultant'], ...same }), 'Anders Ager');
  bodil = await named(await createActor(t.db, { roles: ['business_consultant'], ...same }), 'Bodil Bæk');
  // "Aa" sorts as "Å", after Z, in Danish.
  aage = await named(await createActor(t.db, { roles: ['jobcentre_consultant'], ...same }), 'Aage Aagaard');
  dorte = await named(await createActor(t.db, { roles: ['business_consultant'], ...same }), 'Dorte Dal');
  gone = await named(await createActor(t.db, { roles: ['business_consultant'], ...same }), 'Gitte Gået');
  await t.db.update(users).set({ status: 'deactivated' }).where(eq(users.id, gone.userId));
  other = await createActor(t.db, { roles: ['business_consultant'], partnershipId: manager.partnershipId });
  [{ id: otherTierId }] = await t.db.insert(contactTiers).values({ organisationId: other.organisationId, name: 'intensiv', cadenceDays: 14 }).returning();
  tier = await call<Tier>(t.app, manager, 201, { method: 'POST', url: '/api/v1/engagement/tiers', payload: { name: 'intensiv', cadenceDays: 30 } });

  for (const name of ['Zebra Plast', 'Ærø Stål', 'Bulk Metal', 'Østjysk Smed', 'Aalborg Værktøj', 'Åbybro Maskiner', 'Anker Industri', 'Ølstykke Form', 'Cirkel Stål']) {
    await company(name);
  }
  await company('Båndværk', { employees: null, band: 'ANTAL_20_49' }); // no count: the band's lower end decides
  await company('Lille Smedje', { employees: 9 });
  await company('Lille Bånd', { employees: null, band: 'ANTAL_5_9' });
  await company('Kolding Handel', { section: 'G' });
  await company('Vejle Stål', { municipality: 630 });
  await company('Lukket Stål', { status: 'ceased' });
  await t.db.insert(companyResponsibles).values([
    { organisationId: manager.organisationId, companyId: ids.get('Zebra Plast') as string, userId: bodil.userId },
    { organisationId: manager.organisationId, companyId: ids.get('Vejle Stål') as string, userId: bodil.userId },
    { organisationId: manager.organisationId, companyId: ids.get('Cirkel Stål') as string, userId: dorte.userId },
    // Another organisation's responsible is its own business.
    { organisationId: other.organisationId, companyId: ids.get('Anker Industri') as string, userId: other.userId },
  ]);
});
afterAll(async () => t?.close());

const body = (over: Partial<BulkAssignment> = {}): BulkAssignment => ({
  filter, tierId: tier.id, consultantIds: [aage.userId, anders.userId, bodil.userId], ...over,
});
const preview = (over: Partial<BulkAssignment> = {}) => call<BulkPreview>(t.app, manager, 200, { method: 'POST', url: `${url}/preview`, payload: body(over) });

describe(`bulk assignment of tiers and responsibles (${testEngine})`, () => {
  it('lists the organisation\'s active consultants in Danish order with their portfolios', async () => {
    const list = await call<{ items: BulkConsultant[] }>(t.app, manager, 200, { method: 'GET', url: `${url}/consultants` });
    expect(list.items.map((c) => [c.name, c.portfolioCount])).toEqual([['Anders Ager', 0], ['Bodil Bæk', 2], ['Dorte Dal', 1], ['Aage Aagaard', 0]]);
  });

  it('is for leads only: a consultant gets 403, an anonymous caller 401', async () => {
    await call(t.app, anders, 403, { method: 'GET', url: `${url}/consultants` });
    await call(t.app, anders, 403, { method: 'POST', url: `${url}/preview`, payload: body() });
    await call(t.app, anders, 403, { method: 'POST', url, payload: { ...body(), fingerprint: '0'.repeat(64) } });
    expect((await injectAs(t.app, null, { method: 'POST', url: `${url}/preview`, payload: body() })).statusCode).toBe(401);
  });

  it('previews the counts, an even split in Danish order and a sample, and writes nothing', async () => {
    const before = await responsibleCounts(manager.organisationId);
    const p = await preview();
    expect(p.total).toBe(10);
    expect(p.responsibles).toEqual({ new: 8, reassigned: 1, unchanged: 1 });
    expect(p.tiers).toEqual({ new: 10, changed: 0, unchanged: 0 });
    expect([p.changed, p.unchanged]).toEqual([10, 0]);
    expect(p.tier).toEqual({ id: tier.id, name: 'intensiv' });
    expect(p.consultants.map((c) => [c.name, c.portfolioBefore, c.assigned, c.gained, c.released, c.portfolioAfter])).toEqual([
      ['Anders Ager', 0, 4, 4, 0, 4], ['Bodil Bæk', 2, 3, 2, 0, 4], ['Aage Aagaard', 0, 3, 3, 0, 3],
    ]);
    expect(p.releasedBy).toEqual([{ id: dorte.userId, name: 'Dorte Dal', count: 1 }]);
    const names = p.sample.map((s) => s.name);
    expect(names).toEqual(['Anker Industri', 'Bulk Metal', 'Båndværk', 'Cirkel Stål', 'Zebra Plast', 'Ærø Stål', 'Ølstykke Form', 'Østjysk Smed', 'Åbybro Maskiner', 'Aalborg Værktøj']);
    expect([...names].sort(compareDa)).toEqual(names);
    // Bodil keeps Zebra Plast; the rest are dealt round-robin to whoever still has room.
    expect(p.sample.map((s) => s.responsibleAfter?.name)).toEqual([
      'Anders Ager', 'Bodil Bæk', 'Aage Aagaard', 'Anders Ager', 'Bodil Bæk', 'Bodil Bæk', 'Aage Aagaard', 'Anders Ager', 'Aage Aagaard', 'Anders Ager',
    ]);
    expect(p.sample[3]).toMatchObject({ name: 'Cirkel Stål', responsibleBefore: { name: 'Dorte Dal' }, tierBefore: null, tierAfter: { name: 'intensiv' }, changed: true });
    expect(p.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect((await preview()).fingerprint).toBe(p.fingerprint);
    expect(await responsibleCounts(manager.organisationId)).toEqual(before);
  });

  it('filters on name, band, status and the organisation\'s own portfolio', async () => {
    expect((await preview({ filter: { ...filter, q: 'stal' } })).sample.map((s) => s.name)).toEqual(['Cirkel Stål', 'Ærø Stål']);
    expect((await preview({ filter: { ...filter, withoutResponsible: true } })).total).toBe(8);
    expect((await preview({ filter: { ...filter, activeOnly: false } })).total).toBe(11);
    expect((await preview({ filter: { municipalities: [621], employeeBands: ['ANTAL_5_9'] } })).sample.map((s) => s.name)).toEqual(['Lille Bånd']);
    expect((await preview({ filter: { industryPrefix: '2511', minEmployees: 0 } })).total).toBe(13);
    const tierOnly = await preview({ consultantIds: [] });
    expect([tierOnly.responsibles, tierOnly.tiers?.new, tierOnly.consultants]).toEqual([null, 10, []]);
  });

  it('refuses, in Danish, tiers and consultants that are not the organisation\'s own, and empty choices', async () => {
    const refuse = async (status: number, payload: object, code: string, detail: RegExp) => {
      const res = await call<{ code: string; detail: string }>(t.app, manager, status, { method: 'POST', url: `${url}/preview`, payload });
      expect(res.code).toBe(code);
      expect(res.detail).toMatch(detail);
    };
    await refuse(422, body({ tierId: otherTierId }), 'unknown_tier', /Kontaktniveauet findes ikke i din organisation/);
    await refuse(422, body({ consultantIds: [anders.userId, other.userId] }), 'invalid_consultant', /ikke en aktiv bruger i din organisation/);
    await refuse(422, body({ consultantIds: [gone.userId] }), 'invalid_consultant', /ikke en aktiv bruger/);
    await refuse(422, body({ consultantIds: [manager.userId] }), 'invalid_consultant', /Lone Leder har ikke en konsulentrolle/);
    await refuse(400, body({ filter: {} }), 'validation', /Nogle felter/);
    await refuse(400, body({ tierId: undefined, consultantIds: [] }), 'validation', /Nogle felter/);
    await refuse(400, body({ consultantIds: [anders.userId, anders.userId] }), 'validation', /Nogle felter/);
    const apply = await call<{ code: string }>(t.app, manager, 422, { method: 'POST', url, payload: { ...body({ tierId: otherTierId }), fingerprint: '0'.repeat(64) } });
    expect(apply.code).toBe('unknown_tier');
  });

  let assignmentId = '';

  it('refuses a stale preview with 409 and writes nothing; a fresh preview applies', async () => {
    const p = await preview();
    await company('Bøgh Metal'); // a new matching company arrives between preview and apply
    const before = await responsibleCounts(manager.organisationId);
    const staleAnswer = await call<{ code: string; detail: string }>(t.app, manager, 409, { method: 'POST', url, payload: { ...body(), fingerprint: p.fingerprint } });
    expect(staleAnswer.raw.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(staleAnswer.code).toBe('bulk_stale');
    expect(staleAnswer.detail).toMatch(/^Udvalget er ændret – vis forhåndsvisningen igen\./);
    await call(t.app, manager, 409, { method: 'POST', url, payload: { ...body(), fingerprint: 'f'.repeat(64) } });
    expect(await responsibleCounts(manager.organisationId)).toEqual(before);

    const fresh = await preview();
    expect(fresh.total).toBe(11);
    const result = await call<BulkResult>(t.app, manager, 200, { method: 'POST', url, payload: { ...body(), fingerprint: fresh.fingerprint } });
    expect({ ...result, assignmentId: undefined, raw: undefined }).toEqual({ ...fresh, assignmentId: undefined, raw: undefined });
    assignmentId = result.assignmentId;
    const counts = await responsibleCounts(manager.organisationId);
    expect([counts[anders.userId], counts[bodil.userId], counts[aage.userId], counts[dorte.userId]]).toEqual([4, 5, 3, undefined]);
    const tiered = await t.db.execute(sql`select count(*)::int as n from company_tiers where organisation_id = ${manager.organisationId} and tier_id = ${tier.id}`);
    expect((tiered.rows[0] as { n: number }).n).toBe(11);
    const otherOrg = await t.db.execute(sql`select user_id from company_responsibles where organisation_id = ${other.organisationId}`);
    expect(otherOrg.rows).toEqual([{ user_id: other.userId }]);
  });

  it('audits the assignment in one entry: filter, counts, split and the companies that moved', async () => {
    const rows = (await t.db.execute(sql`select user_id, action, entity, before, after from audit_log where entity_id = ${assignmentId}`)).rows as {
      user_id: string; action: string; entity: string;
      before: { responsibles: Record<string, string[]>; tiers: Record<string, string[]> };
      after: { filter: object; total: number; changed: number; responsibles: object; tiers: object; consultants: { id: string; assigned: number; gained: number; companyIds: string[] }[]; tier: { companyIds: string[] } };
    }[];
    expect(rows).toHaveLength(1);
    const [entry] = rows;
    expect(entry).toMatchObject({ user_id: manager.userId, action: 'portfolio.bulk_assign', entity: 'bulk_assignment' });
    expect(entry.after).toMatchObject({ filter: { municipalities: [621], industrySection: 'C', minEmployees: 10 }, total: 11, changed: 11, responsibles: { new: 9, reassigned: 1, unchanged: 1 } });
    expect(entry.before.responsibles).toEqual({ [dorte.userId]: [ids.get('Cirkel Stål')] });
    expect(entry.before.tiers).toEqual({});
    expect(entry.after.tier.companyIds).toHaveLength(11);
    const split = Object.fromEntries(entry.after.consultants.map((c) => [c.id, [c.assigned, c.gained, c.companyIds.length]]));
    expect(split).toEqual({ [anders.userId]: [4, 4, 4], [bodil.userId]: [4, 3, 3], [aage.userId]: [3, 3, 3] });
    const moved = entry.after.consultants.flatMap((c) => c.companyIds);
    expect(new Set(moved).size).toBe(10);
    expect(moved).not.toContain(ids.get('Zebra Plast'));
  });

  it('is idempotent: the same choices again report everything unchanged', async () => {
    const again = await preview();
    expect([again.total, again.changed, again.unchanged]).toEqual([11, 0, 11]);
    expect(again.responsibles).toEqual({ new: 0, reassigned: 0, unchanged: 11 });
    expect(again.tiers).toEqual({ new: 0, changed: 0, unchanged: 11 });
    const before = await t.db.select().from(companyResponsibles).where(eq(companyResponsibles.organisationId, manager.organisationId));
    const result = await call<BulkResult>(t.app, manager, 200, { method: 'POST', url, payload: { ...body(), fingerprint: again.fingerprint } });
    expect(result.changed).toBe(0);
    const after = await t.db.select().from(companyResponsibles).where(eq(companyResponsibles.organisationId, manager.organisationId));
    expect(after).toEqual(before);
  });

  it('can balance against each consultant\'s whole portfolio', async () => {
    // Bodil also holds Vejle Stål outside the set, so she gives one of hers to the others.
    const p = await preview({ balance: 'portfolio' });
    expect(p.consultants.map((c) => [c.name, c.assigned, c.portfolioAfter])).toEqual([['Anders Ager', 4, 4], ['Bodil Bæk', 3, 4], ['Aage Aagaard', 4, 4]]);
    expect(p.responsibles).toEqual({ new: 0, reassigned: 1, unchanged: 10 });
  });
});
