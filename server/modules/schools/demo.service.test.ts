import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgreementDashboard, Plan } from '../../../common/schools';
import { testEngine } from '../../db/test-db';
import { createActor, createTestApp, type TestApp } from '../../test/helpers';
import { seedDemoCompanies } from '../companies';
import { seedDemoPartnership } from '../identity';
import { seedReferenceData } from '../reference';
import { seedDemoSchools } from './index';
import { countRows, call } from './test-fixtures';
import { demoSchoolYear } from './demo.data';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await seedReferenceData(t.db);
}, 60_000);
afterAll(async () => t?.close());

describe(`schools demo (${testEngine})`, () => {
  it('does nothing without the demo partnership, then seeds schools, classes, hosts, tutors and agreements once', async () => {
    await seedDemoSchools(t.db);
    expect(await countRows(t.db, 'schools')).toBe(0);
    await seedDemoPartnership(t.db);
    await seedDemoCompanies(t.db, 600);
    await seedDemoSchools(t.db);
    await seedDemoSchools(t.db);
    expect(await countRows(t.db, 'schools')).toBe(8);
    expect(await countRows(t.db, 'school_classes')).toBe(20);
    expect(await countRows(t.db, 'host_offers')).toBe(25);
    expect(await countRows(t.db, 'tutors')).toBe(4);
    expect(await countRows(t.db, 'school_agreements')).toBe(8);
    expect(await countRows(t.db, 'allocation_plans')).toBe(0);
    const linked = await t.db.execute(sql`select count(*)::int as n from schools where organisation_id is not null`);
    expect((linked.rows[0] as { n: number }).n).toBe(2);
  });

  it('lets the coordinator allocate every demo class and shows municipalities below the agreement target', async () => {
    const [p] = (await t.db.execute(sql`select id from partnerships where slug = 'trekantomraadet'`)).rows as { id: string }[];
    const coordinator = await createActor(t.db, { roles: ['school_coordinator'], partnershipId: p.id, kind: 'school' });
    const plan = await call<Plan>(t.app, coordinator, 201, { method: 'POST', url: '/api/v1/allocations/run', payload: { schoolYear: demoSchoolYear, municipalityCode: null } });
    expect(plan).toMatchObject({ classes: 20, assigned: 20, unassigned: 0 });
    expect(plan.assignments.filter((a) => a.tutor !== null).length).toBeGreaterThan(0);
    const dash = await call<AgreementDashboard>(t.app, coordinator, 200, { method: 'GET', url: `/api/v1/agreements/dashboard?schoolYear=${encodeURIComponent(demoSchoolYear)}` });
    expect(dash.municipalities.length).toBeGreaterThanOrEqual(7);
    expect(dash.totals.municipalitiesBelowTarget).toBeGreaterThan(0);
    expect(dash.municipalities.find((m) => m.municipalityCode === 630)).toMatchObject({ activeAgreements: 3, belowTarget: false });
    expect(dash.totals).toMatchObject({ grade7Classes: 20, grade7Allocated: 20, allocatedShare: 1 });
  });
});
