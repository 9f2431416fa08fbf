import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecruitmentKpis } from '../../../common/recruitment';
import { candidates, jobOrders, placements } from '../../db/schema';
import { testEngine } from '../../db/test-db';
import { createTestApp, injectAs, type TestApp } from '../../test/helpers';
import { demoOccupationUri } from '../reference';
import { addMonths, median, recruitmentKpis } from './kpis.repo';
import { call, createOrderWorld, type OrderWorld } from './orders.test-fixtures';

let t: TestApp;
let w: OrderWorld;
let serial = 0;

interface PlacementSpec { status: string; presented?: string; hired?: string }

/** An order written straight to the table with chosen timestamps, and its placements (one fresh candidate each). */
async function order(spec: {
  holder: string; partnershipId?: string; jobType?: string; openings: number; status: string; created: string; opened: string | null;
  placements?: PlacementSpec[];
}): Promise<void> {
  serial += 1;
  const partnershipId = spec.partnershipId ?? w.partnershipId;
  const [row] = await t.db.insert(jobOrders).values({
    partnershipId, number: `JO-KPI-${serial}-${crypto.randomBytes(3).toString('hex')}`, companyId: w.companyA.id,
    holdingOrganisationId: spec.holder, title: 'Fixture', occupationUri: demoOccupationUri('svejser'), openings: spec.openings,
    jobType: spec.jobType ?? 'ordinary', status: spec.status, createdAt: new Date(spec.created), openedAt: spec.opened ? new Date(spec.opened) : null,
  }).returning();
  for (const p of spec.placements ?? []) {
    const [candidate] = await t.db.insert(candidates).values({
      partnershipId, organisationId: spec.holder, ref: `K-${crypto.randomBytes(5).toString('hex')}`,
    }).returning();
    await t.db.insert(placements).values({
      orderId: row.id, candidateId: candidate.id, organisationId: spec.holder, status: p.status,
      presentedAt: p.presented ? new Date(p.presented) : null, hiredAt: p.hired ? new Date(p.hired) : null,
    });
  }
}

beforeAll(async () => {
  t = await createTestApp();
  w = await createOrderWorld(t.db);
  const K = w.kolding.id;
  const V = w.vejle.id;
  // 1: Kolding, proposed after 5 days (the rejected one first), filled after 30.
  await order({ holder: K, openings: 2, status: 'afsluttet_behov_opfyldt', created: '2026-01-10T09:00:00Z', opened: '2026-01-10T09:00:00Z', placements: [
    { status: 'ansat', presented: '2026-01-20T10:00:00Z', hired: '2026-02-09T10:00:00Z' },
    { status: 'afvist_af_virksomhed', presented: '2026-01-15T10:00:00Z' },
  ] });
  // 2: Kolding, proposed after 10 days, not filled.
  await order({ holder: K, openings: 1, status: 'under_behandling', created: '2026-02-01T09:00:00Z', opened: '2026-02-02T09:00:00Z', placements: [
    { status: 'samtale', presented: '2026-02-12T09:00:00Z' },
  ] });
  // 3: Kolding, only shortlisted (never presented).
  await order({ holder: K, openings: 3, status: 'oprettet', created: '2026-05-01T09:00:00Z', opened: '2026-05-01T09:00:00Z', placements: [{ status: 'udsøgt' }] });
  // 4: Vejle, wage subsidy (not ordinary): proposed after 7 days, filled after 21.
  await order({ holder: V, jobType: 'loentilskud', openings: 1, status: 'afsluttet_behov_opfyldt', created: '2026-03-01T09:00:00Z', opened: '2026-03-02T09:00:00Z', placements: [
    { status: 'ansat', presented: '2026-03-09T09:00:00Z', hired: '2026-03-23T09:00:00Z' },
  ] });
  // 5: Vejle, proposed after 10 days, filled after 30, but opened less than 3 months before `to`.
  await order({ holder: V, openings: 4, status: 'afsluttet_behov_opfyldt', created: '2026-04-10T08:00:00Z', opened: '2026-04-10T08:00:00Z', placements: [
    { status: 'ansat', presented: '2026-04-20T08:00:00Z', hired: '2026-05-10T08:00:00Z' },
  ] });
  // 6: Kolding, 00:30 Danish time on 1 January (23:30 UTC the day before): in the period.
  await order({ holder: K, openings: 1, status: 'oprettet', created: '2025-12-31T23:30:00Z', opened: '2025-12-31T23:30:00Z' });
  // Not counted: 23:30 Danish time on 31 December, a draft, a draft cancelled before it was published, after the period, another partnership.
  await order({ holder: K, openings: 9, status: 'oprettet', created: '2025-12-31T22:30:00Z', opened: '2025-12-31T22:30:00Z' });
  await order({ holder: V, openings: 9, status: 'kladde', created: '2026-02-01T09:00:00Z', opened: null });
  await order({ holder: K, openings: 9, status: 'annulleret', created: '2026-02-01T09:00:00Z', opened: null });
  await order({ holder: K, openings: 9, status: 'oprettet', created: '2026-07-01T09:00:00Z', opened: '2026-07-01T09:00:00Z' });
  await order({ holder: w.outsider.organisationId, partnershipId: w.outsider.partnershipId, openings: 9, status: 'oprettet', created: '2026-02-01T09:00:00Z', opened: '2026-02-01T09:00:00Z' });
});
afterAll(async () => t?.close());

