import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tier } from '../../../common/engagement';
import type { Coverage, CoverageCompanies, CoverageMap, TierCoverage } from '../../../common/engagement-coverage';
import { companies, contactTiers, municipalityBoundaries, organisations, users } from '../../db/schema';
import { testEngine } from '../../db/test-db';
import { createActor, createTestApp, injectAs, type TestActor, type TestApp } from '../../test/helpers';
import { seedReferenceData } from '../reference';
import { addDays, todayInDenmark } from './dates';
import { call } from './test-fixtures';

let t: TestApp;
let manager: TestActor;
let karin: TestActor;
let bo: TestActor;
let analyst: TestActor;
let other: TestActor;
let otherManager: TestActor;
let intensiv: Tier;
let loebende: Tier;
const today = todayInDenmark();
const c: Record<string, string> = {};
/** Every interaction of the organisation under test that is not deleted, per company: the oracle's input. */
const contacts = new Map<string, string[]>();

const base = '/api/v1/engagement/coverage';
const get = <T>(actor: TestActor, url: string, status = 200) => call<T>(t.app, actor, status, { method: 'GET', url });
const log = async (actor: TestActor, companyId: string, date: string) => {
  const created = await call<{ id: string }>(t.app, actor, 201, {
    method: 'POST', url: `/api/v1/companies/${companyId}/interactions`, payload: { date, channel: 'visit', purpose: 'retention' },
  });
  if (actor.organisationId === manager.organisationId) contacts.set(companyId, [...(contacts.get(companyId) ?? []), date]);
  return created.id;
};
const logDeleted = async (actor: TestActor, companyId: string, date: string) => {
  const created = await call<{ id: string }>(t.app, actor, 201, {
    method: 'POST', url: `/api/v1/companies/${companyId}/interactions`, payload: { date, channel: 'phone', purpose: 'retention' },
  });
  await call(t.app, actor, 204, { method: 'DELETE', url: `/api/v1/interactions/${created.id}` });
};

async function company(key: string, name: string, municipality: number | null, tier: Tier | null, responsible: TestActor | null) {
  const [row] = await t.db.insert(companies).values({ name, source: 'manual', municipalityCode: municipality }).returning();
  c[key] = row.id;
  if (tier) await call(t.app, manager, 200, { method: 'PUT', url: `/api/v1/companies/${row.id}/tier`, payload: { tierId: tier.id } });
  if (responsible) await call(t.app, manager, 200, { method: 'PUT', url: `/api/v1/companies/${row.id}/responsible`, payload: { userId: responsible.userId } });
}

const named = async (actor: TestActor, name: string) => {
  await t.db.update(users).set({ name }).where(eq(users.id, actor.userId));
  return actor;
};

/** The KPI's definition, evaluated naively: covered at d when a contact falls in (d − cadence, d]. */
function expectedCovered(members: string[], cadence: number, d: string): number {
  return members.filter((id) => (contacts.get(id) ?? []).some((x) => x <= d && x > addDays(d, -cadence))).length;
}

beforeAll(async () => {
  t = await createTestApp();
  await seedReferenceData(t.db);
  manager = await named(await createActor(t.db, { roles: ['manager'], municipalityCode: 621 }), 'Lone Leder');
  const same = { partnershipId: manager.partnershipId, organisationId: manager.organisationId };
  karin = await named(await createActor(t.db, { roles: ['business_consultant'], ...same }), 'Karin Konsulent');
  bo = await named(await createActor(t.db, { roles: ['business_consultant'], ...same }), 'Åse Ågård');
  analyst = await createActor(t.db, { roles: ['analyst'], ...same });
  other = await createActor(t.db, { roles: ['business_consultant'], partnershipId: manager.partnershipId, municipalityCode: null });
  otherManager = await createActor(t.db, { roles: ['manager'], partnershipId: manager.partnershipId, organisationId: other.organisationId });
  intensiv = await call<Tier>(t.app, karin, 201, { method: 'POST', url: '/api/v1/engagement/tiers', payload: { name: 'intensiv', cadenceDays: 30 } });
  loebende = await call<Tier>(t.app, karin, 201, { method: 'POST', url: '/api/v1/engagement/tiers', payload: { name: 'løbende', cadenceDays: 180 } });

  await company('i1', 'Zebra Stål A/S', 621, intensiv, karin);
  await company('i2', 'Æble Plast ApS', 621, intensiv, karin);
  await company('i3', 'Ørsted Smed ApS', 621, intensiv, bo);
  await company('i4', 'Ågård Metal A/S', null, intensiv, null);
  await company('l5', 'Bager Hansen ApS', 630, loebende, karin);
  await company('l6', 'Aalborg Beslag A/S', 630, loebende, null);
  await company('l7', 'Cirkel Maskiner ApS', null, loebende, null);
  await company('x8', 'Udenfor Niveau ApS', 621, null, karin);
});
afterAll(async () => t?.close());

