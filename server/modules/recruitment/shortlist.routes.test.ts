import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Shortlist } from '../../../common/recruitment';
import { candidates } from '../../db/schema';
import { testEngine } from '../../db/test-db';
import { createTestApp, injectAs, type TestApp } from '../../test/helpers';
import { seedReferenceData } from '../reference';
import { candidatesChanged } from './candidates.events';
import { call, createWorld, insertCandidate, insertOrder, occ, skill, type World } from './placements.test-fixtures';

let t: TestApp;
let w: World;
let order: { id: string; number: string };
const c: Record<string, Awaited<ReturnType<typeof insertCandidate>>> = {};

beforeAll(async () => {
  t = await createTestApp();
  await seedReferenceData(t.db);
  w = await createWorld(t.db);
  // The same person at both centres (same keyed CPR hash): A's registration is better (it has TIG too).
  c.sharedA = await insertCandidate(t.db, w.a, { cprHash: 'person-1', skills: [skill('mig-mag-svejsning'), skill('tegningslaesning'), skill('svejsecertifikat'), skill('tig-svejsning')] });
  c.sharedB = await insertCandidate(t.db, w.b, { cprHash: 'person-1' });
  c.smith = await insertCandidate(t.db, w.b, { occupations: [occ('smed')], skills: [skill('mig-mag-svejsning'), skill('tegningslaesning'), skill('pladebearbejdning')] });
  // One skill short of the order's required skills: a near miss.
  c.near = await insertCandidate(t.db, w.a, { skills: [skill('mig-mag-svejsning'), skill('tegningslaesning')] });
  c.inactive = await insertCandidate(t.db, w.b, { active: false });
  c.far = await insertCandidate(t.db, w.b, { postalCode: '7000', maxCommuteKm: 5 });
  c.warehouse = await insertCandidate(t.db, w.a, { occupations: [occ('lagermedarbejder')], skills: [skill('ordreplukning')] });
  order = await insertOrder(t.db, w.a, w.companyId, { requiredSkills: [skill('mig-mag-svejsning'), skill('tegningslaesning'), skill('svejsecertifikat')] });
});
afterAll(async () => t?.close());

const url = (id = order.id, limit = 50) => `/api/v1/orders/${id}/shortlist?limit=${limit}`;
const ids = (list: Shortlist['matches']) => list.map((m) => m.candidateId);