const row = (key: string, label: string, values: object) => ({ key, label, ...values });

describe(`recruitment KPIs (${testEngine})`, () => {
  it('counts, rates and medians per partnership and holding centre on a hand-built fixture', async () => {
    const kpis = await call<RecruitmentKpis>(t.app, w.analyst, 200, { method: 'GET', url: '/api/v1/recruitment/kpis?from=2026-01-01&to=2026-06-30' });
    expect(kpis.from).toBe('2026-01-01');
    expect(kpis.total).toEqual(row('total', 'I alt', {
      orders: 6, openings: 12, ordinaryOrders: 5, formidlingsgrad: 0.6, besaettelsesgrad: 0.6667,
      medianDaysToFirstCandidate: 8.5, medianDaysToFill: 30, hires: 3,
    }));
    expect(kpis.byCentre).toEqual([
      row(w.kolding.id, 'Jobcenter Kolding', { orders: 4, openings: 7, ordinaryOrders: 4, formidlingsgrad: 0.5, besaettelsesgrad: 0.5, medianDaysToFirstCandidate: 7.5, medianDaysToFill: 30, hires: 1 }),
      row(w.vejle.id, 'Jobcenter Vejle', { orders: 2, openings: 5, ordinaryOrders: 1, formidlingsgrad: 1, besaettelsesgrad: 1, medianDaysToFirstCandidate: 8.5, medianDaysToFill: 25.5, hires: 2 }),
    ]);
  });

  it('measures besættelsesgrad 3 months back from today when the period ends later, and filters to one centre', async () => {
    const early = await recruitmentKpis(t.db, w.partnershipId, { from: '2026-01-01', to: '2026-06-30', today: '2026-04-15' });
    // Cut-off 15 January: only order 1 (opened 10 January, filled) has matured.
    expect(early.total.besaettelsesgrad).toBe(1);
    expect(early.byCentre.map((c) => c.besaettelsesgrad)).toEqual([1, null]);
    const vejle = await call<RecruitmentKpis>(t.app, w.koldingConsultant, 200, { method: 'GET', url: `/api/v1/recruitment/kpis?from=2026-01-01&to=2026-06-30&organisationId=${w.vejle.id}` });
    expect(vejle.byCentre.map((c) => c.key)).toEqual([w.vejle.id]);
    expect(vejle.total).toMatchObject({ orders: 2, openings: 5, hires: 2 });
    const empty = await call<RecruitmentKpis>(t.app, w.admin, 200, { method: 'GET', url: '/api/v1/recruitment/kpis?from=2020-01-01&to=2020-12-31' });
    expect(empty.total).toMatchObject({ orders: 0, formidlingsgrad: null, besaettelsesgrad: null, medianDaysToFirstCandidate: null });
    expect(empty.byCentre).toHaveLength(2);
  });

  it('is for staff and analysts only, and refuses a backwards period', async () => {
    expect((await injectAs(t.app, w.employerA, { method: 'GET', url: '/api/v1/recruitment/kpis' })).statusCode).toBe(403);
    expect((await injectAs(t.app, null, { method: 'GET', url: '/api/v1/recruitment/kpis' })).statusCode).toBe(401);
    const backwards = await injectAs(t.app, w.analyst, { method: 'GET', url: '/api/v1/recruitment/kpis?from=2026-05-01&to=2026-04-01' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json()).toMatchObject({ code: 'invalid_period' });
  });

  it('has calendar months and a median that interpolates', () => {
    expect(addMonths('2026-05-31', -3)).toBe('2026-02-28');
    expect(addMonths('2024-05-31', -3)).toBe('2024-02-29');
    expect(addMonths('2026-01-15', -3)).toBe('2025-10-15');
    expect(median([10, 5, 7, 10])).toBe(8.5);
    expect(median([3])).toBe(3);
    expect(median([])).toBeNull();
  });
});