describe(`contact coverage against targets (${testEngine})`, () => {
  let dates: string[] = [];

  it('counts a member covered only with a non-deleted contact of its own organisation within its cadence', async () => {
    const first = await get<Coverage>(karin, base);
    dates = first.tiers[0].monthly.map((p) => p.date);
    await log(karin, c.i1, addDays(today, -29)); // inside 30 days
    await log(karin, c.i2, addDays(today, -30)); // exactly 30 days ago: due today, not covered
    await logDeleted(karin, c.i3, today); // deleted: ignored
    await log(karin, c.i3, addDays(today, -40));
    await log(other, c.i4, today); // another organisation's contact does not count
    await log(karin, c.l5, addDays(today, -179));
    await log(karin, c.l6, addDays(today, -180));
    await log(karin, c.x8, today); // not in a tier: not in any population
    // History for the monthly series: on a month end, and before the first point but inside the cadence.
    await log(karin, c.i2, dates[9]);
    await log(karin, c.l6, dates[3]);
    await log(karin, c.i1, addDays(dates[0], -10));
    await log(karin, c.l5, addDays(dates[0], -170));
    await log(karin, c.l7, addDays(dates[0], -200)); // too old for any point
    await logDeleted(karin, c.l7, dates[6]);
    await log(other, c.l7, dates[8]);

    const now = await get<Coverage>(karin, base);
    const tier = (name: string) => now.tiers.find((x) => x.name === name) as TierCoverage;
    expect(now.date).toBe(today);
    expect(now.tiers.map((x) => [x.name, x.population, x.covered, x.share])).toEqual([['intensiv', 4, 1, 0.25], ['løbende', 3, 1, 1 / 3]]);
    expect(now.totals).toEqual({ population: 7, covered: 2, targetCompanies: null, targetCovered: 0, share: 2 / 7, targetProgress: null });
    expect(tier('intensiv')).toMatchObject({ targetCompanies: null, targetProgress: null, cadenceDays: 30 });

    expect(now.consultants.map((r) => [r.consultant?.name ?? null, r.population, r.covered])).toEqual([
      ['Karin Konsulent', 3, 2], ['Åse Ågård', 1, 0], [null, 3, 0],
    ]);
    expect(now.consultants[0].byTier).toEqual([
      { tierId: intensiv.id, population: 2, covered: 1 }, { tierId: loebende.id, population: 1, covered: 1 },
    ]);
    expect(now.municipalities.map((r) => [r.code, r.name, r.population, r.covered, r.share])).toEqual([
      [621, 'Kolding', 3, 1, 1 / 3], [630, 'Vejle', 2, 1, 0.5], [null, null, 2, 0, 0],
    ]);
    expect(now.organisation.id).toBe(manager.organisationId);
  });

  it('gives a monthly series of month ends and today that follows the definition', async () => {
    const now = await get<Coverage>(karin, base);
    expect(dates).toHaveLength(12);
    expect(dates[11]).toBe(today);
    for (let i = 0; i < 11; i += 1) {
      expect(addDays(dates[i], 1).endsWith('-01'), dates[i]).toBe(true);
      expect(dates[i] < dates[i + 1]).toBe(true);
    }
    expect(addDays(dates[10], 1).slice(0, 7)).toBe(today.slice(0, 7));
    const members = { intensiv: [c.i1, c.i2, c.i3, c.i4], løbende: [c.l5, c.l6, c.l7] };
    for (const tier of now.tiers) {
      const ids = members[tier.name as keyof typeof members];
      expect(tier.monthly.map((p) => p.covered), tier.name).toEqual(dates.map((d) => expectedCovered(ids, tier.cadenceDays, d)));
      expect(tier.monthly.every((p) => p.population === ids.length && p.month === p.date.slice(0, 7))).toBe(true);
      expect(tier.monthly[11].covered).toBe(tier.covered);
    }
    const intensivSeries = now.tiers[0].monthly;
    expect(intensivSeries[9].covered).toBeGreaterThanOrEqual(1); // i2's contact on that month end
    expect(intensivSeries[0].covered).toBe(1); // i1, ten days before the first point
    expect(now.tiers[1].monthly[0].covered).toBe(1); // l5, 170 days before the first point
    expect(now.tiers[1].monthly[3].covered).toBe(1); // l6, contacted on that month end
  });

  it('lists the companies behind a figure in Danish order, with last contact and days overdue', async () => {
    const uncovered = await get<CoverageCompanies>(karin, `${base}/companies?tier=${intensiv.id}&covered=false`);
    expect(uncovered.total).toBe(3);
    expect(uncovered.items.map((r) => [r.company.name, r.lastContactDate, r.daysOverdue, r.covered])).toEqual([
      ['Æble Plast ApS', addDays(today, -30), 0, false],
      ['Ørsted Smed ApS', addDays(today, -40), 10, false],
      ['Ågård Metal A/S', null, 0, false],
    ]);
    expect(uncovered.items[1]).toMatchObject({ consultant: { id: bo.userId, name: 'Åse Ågård' }, municipality: { code: 621, name: 'Kolding' }, tier: { id: intensiv.id, name: 'intensiv', cadenceDays: 30 } });
    expect(uncovered.items[2]).toMatchObject({ consultant: null, municipality: null });

    const all = await get<CoverageCompanies>(karin, `${base}/companies`);
    expect(all.items.map((r) => r.company.name)).toEqual([
      'Bager Hansen ApS', 'Cirkel Maskiner ApS', 'Zebra Stål A/S', 'Æble Plast ApS', 'Ørsted Smed ApS', 'Ågård Metal A/S', 'Aalborg Beslag A/S',
    ]);
    const covered = await get<CoverageCompanies>(karin, `${base}/companies?covered=true`);
    expect(covered.items.map((r) => [r.company.name, r.daysOverdue])).toEqual([['Bager Hansen ApS', -1], ['Zebra Stål A/S', -1]]);

    const names = async (query: string) => (await get<CoverageCompanies>(karin, `${base}/companies?${query}`)).items.map((r) => r.company.name);
    expect(await names(`consultant=${karin.userId}`)).toEqual(['Bager Hansen ApS', 'Zebra Stål A/S', 'Æble Plast ApS']);
    expect(await names('consultant=none')).toEqual(['Cirkel Maskiner ApS', 'Ågård Metal A/S', 'Aalborg Beslag A/S']);
    expect(await names('municipality=630&covered=false')).toEqual(['Aalborg Beslag A/S']);
    expect(await names('municipality=none')).toEqual(['Cirkel Maskiner ApS', 'Ågård Metal A/S']);

    const past = await get<CoverageCompanies>(karin, `${base}/companies?tier=${intensiv.id}&covered=true&at=${dates[9]}`);
    expect(past.date).toBe(dates[9]);
    expect(past.items.find((r) => r.company.id === c.i2)).toMatchObject({ lastContactDate: dates[9], daysOverdue: -30, covered: true });
    const series = (await get<Coverage>(karin, base)).tiers[0].monthly;
    expect(past.total).toBe(series[9].covered);

    const page2 = await get<CoverageCompanies>(karin, `${base}/companies?pageSize=3&page=2`);
    expect(page2).toMatchObject({ total: 7, limit: 3, offset: 3 });
    expect(page2.items.map((r) => r.company.name)).toEqual(['Æble Plast ApS', 'Ørsted Smed ApS', 'Ågård Metal A/S']);
    expect(await get<CoverageCompanies>(karin, `${base}/companies?pageSize=3&page=9`)).toMatchObject({ items: [], total: 7, offset: 24 });

    const future = await injectAs(t.app, karin, { method: 'GET', url: `${base}/companies?at=${addDays(today, 1)}` });
    expect(future.statusCode).toBe(400);
    expect(future.json().detail).toMatch(/i dag eller en tidligere dato/);
    expect((await injectAs(t.app, karin, { method: 'GET', url: `${base}/companies?covered=maybe` })).statusCode).toBe(400);
  });

  it('gives analysts the aggregates but not the company list; other organisations see their own figures', async () => {
    const own = await get<Coverage>(karin, base);
    const seen = await get<Coverage>(analyst, base);
    expect(seen.tiers).toEqual(own.tiers);
    expect(seen.consultants).toEqual(own.consultants);
    await get(analyst, `${base}/companies`, 403);
    await get(analyst, `${base}/companies?tier=${intensiv.id}`, 403);
    const theirs = await get<Coverage>(other, base);
    expect(theirs).toMatchObject({ tiers: [], consultants: [], municipalities: [], totals: { population: 0, covered: 0, share: 0 } });
    expect((await get<CoverageCompanies>(other, `${base}/companies`)).total).toBe(0);
    expect((await injectAs(t.app, null, { method: 'GET', url: base })).statusCode).toBe(401);
  });

  it('lets a lead set, change and remove a tier\'s target (audited); validates it in Danish', async () => {
    const url = `/api/v1/engagement/tiers/${intensiv.id}/target`;
    await call(t.app, karin, 403, { method: 'PUT', url, payload: { targetCompanies: 4 } });
    await call(t.app, analyst, 403, { method: 'PUT', url, payload: { targetCompanies: 4 } });
    await call(t.app, otherManager, 404, { method: 'PUT', url, payload: { targetCompanies: 4 } });
    const negative = await injectAs(t.app, manager, { method: 'PUT', url, payload: { targetCompanies: -1 } });
    expect(negative.statusCode).toBe(422);
    expect(negative.json()).toMatchObject({ code: 'invalid_target', detail: 'Målet kan ikke være negativt.', errors: [{ path: 'targetCompanies', message: 'Målet kan ikke være negativt.' }] });
    const fraction = await injectAs(t.app, manager, { method: 'PUT', url, payload: { targetCompanies: 2.5 } });
    expect(fraction.statusCode).toBe(400);
    expect(fraction.json().errors[0].message).toBe('Målet skal være et helt antal virksomheder.');
    await call(t.app, manager, 400, { method: 'PUT', url, payload: {} });

    const set = await call<Tier>(t.app, manager, 200, { method: 'PUT', url, payload: { targetCompanies: 4 } });
    expect(set).toMatchObject({ id: intensiv.id, targetCompanies: 4, companyCount: 4 });
    await call(t.app, manager, 200, { method: 'PUT', url: `/api/v1/engagement/tiers/${loebende.id}/target`, payload: { targetCompanies: 0 } });
    const tiers = await get<{ items: Tier[] }>(karin, '/api/v1/engagement/tiers');
    expect(tiers.items.map((x) => [x.name, x.targetCompanies])).toEqual([['intensiv', 4], ['løbende', 0]]);
    const withTargets = await get<Coverage>(karin, base);
    expect(withTargets.tiers.map((x) => [x.targetCompanies, x.targetProgress])).toEqual([[4, 0.25], [0, 1]]);
    expect(withTargets.totals).toMatchObject({ targetCompanies: 4, targetCovered: 2, targetProgress: 0.5 });
    await call(t.app, manager, 200, { method: 'PUT', url: `/api/v1/engagement/tiers/${loebende.id}/target`, payload: { targetCompanies: null } });
    // Only tiers with a target count towards the combined target.
    expect((await get<Coverage>(karin, base)).totals).toMatchObject({ covered: 2, targetCompanies: 4, targetCovered: 1, targetProgress: 0.25 });

    await call(t.app, manager, 200, { method: 'PUT', url, payload: { targetCompanies: null } });
    const audits = (await t.db.execute(sql`select action, before, after from audit_log where entity = 'contact_tier' and entity_id = ${intensiv.id}
      and action = 'tier.target_set' order by id`)).rows as { before: unknown; after: unknown }[];
    expect(audits.map((a) => [a.before, a.after])).toEqual([
      [{ targetCompanies: null }, { targetCompanies: 4 }], [{ targetCompanies: 4 }, { targetCompanies: null }],
    ]);
    expect((await get<Coverage>(karin, base)).tiers[0].targetCompanies).toBeNull();
  });

  it('serves the partnership\'s municipality boundaries, simplified, once they are imported', async () => {
    expect((await get<Coverage>(karin, base)).mapAvailable).toBe(false);
    expect((await get<CoverageMap>(analyst, `${base}/map`)).features).toEqual([]);
    // A jagged square around Kolding (621) and one around Vejle (630, not a municipality of this partnership).
    const ring = (x: number, y: number) => {
      const points: [number, number][] = [];
      for (let i = 0; i <= 200; i += 1) points.push([x + i * 0.002, y + (i % 2) * 0.00001]);
      points.push([x + 0.4, y + 0.3], [x, y + 0.3], [x, y]);
      return points;
    };
    await t.db.insert(municipalityBoundaries).values([
      { code: 621, geometry: { type: 'MultiPolygon', coordinates: [[ring(9.3, 55.4)]] }, source: 'test' },
      { code: 630, geometry: { type: 'MultiPolygon', coordinates: [[ring(9.4, 55.7)]] }, source: 'test' },
    ]);
    expect((await get<Coverage>(karin, base)).mapAvailable).toBe(true);
    const map = await get<CoverageMap>(karin, `${base}/map`);
    expect(map.features.map((f) => f.properties)).toEqual([{ code: 621, name: 'Kolding' }]);
    const simplified = map.features[0].geometry.coordinates[0][0];
    expect(simplified.length).toBeLessThan(10);
    expect(simplified[0]).toEqual(simplified[simplified.length - 1]);
    expect(simplified).toContainEqual([9.7, 55.7]);
  });
});

