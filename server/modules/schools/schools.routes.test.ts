import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationForm, EvaluationResults, EvaluationSendResult, HostOffer, Plan, School } from '../../../common/schools';
import { testEngine } from '../../db/test-db';
import { createTestApp, type TestApp } from '../../test/helpers';
import { call, countRows, createSchoolsCast, type SchoolsCast } from './test-fixtures';

let t: TestApp;
let c: SchoolsCast;

beforeAll(async () => {
  t = await createTestApp();
  c = await createSchoolsCast(t.db);
}, 60_000);
afterAll(async () => t?.close());

async function school(name: string, municipalityCode: number, postalCode: string): Promise<School> {
  return call<School>(t.app, c.coordinator, 201, { method: 'POST', url: '/api/v1/schools', payload: { name, municipalityCode, postalCode } });
}

describe(`schools: bad input changes nothing (${testEngine})`, () => {
  it('refuses a class of 0 pupils through the API', async () => {
    const s = await school('Bramdrup Skole', 621, '6000');
    const before = await countRows(t.db, 'school_classes');
    const res = await call<{ code: string; errors: { path: string; message: string }[] }>(t.app, c.coordinator, 400, {
      method: 'POST', url: `/api/v1/schools/${s.id}/classes`, payload: { schoolYear: '2027/28', letter: 'A', pupils: 0 },
    });
    expect(res.errors).toEqual([{ path: 'pupils', message: 'En klasse skal have mindst 1 elev.' }]);
    expect(await countRows(t.db, 'school_classes')).toBe(before);
    const wrongYear = await call<{ errors: { message: string }[] }>(t.app, c.coordinator, 400, {
      method: 'POST', url: `/api/v1/schools/${s.id}/classes`, payload: { schoolYear: '2027/29', letter: 'A', pupils: 20 },
    });
    expect(wrongYear.errors[0].message).toBe('Skoleåret skal være to på hinanden følgende år, fx 2026/27.');
  });

  it('answers 422 with an exact shortage of 12 classes and stores no plan when capacity is short', async () => {
    const year = '2027/28';
    const s = await school('Sdr. Bjert Skole', 621, '6091');
    for (const letter of 'ABCDEFGHIJKLMN') {
      await call(t.app, c.coordinator, 201, { method: 'POST', url: `/api/v1/schools/${s.id}/classes`, payload: { schoolYear: year, letter, pupils: 22 } });
    }
    await call<HostOffer>(t.app, c.consultant, 201, {
      method: 'POST', url: '/api/v1/host-offers', payload: { companyId: c.companyId, schoolYear: year, weeks: [10, 11], maxPupils: 30 },
    });
    const plans = await countRows(t.db, 'allocation_plans');
    const res = await call<{ code: string; detail: string; shortage: { shortClasses: number; totalClasses: number; totalCapacity: number } }>(
      t.app, c.coordinator, 422, { method: 'POST', url: '/api/v1/allocations/run', payload: { schoolYear: year, municipalityCode: 621 } });
    expect(res.code).toBe('allocation_infeasible');
    expect(res.shortage).toMatchObject({ shortClasses: 12, totalClasses: 14, totalCapacity: 2 });
    expect(res.detail).toBe('Der er ikke plads til alle klasser: 12 af 14 klasser mangler en værtsuge. Intet er gemt.');
    expect(await countRows(t.db, 'allocation_plans')).toBe(plans);
    expect(await countRows(t.db, 'allocation_assignments')).toBe(0);
  });
});

describe(`schools: permissions (${testEngine})`, () => {
  it('lets a company user keep only its own company\'s host offers', async () => {
    const own = await call<HostOffer>(t.app, c.companyUser, 201, {
      method: 'POST', url: '/api/v1/host-offers', payload: { companyId: c.companyId, schoolYear: '2028/29', weeks: [12], maxPupils: 25 },
    });
    const foreign = await call<{ detail: string }>(t.app, c.companyUser, 403, {
      method: 'POST', url: '/api/v1/host-offers', payload: { companyId: c.otherCompanyId, schoolYear: '2028/29', weeks: [12], maxPupils: 25 },
    });
    expect(foreign.detail).toBe('Du kan kun oprette og rette værtstilbud for din egen virksomhed.');
    const other = await call<HostOffer>(t.app, c.consultant, 201, {
      method: 'POST', url: '/api/v1/host-offers', payload: { companyId: c.otherCompanyId, schoolYear: '2028/29', weeks: [12], maxPupils: 25 },
    });
    const list = await call<{ items: HostOffer[] }>(t.app, c.companyUser, 200, { method: 'GET', url: '/api/v1/host-offers?schoolYear=2028%2F29' });
    expect(list.items.map((h) => h.id)).toEqual([own.id]);
    await call(t.app, c.companyUser, 404, { method: 'GET', url: `/api/v1/host-offers/${other.id}` });
    // Another company's offer is not visible to a company user at all, so it cannot be changed either.
    await call(t.app, c.companyUser, 404, { method: 'PATCH', url: `/api/v1/host-offers/${other.id}`, payload: { maxPupils: 10 } });
    const staffView = await call<{ items: HostOffer[] }>(t.app, c.consultant, 200, { method: 'GET', url: '/api/v1/host-offers?schoolYear=2028%2F29' });
    expect(staffView.items.find((h) => h.id === other.id)?.maxPupils).toBe(25);
    await call(t.app, c.companyUser, 403, { method: 'POST', url: '/api/v1/allocations/run', payload: { schoolYear: '2028/29' } });
  });

  it('lets the analyst read the agreements dashboard but not classes', async () => {
    await call(t.app, c.analyst, 200, { method: 'GET', url: '/api/v1/agreements/dashboard?schoolYear=2027%2F28' });
    await call(t.app, c.analyst, 403, { method: 'GET', url: '/api/v1/schools/classes' });
    await call(t.app, c.analyst, 403, { method: 'GET', url: '/api/v1/schools' });
    await call(t.app, c.analyst, 403, { method: 'POST', url: '/api/v1/agreements', payload: { institutionName: 'X', municipalityCode: 621, companyId: c.companyId, activities: ['visits'], periodFrom: '2025-01-01' } });
  });
});

