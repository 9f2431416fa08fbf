import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assessment, AssessmentCreate, AssessmentVersion, CompanyAssessments, Priorities } from '../../../common/business-service';
import type { TimelineEvent } from '../../../common/engagement';
import { testEngine } from '../../db/test-db';
import { createTestApp, injectAs, type TestApp } from '../../test/helpers';
import { todayInDenmark } from './matches.dates';
import { call, countRows, createCast, createCompany, type Cast } from './offers.test-fixtures';

let t: TestApp;
let c: Cast;
let company: { id: string; name: string };
const secret = 'Udfordring-uden-samtykke-8c1d: ejeren vil sælge inden jul';
const shared = 'Vi skal have robotter på svejselinjen, før konkurrenterne.';

const priorities = (over: Partial<Priorities> = {}): Priorities => ({
  automation_digitalisation: 0, green_transition: 0, leadership: 0, export: 0, financing: 0, skills_recruitment: 0,
  production_lean: 0, innovation: 0, ownership_change: 0, ...over,
});
const today = todayInDenmark();
const daysAgo = (n: number) => new Date(Date.parse(`${today}T12:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  c = await createCast(t.db);
  company = await createCompany(t.db, { employees: 45, industryCode: '251100', industrySection: 'C', municipalityCode: 621 });
});
afterAll(async () => t?.close());

const url = () => `/api/v1/companies/${company.id}/assessments`;
const body = (over: Partial<AssessmentCreate> = {}): AssessmentCreate => ({
  date: daysAgo(30), priorities: priorities({ automation_digitalisation: 3, green_transition: 2 }), challenge: shared,
  growthAmbition: 'Fordoble eksporten på fem år.', segment: 'growth', nextSteps: 'Henvise til automatiseringstjek.',
  participants: [{ name: 'Direktøren' }], turnoverDkk: 40_000_000, consentToShare: true, ...over,
});

describe(`needs assessments (${testEngine})`, () => {
  it('records a dated assessment with every theme, posts it to the timeline and audits it', async () => {
    const created = await call<Assessment>(t.app, c.a, 201, { method: 'POST', url: url(), payload: body() });
    expect(created).toMatchObject({
      companyId: company.id, organisation: { id: c.a.organisationId }, author: { id: c.a.userId }, date: daysAgo(30), segment: 'growth',
      challenge: shared, consentToShare: true, turnoverDkk: 40_000_000, participants: [{ contactId: null, name: 'Direktøren' }],
      versionCount: 1, canEdit: true,
    });
    expect(created.priorities).toEqual(priorities({ automation_digitalisation: 3, green_transition: 2 }));
    const timeline = await call<{ items: TimelineEvent[] }>(t.app, c.b, 200, { method: 'GET', url: `/api/v1/companies/${company.id}/timeline?kind=assessment` });
    expect(timeline.items).toEqual([expect.objectContaining({
      refId: created.id, redacted: false, confidential: false,
      title: 'Behovsafdækning – højest prioriteret: automatisering og digitalisering (3), grøn omstilling (2)',
    })]);
    const audited = await t.db.execute(sql`select action from audit_log where entity = 'needs_assessment' and entity_id = ${created.id}`);
    expect(audited.rows).toEqual([{ action: 'assessment.create' }]);
  });

  it('refuses a missing theme, a priority above 5, a future date and an empty challenge, writing nothing', async () => {
    const before = await countRows(t.db, 'needs_assessments');
    const post = (payload: object) => injectAs(t.app, c.a, { method: 'POST', url: url(), payload });
    const { leadership: _dropped, ...missing } = priorities();
    const res = await post({ ...body(), priorities: missing });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ path: 'priorities.leadership', message: 'Giv hvert tema en prioritet fra 0 til 5.' })]);
    expect((await post({ ...body(), priorities: priorities({ export: 6 }) })).json().errors[0].message).toBe('Giv hvert tema en prioritet fra 0 til 5.');
    const future = await post({ ...body(), date: '2999-01-01' });
    expect(future.json()).toMatchObject({ code: 'assessment_date_in_future', errors: [{ path: 'date' }] });
    expect((await post({ ...body(), challenge: '  ' })).json().errors[0].message).toBe('Beskriv udfordringen med virksomhedens egne ord.');
    expect(await countRows(t.db, 'needs_assessments')).toBe(before);
  });

  it('shows another organisation an assessment only with the company\'s consent: API, versions, timeline title, export', async () => {
    const hidden = await call<Assessment>(t.app, c.a, 201, { method: 'POST', url: url(), payload: body({
      date: daysAgo(2), challenge: secret, consentToShare: false, priorities: priorities({ ownership_change: 5, automation_digitalisation: 5 }),
    }) });
    // Own organisation (another user) reads it.
    expect((await call<Assessment>(t.app, c.a2, 200, { method: 'GET', url: `/api/v1/assessments/${hidden.id}` })).challenge).toBe(secret);

    for (const path of [`/api/v1/assessments/${hidden.id}`, `/api/v1/assessments/${hidden.id}/versions`, `/api/v1/assessments/${hidden.id}/matches`]) {
      const res = await injectAs(t.app, c.b, { method: 'GET', url: path });
      expect(res.statusCode, path).toBe(403);
      expect(res.json().detail).toBe('Virksomheden har ikke givet samtykke til, at behovsafdækningen deles med andre organisationer.');
    }
    const list = await injectAs(t.app, c.b, { method: 'GET', url: url() });
    expect(list.body).not.toContain(secret);
    expect(list.json()).toMatchObject({ withheld: 1 });
    expect((list.json() as CompanyAssessments).items.map((a) => a.id)).not.toContain(hidden.id);
    const timeline = await injectAs(t.app, c.b, { method: 'GET', url: `/api/v1/companies/${company.id}/timeline?kind=assessment` });
    expect(timeline.body).not.toContain('ejerskifte');
    expect((timeline.json() as { items: TimelineEvent[] }).items.find((e) => e.refId === hidden.id)).toMatchObject({ redacted: true, title: null, confidential: true });
    const exported = await injectAs(t.app, c.b, { method: 'GET', url: `${url()}/export?format=csv` });
    expect(exported.statusCode).toBe(200);
    expect(exported.body).toContain(shared);
    expect(exported.body).not.toContain(secret);
    const ownExport = await injectAs(t.app, c.a2, { method: 'GET', url: `${url()}/export?format=csv` });
    expect(ownExport.body).toContain(secret);

    // With consent recorded later, the partners see it — but not the version saved without consent.
    await call(t.app, c.a, 200, { method: 'PATCH', url: `/api/v1/assessments/${hidden.id}`, payload: { consentToShare: true, challenge: 'Generationsskifte og automatisering.' } });
    const now = await call<Assessment>(t.app, c.b, 200, { method: 'GET', url: `/api/v1/assessments/${hidden.id}` });
    expect(now.challenge).toBe('Generationsskifte og automatisering.');
    expect(now.canEdit).toBe(false);
    const versions = await injectAs(t.app, c.b, { method: 'GET', url: `/api/v1/assessments/${hidden.id}/versions` });
    expect(versions.body).not.toContain(secret);
    expect((versions.json() as { items: AssessmentVersion[] }).items.map((v) => v.version)).toEqual([2]);
    const event = (await call<{ items: TimelineEvent[] }>(t.app, c.b, 200, { method: 'GET', url: `/api/v1/companies/${company.id}/timeline?kind=assessment` }))
      .items.find((e) => e.refId === hidden.id);
    expect(event).toMatchObject({ redacted: false, title: 'Behovsafdækning – højest prioriteret: automatisering og digitalisering (5), ejerskifte (5)' });
  });

  it('keeps every version when the author\'s organisation corrects it; other organisations may not edit', async () => {
    const first = await call<Assessment>(t.app, c.a, 201, { method: 'POST', url: url(), payload: body({ date: daysAgo(10), priorities: priorities({ export: 2 }) }) });
    const forbidden = await injectAs(t.app, c.b, { method: 'PATCH', url: `/api/v1/assessments/${first.id}`, payload: { challenge: 'Overskrevet' } });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().detail).toBe('Kun den organisation, der har lavet behovsafdækningen, kan rette den.');
    await call(t.app, c.a2, 200, { method: 'PATCH', url: `/api/v1/assessments/${first.id}`, payload: { priorities: priorities({ export: 4 }) } });
    const second = await call<Assessment>(t.app, c.a, 200, { method: 'PATCH', url: `/api/v1/assessments/${first.id}`, payload: { date: daysAgo(9), challenge: 'Rettet ordlyd.' } });
    expect(second).toMatchObject({ versionCount: 3, date: daysAgo(9), challenge: 'Rettet ordlyd.', priorities: { export: 4 } });
    const versions = await call<{ items: AssessmentVersion[] }>(t.app, c.b, 200, { method: 'GET', url: `/api/v1/assessments/${first.id}/versions` });
    expect(versions.items.map((v) => [v.version, v.date, v.priorities.export, v.challenge, v.savedBy?.id])).toEqual([
      [1, daysAgo(10), 2, shared, c.a.userId],
      [2, daysAgo(10), 4, shared, c.a2.userId],
      [3, daysAgo(9), 4, 'Rettet ordlyd.', c.a.userId],
    ]);
    for (const v of versions.items) expect(Number.isNaN(Date.parse(v.savedAt))).toBe(false);
  });

  it('lists the company\'s assessments newest first with how each theme\'s need changed', async () => {
    const company2 = await createCompany(t.db);
    const url2 = `/api/v1/companies/${company2.id}/assessments`;
    await call(t.app, c.a, 201, { method: 'POST', url: url2, payload: body({ date: daysAgo(200), priorities: priorities({ automation_digitalisation: 2, leadership: 4 }) }) });
    await call(t.app, c.b, 201, { method: 'POST', url: url2, payload: body({ date: daysAgo(100), priorities: priorities({ automation_digitalisation: 5, leadership: 1, export: 3 }) }) });
    // Newest, but without consent: the first organisation compares its own latest with the partner's.
    await call(t.app, c.b, 201, { method: 'POST', url: url2, payload: body({ date: daysAgo(1), consentToShare: false, priorities: priorities({ innovation: 5 }) }) });
    const seen = await call<CompanyAssessments>(t.app, c.a, 200, { method: 'GET', url: url2 });
    expect(seen.items.map((a) => a.date)).toEqual([daysAgo(100), daysAgo(200)]);
    expect(seen).toMatchObject({ withheld: 1, previousDate: daysAgo(200) });
    const change = Object.fromEntries(seen.changes.map((x) => [x.theme, [x.previous, x.latest]]));
    expect(change).toMatchObject({ automation_digitalisation: [2, 5], leadership: [4, 1], export: [0, 3], innovation: [0, 0] });
    const own = await call<CompanyAssessments>(t.app, c.b, 200, { method: 'GET', url: url2 });
    expect(own.items.map((a) => a.date)).toEqual([daysAgo(1), daysAgo(100), daysAgo(200)]);
    expect(own.withheld).toBe(0);
  });

  it('is for the people who work with companies: providers and analysts neither read nor write assessments', async () => {
    await call(t.app, c.provider, 403, { method: 'GET', url: url() });
    await call(t.app, c.analyst, 403, { method: 'GET', url: url() });
    await call(t.app, c.provider, 403, { method: 'POST', url: url(), payload: body() });
    await call(t.app, c.a, 404, { method: 'POST', url: '/api/v1/companies/00000000-0000-4000-8000-000000000000/assessments', payload: body() });
  });
});