describe(`coverage of another organisation of the partnership (${testEngine})`, () => {
  let secretariatAnalyst: TestActor;
  let secretary: TestActor;
  let stranger: TestActor;
  let oestjysk: string;
  let aabenraa: string;

  beforeAll(async () => {
    // The analyst and the secretary sit in the secretariat, which has no tiers of its own.
    secretariatAnalyst = await createActor(t.db, { roles: ['analyst'], partnershipId: manager.partnershipId, kind: 'secretariat' });
    secretary = await createActor(t.db, { roles: ['secretariat'], partnershipId: manager.partnershipId, organisationId: secretariatAnalyst.organisationId });
    stranger = await createActor(t.db, { roles: ['business_consultant'] });
    await t.db.update(organisations).set({ name: 'Erhvervskontor Kolding' }).where(eq(organisations.id, manager.organisationId));
    // Two more organisations with a tier each: "Aa" sorts as "Å", after "Ø", in Danish.
    const [a] = await t.db.insert(organisations).values({ partnershipId: manager.partnershipId, kind: 'business_office', name: 'Aabenraa Erhverv' }).returning();
    const [o] = await t.db.insert(organisations).values({ partnershipId: manager.partnershipId, kind: 'jobcentre', name: 'Østjysk Jobcenter' }).returning();
    aabenraa = a.id;
    oestjysk = o.id;
    await t.db.insert(contactTiers).values([
      { organisationId: aabenraa, name: 'intensiv', cadenceDays: 30 }, { organisationId: oestjysk, name: 'løbende', cadenceDays: 90 },
    ]);
    await t.db.insert(contactTiers).values({ organisationId: stranger.organisationId, name: 'fremmed', cadenceDays: 30 });
  });

  it('lets an analyst of the secretariat read any organisation\'s aggregates, the first with tiers by default', async () => {
    const own = await get<Coverage>(karin, base);
    const byDefault = await get<Coverage>(secretariatAnalyst, base);
    expect(byDefault.organisations.map((o) => o.name)).toEqual(['Erhvervskontor Kolding', 'Østjysk Jobcenter', 'Aabenraa Erhverv']);
    expect(byDefault.organisation).toEqual({ id: manager.organisationId, name: 'Erhvervskontor Kolding' });
    expect(byDefault.tiers).toEqual(own.tiers);
    expect(byDefault.consultants).toEqual(own.consultants);
    expect(byDefault.municipalities).toEqual(own.municipalities);

    const chosen = await get<Coverage>(secretariatAnalyst, `${base}?organisation=${oestjysk}`);
    expect(chosen.organisation.name).toBe('Østjysk Jobcenter');
    expect(chosen.tiers.map((x) => [x.name, x.population])).toEqual([['løbende', 0]]);
    expect((await get<Coverage>(secretariatAnalyst, `${base}?organisation=${manager.organisationId.toUpperCase()}`)).tiers).toEqual(own.tiers);
    // Its own organisation, asked for explicitly, is empty (no tiers) but allowed.
    expect(await get<Coverage>(secretariatAnalyst, `${base}?organisation=${secretariatAnalyst.organisationId}`))
      .toMatchObject({ organisation: { id: secretariatAnalyst.organisationId }, tiers: [] });
    expect((await get<CoverageMap>(secretariatAnalyst, `${base}/map?organisation=${manager.organisationId}`)).type).toBe('FeatureCollection');
  });

  it('keeps the company list from analysts whatever the organisation, but gives it to the secretariat', async () => {
    for (const query of ['', `?organisation=${manager.organisationId}`, `?organisation=${secretariatAnalyst.organisationId}`]) {
      await get(secretariatAnalyst, `${base}/companies${query}`, 403);
    }
    const theirs = await get<CoverageCompanies>(secretary, `${base}/companies?organisation=${manager.organisationId}&covered=true`);
    expect(theirs.organisation.name).toBe('Erhvervskontor Kolding');
    expect(theirs.items.map((r) => r.company.name)).toEqual(
      (await get<CoverageCompanies>(karin, `${base}/companies?covered=true`)).items.map((r) => r.company.name),
    );
    expect((await get<CoverageCompanies>(secretary, `${base}/companies`)).organisation.id).toBe(manager.organisationId);
  });

  it('refuses another organisation to those who may only read their own (403), and other partnerships (404)', async () => {
    const mine = await get<Coverage>(karin, `${base}?organisation=${manager.organisationId}`);
    expect(mine.organisations).toEqual([{ id: manager.organisationId, name: 'Erhvervskontor Kolding' }]);
    for (const url of [`${base}?organisation=${oestjysk}`, `${base}/companies?organisation=${aabenraa}`, `${base}/map?organisation=${oestjysk}`,
      `${base}?organisation=${stranger.organisationId}`]) {
      const res = await injectAs(t.app, karin, { method: 'GET', url });
      expect(res.statusCode, url).toBe(403);
      expect(res.json().detail).toBe('Du kan kun se dækningen for din egen organisation.');
    }
    await get(manager, `${base}?organisation=${oestjysk}`, 403);
    for (const actor of [secretariatAnalyst, secretary]) {
      const res = await injectAs(t.app, actor, { method: 'GET', url: `${base}?organisation=${stranger.organisationId}` });
      expect(res.statusCode).toBe(404);
      expect(res.json().detail).toBe('Organisationen findes ikke i partnerskabet.');
    }
    expect((await get<Coverage>(stranger, base)).organisations.map((o) => o.id)).toEqual([stranger.organisationId]);
    const bad = await injectAs(t.app, secretariatAnalyst, { method: 'GET', url: `${base}?organisation=kolding` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].message).toBe('Ugyldigt organisations-id.');
  });
});
