import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AgreementDashboard, ClassImportResult, Constraint, HostOffer, Plan, PlanAssignment, PlanPublishResult,
} from '../../../common/schools';
import { testEngine } from '../../db/test-db';
import { createTestApp, type TestApp } from '../../test/helpers';
import { call, countRows, createCompany, createSchoolsCast, csvHeader, type SchoolsCast } from './test-fixtures';

let t: TestApp;
let c: SchoolsCast;
const year = '2026/27';

beforeAll(async () => {
  t = await createTestApp();
  c = await createSchoolsCast(t.db);
}, 60_000);
afterAll(async () => t?.close());

const classesCsv = [
  csvHeader,
  'Kolding Nord Skole;621;6000;7;A;24;10,11,12;robotter,metal',
  'Kolding Nord Skole;621;6000;7;B;22;;Fødevarer',
  'Seest Skole;621;6000;7;A;26;10-14;',
  'Vejle Midtby Skole;630;7100;7;A;25;;plast og kemi',
  'Vejle Midtby Skole;630;7100;7;B;23;11,12;automation',
  'Erritsø Skole;607;7000;7;A;20;;metal',
].join('\n');

describe(`school allocation, the done-means path (${testEngine})`, () => {
  let plan: Plan;

  it('imports classes from CSV: a dry run reports row errors, a file with errors changes nothing, a clean file is applied', async () => {
    const bad = classesCsv.replace('Kolding Nord Skole;621;6000;7;B;22', 'Kolding Nord Skole;621;6000;7;B;0');
    const before = await countRows(t.db, 'school_classes');
    const dry = await call<ClassImportResult>(t.app, c.coordinator, 200, {
      method: 'POST', url: '/api/v1/schools/classes/import', payload: { schoolYear: year, content: bad, dryRun: true },
    });
    expect(dry.errors).toEqual([expect.objectContaining({ rowNumber: 3, code: 'too_few_pupils', message: 'Række 3: en klasse skal have mindst 1 elev' })]);
    expect(dry).toMatchObject({ totalRows: 6, validRows: 5, applied: false, counts: { newClasses: 5, newSchools: 4 } });
    const refused = await call<ClassImportResult>(t.app, c.coordinator, 200, {
      method: 'POST', url: '/api/v1/schools/classes/import', payload: { schoolYear: year, content: bad, dryRun: false },
    });
    expect(refused.applied).toBe(false);
    expect(await countRows(t.db, 'school_classes')).toBe(before);

    // English headers, comma-separated, are recognised too.
    const english = await call<ClassImportResult>(t.app, c.coordinator, 200, {
      method: 'POST', url: '/api/v1/schools/classes/import',
      payload: { schoolYear: year, content: 'School,Municipality,Grade,Class,Pupils\nX,999,7,A,20', dryRun: true },
    });
    expect(english.missingColumns).toEqual([]);
    expect(english.errors[0].message).toBe('Række 2: ukendt kommunekode 999');

    const applied = await call<ClassImportResult>(t.app, c.coordinator, 200, {
      method: 'POST', url: '/api/v1/schools/classes/import', payload: { schoolYear: year, content: classesCsv, dryRun: false },
    });
    expect(applied).toMatchObject({ applied: true, errors: [], counts: { newClasses: 6, newSchools: 4 } });
    const list = await call<{ total: number; items: { label: string; themes: string[] }[] }>(t.app, c.coordinator, 200, {
      method: 'GET', url: `/api/v1/schools/classes?schoolYear=${encodeURIComponent(year)}`,
    });
    expect(list.total).toBe(6);
    expect(list.items.find((i) => i.label === '7.A' && i.themes.includes('automation'))?.themes).toEqual(['automation', 'metal']);
    const audited = await t.db.execute(sql`select count(*)::int as n from audit_log where action = 'school_class.import'`);
    expect((audited.rows[0] as { n: number }).n).toBe(1);
  });

  it('refuses a host offer without weeks with a clear message and keeps valid ones', async () => {
    const before = await countRows(t.db, 'host_offers');
    const noWeeks = await call<{ errors: { message: string }[] }>(t.app, c.consultant, 400, {
      method: 'POST', url: '/api/v1/host-offers', payload: { companyId: c.companyId, schoolYear: year, weeks: [], maxPupils: 30 },
    });
    expect(noWeeks.errors[0].message).toBe('Vælg mindst én uge, hvor virksomheden kan tage imod en klasse.');
    expect(await countRows(t.db, 'host_offers')).toBe(before);
    const third = await createCompany(t.db, 'Fredericia Fødevarer A/S', 607, '7000');
    for (const [companyId, weeks, themes] of [
      [c.companyId, [10, 11, 12], ['automation', 'metal']], [c.otherCompanyId, [11, 12, 13], ['plastics']], [third, [10, 12, 14], ['food']],
    ] as const) {
      const offer = await call<HostOffer>(t.app, c.consultant, 201, {
        method: 'POST', url: '/api/v1/host-offers', payload: { companyId, schoolYear: year, weeks, classesPerWeek: 1, maxPupils: 30, themes },
      });
      expect(offer.capacity).toBe(3);
      expect(offer.postalCode).not.toBeNull();
    }
  });

  it('runs the allocation for the partnership: every class placed, reasons and gap shown', async () => {
    plan = await call<Plan>(t.app, c.coordinator, 201, { method: 'POST', url: '/api/v1/allocations/run', payload: { schoolYear: year, municipalityCode: null } });
    expect(plan).toMatchObject({ version: 1, status: 'draft', classes: 6, assigned: 6, unassigned: 0 });
    expect(plan.gapPct).toBeGreaterThanOrEqual(0);
    expect(plan.gapPct).toBeLessThanOrEqual(0.1 + 1e-9);
    for (const a of plan.assignments) {
      expect(a.reasons.summary).toMatch(/km/);
      expect(a.address).toMatch(/\d{4}/);
    }
    // The Kolding robot class is placed with the Kolding robot company (shared themes, close by, within its weeks).
    const robots = plan.assignments.find((a) => a.schoolName === 'Kolding Nord Skole' && a.classLabel === '7.A')!;
    expect(robots.companyId).toBe(c.companyId);
    expect([10, 11, 12]).toContain(robots.week);
  });

  it('keeps a lock and avoids a forbidden pair when re-run, then publishes with e-mails and calendar files', async () => {
    const locked = plan.assignments.find((a) => a.schoolName === 'Vejle Midtby Skole' && a.classLabel === '7.B')!;
    const lock = await call<Constraint>(t.app, c.coordinator, 201, { method: 'POST', url: '/api/v1/allocations/constraints', payload: { kind: 'lock', assignmentId: locked.id } });
    expect(lock).toMatchObject({ kind: 'lock', classId: locked.classId, hostOfferId: locked.hostOfferId, week: locked.week });
    const avoided = plan.assignments.find((a) => a.schoolName === 'Kolding Nord Skole' && a.classLabel === '7.A')!;
    await call(t.app, c.coordinator, 201, { method: 'POST', url: '/api/v1/allocations/constraints', payload: { kind: 'forbid', classId: avoided.classId, companyId: avoided.companyId } });

    const rerun = await call<Plan>(t.app, c.coordinator, 201, { method: 'POST', url: '/api/v1/allocations/run', payload: { schoolYear: year, municipalityCode: null } });
    expect(rerun.version).toBe(2);
    const byClass = new Map<string, PlanAssignment>(rerun.assignments.map((a) => [a.classId, a]));
    expect(byClass.get(locked.classId)).toMatchObject({ hostOfferId: locked.hostOfferId, week: locked.week, locked: true, lockConstraintId: lock.id });
    expect(byClass.get(avoided.classId)!.companyId).not.toBe(avoided.companyId);
    expect(rerun.assignments).toHaveLength(6);

    const outboxBefore = await countRows(t.db, 'email_outbox');
    const published = await call<PlanPublishResult>(t.app, c.coordinator, 200, { method: 'POST', url: `/api/v1/allocations/${rerun.id}/publish` });
    expect(published.plan.status).toBe('published');
    expect(published.previousPlanId).toBeNull();
    // 4 schools without contacts get no school mail; 3 host companies with e-mail addresses get one each.
    expect(published.emailsQueued).toBe(await countRows(t.db, 'email_outbox') - outboxBefore);
    const hostMails = await t.db.execute(sql`select to_address, subject, body_text from email_outbox where kind = 'school_allocation' order by to_address`);
    expect(hostMails.rows.length).toBe(3);
    expect((hostMails.rows[0] as { body_text: string }).body_text).toMatch(/uge \d+ \(\d+\. (marts|april) 2027/);
    await call(t.app, c.coordinator, 409, { method: 'POST', url: `/api/v1/allocations/${rerun.id}/publish` });

    const ics = await t.app.inject({ method: 'GET', url: `/api/v1/allocations/assignments/${byClass.get(locked.classId)!.id}/calendar.ics`, headers: c.coordinator.headers });
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain('BEGIN:VEVENT');
    expect(ics.body).toMatch(/DTSTART;VALUE=DATE:2027\d{4}/);
    const school = byClass.get(locked.classId)!.schoolId;
    const schoolIcs = await t.app.inject({ method: 'GET', url: `/api/v1/allocations/${rerun.id}/schools/${school}/calendar.ics`, headers: c.coordinator.headers });
    expect(schoolIcs.body.match(/BEGIN:VEVENT/g)).toHaveLength(2);

    // A third run moves nothing locked; publishing it supersedes version 2 and records the changes.
    const third = await call<Plan>(t.app, c.coordinator, 201, { method: 'POST', url: '/api/v1/allocations/run', payload: { schoolYear: year, municipalityCode: null, weights: { perKm: 0 } } });
    const republished = await call<PlanPublishResult>(t.app, c.coordinator, 200, { method: 'POST', url: `/api/v1/allocations/${third.id}/publish` });
    expect(republished.previousPlanId).toBe(rerun.id);
    const changes = await call<{ items: unknown[] }>(t.app, c.coordinator, 200, { method: 'GET', url: `/api/v1/allocations/${third.id}/changes` });
    expect(changes.items).toHaveLength(republished.changes);
    const versions = await call<{ items: { version: number; status: string }[] }>(t.app, c.coordinator, 200, { method: 'GET', url: `/api/v1/allocations?schoolYear=${encodeURIComponent(year)}` });
    expect(versions.items.map((v) => [v.version, v.status])).toEqual([[3, 'published'], [2, 'superseded'], [1, 'draft']]);
  });

  it('shows the agreements dashboard: Vejle below the target of three, Kolding at it, and the allocated share', async () => {
    const school = (await call<{ items: { id: string; name: string }[] }>(t.app, c.coordinator, 200, { method: 'GET', url: '/api/v1/schools?municipality=621' })).items[0];
    for (let i = 0; i < 3; i++) {
      await call(t.app, c.coordinator, 201, { method: 'POST', url: '/api/v1/agreements', payload: {
        schoolId: school.id, companyId: i === 2 ? c.otherCompanyId : c.companyId, activities: ['visits'], periodFrom: '2025-08-01', gradeLevels: ['7'],
      } });
    }
    await call(t.app, c.coordinator, 201, { method: 'POST', url: '/api/v1/agreements', payload: {
      institutionName: 'Rybners', municipalityCode: 630, companyId: c.otherCompanyId, activities: ['role_models'], periodFrom: '2025-08-01',
    } });
    const invalid = await call<{ errors: { message: string }[] }>(t.app, c.coordinator, 422, { method: 'POST', url: '/api/v1/agreements', payload: {
      companyId: c.companyId, activities: ['visits'], periodFrom: '2025-08-01',
    } });
    expect(invalid.errors[0].message).toBe('Vælg en skole eller skriv navnet på uddannelsesinstitutionen.');
    const dash = await call<AgreementDashboard>(t.app, c.analyst, 200, { method: 'GET', url: `/api/v1/agreements/dashboard?schoolYear=${encodeURIComponent(year)}` });
    expect(dash.target).toBe(3);
    expect(dash.municipalities.map((m) => [m.municipalityCode, m.activeAgreements, m.belowTarget])).toEqual([[621, 3, false], [630, 1, true]]);
    expect(dash.municipalities.find((m) => m.municipalityCode === 630)).toMatchObject({ missing: 2, grade7Classes: 2, grade7Allocated: 2, allocatedShare: 1 });
    expect(dash.plan?.status).toBe('published');
    // The analyst exports the register (school coordinators have no data.export in the policy).
    const csv = await t.app.inject({ method: 'GET', url: '/api/v1/agreements/export?format=csv', headers: c.analyst.headers });
    expect(csv.statusCode).toBe(200);
    expect(csv.body.split('\r\n').filter(Boolean)).toHaveLength(5);
  });
});