describe(`schools: evaluation by e-mailed link without login (${testEngine})`, () => {
  it('sends one link per assignment and respondent after the week; the form is answered once without a session', async () => {
    const year = '2024/25';
    const s = await call<School>(t.app, c.coordinator, 201, { method: 'POST', url: '/api/v1/schools', payload: {
      name: 'Evaluering Skole', municipalityCode: 630, postalCode: '7100', contactEmail: 'kontor@evaluering.dk',
    } });
    await call(t.app, c.coordinator, 201, { method: 'POST', url: `/api/v1/schools/${s.id}/classes`, payload: {
      schoolYear: year, letter: 'A', pupils: 20, teacherName: 'Lærer Lise', teacherEmail: 'lise@evaluering.dk',
    } });
    await call(t.app, c.consultant, 201, { method: 'POST', url: '/api/v1/host-offers', payload: {
      companyId: c.otherCompanyId, schoolYear: year, weeks: [10], maxPupils: 30, contactEmail: 'vaert@vejlemetal.dk',
    } });
    const plan = await call<Plan>(t.app, c.coordinator, 201, { method: 'POST', url: '/api/v1/allocations/run', payload: { schoolYear: year, municipalityCode: 630 } });
    await call(t.app, c.coordinator, 409, { method: 'POST', url: `/api/v1/allocations/${plan.id}/evaluations/send` });
    await call(t.app, c.coordinator, 200, { method: 'POST', url: `/api/v1/allocations/${plan.id}/publish` });
    const sent = await call<EvaluationSendResult>(t.app, c.coordinator, 200, { method: 'POST', url: `/api/v1/allocations/${plan.id}/evaluations/send` });
    expect(sent).toEqual({ sent: 2, alreadySent: 0, missingEmail: 0, notEnded: 0 });
    const again = await call<EvaluationSendResult>(t.app, c.coordinator, 200, { method: 'POST', url: `/api/v1/allocations/${plan.id}/evaluations/send` });
    expect(again).toMatchObject({ sent: 0, alreadySent: 2 });

    const mail = await t.db.execute(sql`select body_text from email_outbox where kind = 'school_evaluation' and to_address = 'lise@evaluering.dk'`);
    const token = /\/evaluering\/([A-Za-z0-9_-]{43})/.exec((mail.rows[0] as { body_text: string }).body_text)![1];
    const stored = await t.db.execute(sql`select count(*)::int as n from allocation_evaluations where token_hash = ${token}`);
    expect((stored.rows[0] as { n: number }).n).toBe(0);

    const form = await call<EvaluationForm>(t.app, null, 200, { method: 'GET', url: `/api/v1/evaluations/${token}` });
    expect(form).toMatchObject({ respondent: 'teacher', schoolName: 'Evaluering Skole', classLabel: '7.A', companyName: 'Vejle Metal ApS', week: 10, answered: false });
    const csrf = 'b'.repeat(43);
    const anonymous = { cookie: `samspil_csrf=${csrf}`, 'x-csrf-token': csrf };
    const answer = await t.app.inject({ method: 'POST', url: `/api/v1/evaluations/${token}`, headers: anonymous,
      payload: { rating: 4, answers: { pupils_engaged: 5, well_prepared: 3 }, comment: 'God uge.' } });
    expect(answer.statusCode, answer.body).toBe(204);
    const twice = await t.app.inject({ method: 'POST', url: `/api/v1/evaluations/${token}`, headers: anonymous, payload: { rating: 1 } });
    expect(twice.statusCode).toBe(409);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/evaluations/${'x'.repeat(43)}` })).statusCode).toBe(404);

    const results = await call<EvaluationResults>(t.app, c.analyst, 200, { method: 'GET', url: `/api/v1/allocations/${plan.id}/evaluations` });
    expect(results.overall).toMatchObject({ responses: 1, sent: 2, averageRating: 4, questions: { pupils_engaged: 5, well_prepared: 3 } });
    expect(results.hosts).toEqual([expect.objectContaining({ companyName: 'Vejle Metal ApS', averageRating: 4, comments: [{ respondent: 'teacher', comment: 'God uge.' }] })]);
  });
});