describe(`shortlist (${testEngine})`, () => {
  it('merges every centre\'s candidates, shows a person once with the other centre in alsoAt, and explains in Danish', async () => {
    const result = await call<Shortlist>(t.app, w.a, 200, { method: 'GET', url: url() });
    expect(result.orderId).toBe(order.id);
    expect(result.centres).toBe(2);
    const shared = result.matches.filter((m) => [c.sharedA.id, c.sharedB.id].includes(m.candidateId));
    expect(shared).toHaveLength(1);
    expect(shared[0]).toMatchObject({
      candidateId: c.sharedA.id, ref: c.sharedA.ref, organisationId: w.a.organisationId, own: true,
      alsoAt: [{ organisationId: w.b.organisationId, organisationName: expect.stringContaining('Testorganisation') }], placement: null,
    });
    expect(shared[0].reasons.map((r) => r.text)).toEqual(expect.arrayContaining(['samme erhverv: Svejser', '3 af 3 nødvendige kompetencer', 'kan starte straks']));
    expect(ids(result.matches)).toContain(c.smith.id);
    expect(result.matches[0].candidateId).toBe(c.sharedA.id);
    const scores = result.matches.map((m) => m.score);
    expect([...scores].sort((x, y) => y - x)).toEqual(scores);
    // Inactive candidates and those beyond their own commute limit are never shown.
    expect(ids(result.matches)).not.toContain(c.inactive.id);
    expect(ids(result.matches)).not.toContain(c.far.id);
  });

  it('lists near misses (a certificate or skills short) with what they lack', async () => {
    const certified = await insertOrder(t.db, w.a, w.companyId, {
      requiredSkills: [skill('mig-mag-svejsning'), skill('tegningslaesning'), skill('svejsecertifikat')], certificates: ['svejs_mig_mag'],
    });
    await t.db.update(candidates).set({ certificates: ['svejs_mig_mag'] }).where(eq(candidates.id, c.smith.id));
    candidatesChanged(w.a.partnershipId, [c.smith.id]);
    const result = await call<Shortlist>(t.app, w.a, 200, { method: 'GET', url: url(certified.id) });
    expect(ids(result.matches)).toEqual([c.smith.id]);
    const near = result.nearMisses.find((m) => m.candidateId === c.near.id);
    expect(near?.missingSkills).toEqual([{ uri: skill('svejsecertifikat'), label: 'Svejsecertifikat (EN ISO 9606)' }]);
    expect(near?.missingCertificates).toEqual(['svejs_mig_mag']);
    expect(near?.reasons.map((r) => r.text)).toEqual(expect.arrayContaining(['mangler: Svejsecertifikat (EN ISO 9606)', 'mangler Svejsecertifikat MIG/MAG']));
  });

  it('shows the caller\'s own registration of a shared person, so its centre can propose it', async () => {
    const result = await call<Shortlist>(t.app, w.b, 200, { method: 'GET', url: url() });
    const shared = result.matches.filter((m) => [c.sharedA.id, c.sharedB.id].includes(m.candidateId));
    expect(shared).toHaveLength(1);
    expect(shared[0]).toMatchObject({ candidateId: c.sharedB.id, ref: c.sharedB.ref, own: true, alsoAt: [{ organisationId: w.a.organisationId }] });
    expect(result.matches.find((m) => m.candidateId === c.smith.id)?.own).toBe(true);
  });

  it('never contains a candidate\'s identity', async () => {
    const result = await call<Shortlist>(t.app, w.b, 200, { method: 'GET', url: url() });
    for (const x of Object.values(c)) {
      expect(result.raw.body).not.toContain(x.name);
      expect(result.raw.body).not.toContain('example.dk');
    }
  });

  it('follows candidate changes: new, deactivated', async () => {
    const fresh = await insertCandidate(t.db, w.b, { skills: [skill('mig-mag-svejsning'), skill('tegningslaesning'), skill('svejsecertifikat'), skill('tig-svejsning')] });
    candidatesChanged(w.a.partnershipId, [fresh.id]);
    let result = await call<Shortlist>(t.app, w.a, 200, { method: 'GET', url: url() });
    expect(ids(result.matches)).toContain(fresh.id);
    await t.db.update(candidates).set({ active: false, updatedAt: new Date() }).where(eq(candidates.id, fresh.id));
    candidatesChanged(w.a.partnershipId, [fresh.id]);
    result = await call<Shortlist>(t.app, w.a, 200, { method: 'GET', url: url() });
    expect(ids(result.matches)).not.toContain(fresh.id);
  });

  it('honours the limit', async () => {
    const result = await call<Shortlist>(t.app, w.a, 200, { method: 'GET', url: url(order.id, 1) });
    expect(result.matches).toHaveLength(1);
  });

  it('refuses orders that are not open, and callers outside the job centres', async () => {
    const draft = await insertOrder(t.db, w.a, w.companyId, { status: 'kladde' });
    const refused = await injectAs(t.app, w.a, { method: 'GET', url: url(draft.id) });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'order_not_open', detail: expect.stringContaining('Kladde') });
    expect((await injectAs(t.app, w.business, { method: 'GET', url: url() })).statusCode).toBe(403);
    expect((await injectAs(t.app, w.employer, { method: 'GET', url: url() })).statusCode).toBe(403);
    expect((await injectAs(t.app, null, { method: 'GET', url: url() })).statusCode).toBe(401);
    expect((await injectAs(t.app, w.a, { method: 'GET', url: url('00000000-0000-4000-8000-000000000000') })).statusCode).toBe(404);
  });
});
