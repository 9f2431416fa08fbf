import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assessment, MatchList, Offer, OfferCreate, Priorities } from '../../../common/business-service';
import { testEngine } from '../../db/test-db';
import { createTestApp, type TestApp } from '../../test/helpers';
import { seedReferenceData } from '../reference';
import { referralsChanged } from './index';
import { quarterOf, todayInDenmark } from './matches.dates';
import { call, createCast, createCompany, insertReferral, type Cast } from './offers.test-fixtures';

let t: TestApp;
let c: Cast;
let assessment: Assessment;
const ids: Record<string, string> = {};
const today = todayInDenmark();
const yesterday = new Date(Date.parse(`${today}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const priorities: Priorities = {
  automation_digitalisation: 5, green_transition: 3, leadership: 1, export: 0, financing: 0, skills_recruitment: 0,
  production_lean: 0, innovation: 0, ownership_change: 0,
};
/** Noon today and a day in the previous quarter, so capacity counts are independent of when the test runs. */
const now = new Date();
const lastQuarter = new Date(Date.parse(`${quarterOf(today).from}T12:00:00Z`) - 10 * 86_400_000);
const yearAgo = new Date(Date.now() - 365 * 86_400_000);

beforeAll(async () => {
  t = await createTestApp();
  await seedReferenceData(t.db);
  c = await createCast(t.db);
  const offer = async (key: string, payload: Partial<OfferCreate>) => {
    const created = await call<Offer>(t.app, c.provider, 201, { method: 'POST', url: '/api/v1/offers', payload: {
      title: key, themes: ['automation_digitalisation'], status: 'published', ...payload,
    } });
    ids[key] = created.id;
  };
  await offer('Automatiseringstjek', { minEmployees: 10, maxEmployees: 249, industries: ['C'], regions: [1083], capacityPerQuarter: 8 });
  await offer('Lokal automatisering', { municipalities: [621] });
  await offer('Robotforløb', { capacityPerQuarter: 2 });
  await offer('Grøn omstilling', { themes: ['green_transition'] });
  await offer('Eksportforløb', { themes: ['export'] });
  await offer('Kun for små', { maxEmployees: 9 });
  await offer('Aarhus-forløb', { municipalities: [751] });
  await offer('Udløbet forløb', { activeFrom: '2020-01-01', activeTo: yesterday });
  await offer('Kladde', { status: 'draft' });

  const company = await createCompany(t.db, {
    name: 'Trekant Testindustri A/S', employees: 45, industryCode: '251100', industrySection: 'C', municipalityCode: 621, startDate: '2004-03-01',
  });
  assessment = await call<Assessment>(t.app, c.a, 201, { method: 'POST', url: `/api/v1/companies/${company.id}/assessments`, payload: {
    date: today, priorities, challenge: 'Svejselinjen er flaskehalsen.', segment: 'growth', turnoverDkk: 40_000_000, consentToShare: true,
  } });

  const refer = async (offerKey: string, companyId: string, status: string, at: { received?: Date; started?: Date; closed?: Date; satisfaction?: number }) =>
    insertReferral(t.db, {
      partnershipId: c.a.partnershipId, companyId, offerId: ids[offerKey], providerId: c.provider.organisationId, from: c.a, status,
      sentAt: at.received ?? at.started ?? now, receivedAt: at.received ?? at.started ?? null, startedAt: at.started ?? null, closedAt: at.closed ?? null,
      satisfaction: at.satisfaction ?? null,
    });
  // Capacity this quarter: three started (Automatiseringstjek), two received (Robotforløb: full). Not counted: last quarter's, a sent and a rejected one.
  for (let i = 0; i < 3; i += 1) await refer('Automatiseringstjek', (await createCompany(t.db)).id, 'igangsat', { started: now });
  await refer('Automatiseringstjek', (await createCompany(t.db)).id, 'igangsat', { started: lastQuarter });
  await refer('Automatiseringstjek', (await createCompany(t.db)).id, 'sendt', {});
  for (let i = 0; i < 2; i += 1) await refer('Robotforløb', (await createCompany(t.db)).id, 'modtaget', { received: now });
  // Outcomes of similar companies (section C, 10–49 employees): three completed with 5, 5 and 4; one rejection of Robotforløb.
  for (const satisfaction of [5, 5, 4]) {
    const similar = await createCompany(t.db, { industrySection: 'C', industryCode: '259900', employees: 20 + satisfaction });
    await refer('Automatiseringstjek', similar.id, 'afsluttet', { started: yearAgo, closed: yearAgo, satisfaction });
  }
  await refer('Robotforløb', (await createCompany(t.db, { industrySection: 'C', employees: 30 })).id, 'afvist', { received: yearAgo });
  // Not similar: a large company in section C and a trading company, both unhappy.
  await refer('Automatiseringstjek', (await createCompany(t.db, { industrySection: 'C', employees: 400 })).id, 'afsluttet', { started: yearAgo, closed: yearAgo, satisfaction: 1 });
  await refer('Automatiseringstjek', (await createCompany(t.db, { industrySection: 'G', employees: 30 })).id, 'afsluttet', { started: yearAgo, closed: yearAgo, satisfaction: 1 });
});
afterAll(async () => t?.close());

describe(`offer matching (${testEngine})`, () => {
  it('ranks the published offers for an assessment with reasons in plain Danish', async () => {
    const result = await call<MatchList>(t.app, c.b, 200, { method: 'GET', url: `/api/v1/assessments/${assessment.id}/matches` });
    expect(result.assessment).toMatchObject({ id: assessment.id, companyName: 'Trekant Testindustri A/S', date: today });
    expect(result.company).toEqual({
      employees: 45, industryCode: '251100', industrySection: 'C', municipalityName: 'Kolding Kommune', regionName: 'Region Syddanmark', startDate: '2004-03-01',
    });
    expect(result.matchedOn).toBe(today);
    expect(result.eligible.map((e) => e.offer.title)).toEqual([
      'Automatiseringstjek', 'Lokal automatisering', 'Grøn omstilling', 'Robotforløb', 'Eksportforløb',
    ]);
    const reasons = Object.fromEntries(result.eligible.map((e) => [e.offer.title, e.reasons.map((r) => r.text)]));
    expect(reasons['Automatiseringstjek']).toEqual([
      'tema automatisering og digitalisering, prioritet 5',
      '45 ansatte, inden for 10–249',
      'branche 25.11.00 (C) er omfattet',
      'Kolding Kommune er omfattet',
      'ledig kapacitet i kvartalet (5 af 8)',
      '3 lignende virksomheder afsluttede forløbet med tilfredshed 4,7',
    ]);
    expect(reasons['Robotforløb']).toEqual([
      'tema automatisering og digitalisering, prioritet 5',
      'ingen ledig kapacitet i kvartalet (2 pladser brugt) – venteliste',
      '1 lignende henvisning blev afvist af udbyderen',
    ]);
    expect(reasons['Grøn omstilling']).toEqual(['tema grøn omstilling, prioritet 3']);
    expect(reasons['Eksportforløb']).toEqual(['ingen af ydelsens temaer er prioriteret i behovsafdækningen']);
    const scores = result.eligible.map((e) => e.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(scores[scores.length - 1]).toBe(0);
    expect(result.eligible[0].offer).toMatchObject({ provider: { id: c.provider.organisationId }, responseDays: 5, financing: 'free' });

    expect(result.ineligible.map((x) => [x.offer.title, x.rules.map((r) => r.text)])).toEqual([
      ['Kun for små', ['45 ansatte, uden for højst 9']],
      ['Udløbet forløb', [expect.stringMatching(/^ydelsen udløb \d+\. \w+ \d{4}$/)]],
      // "Aa" is Å in Danish order: last.
      ['Aarhus-forløb', ['Kolding Kommune er ikke omfattet af ydelsens geografi']],
    ]);
    expect(result).toMatchObject({ eligibleTotal: 5, ineligibleTotal: 3 });
  });

  it('limits the lists it returns but ranks every offer', async () => {
    const result = await call<MatchList>(t.app, c.a, 200, { method: 'GET', url: `/api/v1/assessments/${assessment.id}/matches?limit=2` });
    expect(result.eligible.map((e) => e.offer.title)).toEqual(['Automatiseringstjek', 'Lokal automatisering']);
    expect(result.ineligible).toHaveLength(2);
    expect(result).toMatchObject({ eligibleTotal: 5, ineligibleTotal: 3 });
  });

  it('matches a new offer at once and counts a new start once the referral workflow reports the change', async () => {
    await call<Offer>(t.app, c.provider, 201, { method: 'POST', url: '/api/v1/offers', payload: {
      title: 'Ny robotcelle-workshop', themes: ['automation_digitalisation'], status: 'published', municipalities: [621],
    } });
    const url = `/api/v1/assessments/${assessment.id}/matches`;
    const capacity = (m: MatchList) => m.eligible.find((e) => e.offer.title === 'Automatiseringstjek')!.reasons.find((r) => r.code === 'capacity_free')?.text;
    const before = await call<MatchList>(t.app, c.a, 200, { method: 'GET', url });
    expect(before.eligible.map((e) => e.offer.title)).toContain('Ny robotcelle-workshop');
    expect(capacity(before)).toBe('ledig kapacitet i kvartalet (5 af 8)');
    await insertReferral(t.db, {
      partnershipId: c.a.partnershipId, companyId: (await createCompany(t.db)).id, offerId: ids['Automatiseringstjek'],
      providerId: c.provider.organisationId, from: c.a, status: 'igangsat', sentAt: now, receivedAt: now, startedAt: now,
    });
    referralsChanged(t.db, c.a.partnershipId);
    expect(capacity(await call<MatchList>(t.app, c.a, 200, { method: 'GET', url }))).toBe('ledig kapacitet i kvartalet (4 af 8)');
  });

  it('is for the people who refer companies: providers and analysts may not match', async () => {
    await call(t.app, c.provider, 403, { method: 'GET', url: `/api/v1/assessments/${assessment.id}/matches` });
    await call(t.app, c.analyst, 403, { method: 'GET', url: `/api/v1/assessments/${assessment.id}/matches` });
    await call(t.app, c.a, 404, { method: 'GET', url: '/api/v1/assessments/00000000-0000-4000-8000-000000000000/matches' });
  });
});
