import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidates, occupations } from '../../db/schema';
import { testEngine } from '../../db/test-db';
import { createActor, createTestApp, type TestActor, type TestApp } from '../../test/helpers';
import { seedReferenceData } from '../reference';
import {
  candidateCheckMs, forgetMatchingIndex, markCandidatesChanged, partnershipMatcher, taxonomyCheckMs, toMatchOrder,
} from './matching-index';
import { warmMatchingIndexes } from './matching-index.warm';
import { insertCandidate, occ, skill } from './placements.test-fixtures';
import type { JobOrderRow } from './orders.lookup';

let t: TestApp;
let a: TestActor;
let b: TestActor;
const many = 3000;

beforeAll(async () => {
  t = await createTestApp();
  await seedReferenceData(t.db);
  a = await createActor(t.db, { roles: ['jobcentre_consultant'], kind: 'jobcentre' });
  b = await createActor(t.db, { roles: ['jobcentre_consultant'], kind: 'jobcentre', partnershipId: a.partnershipId });
  const trades = ['svejser', 'smed', 'cnc-operatoer', 'lagermedarbejder', 'elektriker'];
  const rows = Array.from({ length: many }, (_, i) => ({
    partnershipId: a.partnershipId, organisationId: i % 2 ? a.organisationId : b.organisationId, ref: `K-BULK-${process.pid}-${i}`,
    name: `Bulk ${i}`, cprHash: `bulk-${i % 2801}`, occupations: [occ(trades[i % trades.length])],
    skills: [skill('tegningslaesning'), skill(i % 3 ? 'mig-mag-svejsning' : 'drejning')], languages: ['da:flydende'], postalCode: '6000',
    maxCommuteKm: 50, active: i % 50 !== 0,
  }));
  for (let i = 0; i < rows.length; i += 500) await t.db.insert(candidates).values(rows.slice(i, i + 500));
});
afterAll(async () => t?.close());

const welderOrder = { occupationUri: occ('svejser'), requiredSkills: [], wantedSkills: [], certificates: [], languages: ['da:godt'], hoursPerWeek: 37,
  startDate: null, workplacePostalCode: null, workplaceMunicipalityCode: null, jobType: 'ordinary' } as unknown as JobOrderRow;

describe(`the shortlist's candidate index (${testEngine})`, () => {
  it('is built ahead of the first shortlist by the warm-up at start', async () => {
    forgetMatchingIndex(t.db);
    expect(await warmMatchingIndexes(t.db)).toBeGreaterThanOrEqual(1);
    const warmed = await partnershipMatcher(t.db, a.partnershipId);
    expect(await partnershipMatcher(t.db, a.partnershipId)).toBe(warmed);
    expect(warmed.index.size).toBe(many - many / 50);
  });

  it('builds from the database: active candidates of every centre, one person once', async () => {
    forgetMatchingIndex(t.db);
    const started = performance.now();
    const matcher = await partnershipMatcher(t.db, a.partnershipId);
    const ms = performance.now() - started;
    console.info(JSON.stringify({ bench: 'matching-index.build', engine: testEngine, candidates: matcher.index.size, ms: Math.round(ms) }));
    expect(matcher.index.size).toBe(many - many / 50);
    const again = performance.now();
    forgetMatchingIndex(t.db);
    await partnershipMatcher(t.db, a.partnershipId);
    console.info(JSON.stringify({ bench: 'matching-index.rebuild', engine: testEngine, ms: Math.round(performance.now() - again) }));
    expect(matcher.taxonomy.occupationLabels).toContain('Svejser');
    const result = matcher.index.match(toMatchOrder(welderOrder), { today: '2026-01-15', limit: 3000 });
    const persons = new Set(result.matches.map((m) => matcher.registrations.get(m.candidateId)?.personKey));
    expect(persons.size).toBe(result.matches.length);
    expect(result.matches.some((m) => m.alsoAt.length > 0)).toBe(true);
  });

  it('follows change events at once, and other processes\' writes within the check interval', async () => {
    const now = Date.now();
    const first = await insertCandidate(t.db, a);
    markCandidatesChanged(a.partnershipId, [first.id]);
    expect((await partnershipMatcher(t.db, a.partnershipId, now)).registrations.has(first.id)).toBe(true);

    const quiet = await insertCandidate(t.db, b);
    expect((await partnershipMatcher(t.db, a.partnershipId, now + 1)).registrations.has(quiet.id)).toBe(false);
    expect((await partnershipMatcher(t.db, a.partnershipId, now + candidateCheckMs + 1)).registrations.has(quiet.id)).toBe(true);

    await t.db.update(candidates).set({ anonymisedAt: new Date(), updatedAt: new Date() }).where(eq(candidates.id, quiet.id));
    await t.db.delete(candidates).where(eq(candidates.id, first.id));
    const later = await partnershipMatcher(t.db, a.partnershipId, now + 2 * candidateCheckMs + 2);
    expect(later.registrations.has(quiet.id)).toBe(false);
    expect(later.registrations.has(first.id)).toBe(false);
    expect(later.index.size).toBe(many - many / 50);
  });

  it('rebuilds the taxonomy when the reference data changes', async () => {
    const now = Date.now() + 10 * taxonomyCheckMs;
    const before = await partnershipMatcher(t.db, a.partnershipId, now);
    await t.db.insert(occupations).values({
      uri: 'urn:test:occupation:robottekniker', scheme: 'test', iscoGroup: '3139', preferredLabel: 'Robot technician',
      labels: { da: { preferred: 'Robottekniker', alt: [] }, en: { preferred: 'Robot technician', alt: [] } },
    });
    const same = await partnershipMatcher(t.db, a.partnershipId, now + 1);
    expect(same.taxonomy).toBe(before.taxonomy);
    const after = await partnershipMatcher(t.db, a.partnershipId, now + taxonomyCheckMs + 1);
    expect(after.taxonomy).not.toBe(before.taxonomy);
    expect(after.taxonomy.occupationLabels).toContain('Robottekniker');
    expect(after.index.size).toBe(before.index.size);
    await t.db.execute(sql`delete from occupations where uri = 'urn:test:occupation:robottekniker'`);
  });
});
