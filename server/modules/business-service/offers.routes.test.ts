import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Offer, OfferCreate } from '../../../common/business-service';
import { testEngine } from '../../db/test-db';
import { createTestApp, injectAs, type TestApp } from '../../test/helpers';
import { seedReferenceData } from '../reference';
import { call, countRows, createCast, createCompany, insertReferral, type Cast } from './offers.test-fixtures';

let t: TestApp;
let c: Cast;

beforeAll(async () => {
  t = await createTestApp();
  await seedReferenceData(t.db);
  c = await createCast(t.db);
});
afterAll(async () => t?.close());

const base: OfferCreate = {
  title: 'Automatiseringstjek', description: 'Et halvdagsbesøg med en robotekspert.', themes: ['automation_digitalisation'],
  minEmployees: 10, maxEmployees: 249, industries: ['C'], regions: [1083], financing: 'free', status: 'published',
  virksomhedsguidenUrl: 'https://virksomhedsguiden.dk/erhvervsfremme/content/temaer/automatisering/',
};

describe(`offer catalogue (${testEngine})`, () => {
  it('lets a provider create its own offer: regions expand to their municipalities, the write is audited', async () => {
    const offer = await call<Offer>(t.app, c.provider, 201, { method: 'POST', url: '/api/v1/offers', payload: { ...base, industries: ['c', '25.11'] } });
    expect(offer).toMatchObject({
      provider: { id: c.provider.organisationId, kind: 'provider' }, title: 'Automatiseringstjek', regions: [1083], industries: ['C', '2511'],
      responseDays: 5, status: 'published', canManage: true, financing: 'free', coFinancingRate: null,
    });
    // Region Syddanmark has 22 municipalities, Kolding (621) among them.
    expect(offer.municipalities).toHaveLength(22);
    expect(offer.municipalities).toContain(621);
    const audited = await t.db.execute(sql`select action, user_id from audit_log where entity = 'offer' and entity_id = ${offer.id}`);
    expect(audited.rows).toEqual([{ action: 'offer.create', user_id: c.provider.userId }]);
  });

  it('refuses inconsistent offers with a Danish message at the field, and writes nothing', async () => {
    const before = await countRows(t.db, 'offers');
    const post = (payload: object) => injectAs(t.app, c.provider, { method: 'POST', url: '/api/v1/offers', payload: { ...base, ...payload } });

    const range = await post({ minEmployees: 250, maxEmployees: 10 });
    expect(range.statusCode).toBe(422);
    expect(range.json()).toMatchObject({
      code: 'invalid_offer', detail: 'Mindste antal ansatte kan ikke være større end højeste.',
      errors: [{ path: 'minEmployees', message: 'Mindste antal ansatte kan ikke være større end højeste.' }],
    });
    expect((await post({ financing: 'co_financed' })).json()).toMatchObject({ code: 'invalid_offer', errors: [{ path: 'coFinancingRate', message: 'Angiv medfinansieringsgraden, når ydelsen er medfinansieret.' }] });
    expect((await post({ activeFrom: '2027-01-01', activeTo: '2026-12-31' })).json()).toMatchObject({ code: 'invalid_offer', errors: [{ path: 'activeTo', message: 'Slutdatoen kan ikke ligge før startdatoen.' }] });
    const geography = await post({ municipalities: [621, 999], regions: [] });
    expect(geography.statusCode).toBe(422);
    expect(geography.json()).toMatchObject({ errors: [{ path: 'municipalities', message: 'Ukendt kommunekode: 999.' }] });

    const url = await post({ virksomhedsguidenUrl: 'https://example.com/ydelse' });
    expect(url.statusCode).toBe(400);
    expect(url.json().errors[0].message).toContain('Virksomhedsguiden');
    for (const responseDays of [0, 61]) {
      const res = await post({ responseDays });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].message).toBe('Svarfristen skal være mellem 1 og 60 arbejdsdage.');
    }
    expect((await post({ themes: [] })).json().errors[0].message).toBe('Vælg mindst ét tema.');
    expect(await countRows(t.db, 'offers')).toBe(before);

    // A valid co-financed offer within its period is accepted.
    await call(t.app, c.provider, 201, { method: 'POST', url: '/api/v1/offers', payload: {
      ...base, title: 'Medfinansieret forløb', financing: 'co_financed', coFinancingRate: 50, activeFrom: '2026-01-01', activeTo: '2027-12-31', responseDays: 60,
    } });
  });

  it('lets a provider edit only its own offers, the secretariat curate every offer; consultants may not manage', async () => {
    const own = await call<Offer>(t.app, c.provider, 201, { method: 'POST', url: '/api/v1/offers', payload: { ...base, title: 'Eget tilbud' } });
    // Another user of the same provider edits it.
    const edited = await call<Offer>(t.app, c.provider2, 200, { method: 'PATCH', url: `/api/v1/offers/${own.id}`, payload: { capacityPerQuarter: 8 } });
    expect(edited.capacityPerQuarter).toBe(8);
    // Another provider may read it, not change it.
    const foreign = await injectAs(t.app, c.academy, { method: 'PATCH', url: `/api/v1/offers/${own.id}`, payload: { title: 'Overtaget' } });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().detail).toBe('Kun udbyderen selv og sekretariatet kan rette ydelsen.');
    expect((await call<Offer>(t.app, c.academy, 200, { method: 'GET', url: `/api/v1/offers/${own.id}` })).canManage).toBe(false);
    // A provider cannot create offers in another provider's name.
    await call(t.app, c.academy, 403, { method: 'POST', url: '/api/v1/offers', payload: { ...base, providerId: c.provider.organisationId } });
    // Consultants read the catalogue but manage nothing.
    await call(t.app, c.a, 403, { method: 'POST', url: '/api/v1/offers', payload: base });
    await call(t.app, c.a, 403, { method: 'PATCH', url: `/api/v1/offers/${own.id}`, payload: { title: 'x' } });
    await call(t.app, c.a, 403, { method: 'DELETE', url: `/api/v1/offers/${own.id}` });
    expect((await call<Offer>(t.app, c.a, 200, { method: 'GET', url: `/api/v1/offers/${own.id}` })).canManage).toBe(false);

    // The secretariat curates: edits any offer, and creates offers for a provider it names.
    const curated = await call<Offer>(t.app, c.secretariat, 200, { method: 'PATCH', url: `/api/v1/offers/${own.id}`, payload: { title: 'Eget tilbud (kurateret)', regions: [], municipalities: [621, 630] } });
    expect(curated).toMatchObject({ title: 'Eget tilbud (kurateret)', regions: [], municipalities: [621, 630], canManage: true });
    const unnamed = await injectAs(t.app, c.secretariat, { method: 'POST', url: '/api/v1/offers', payload: base });
    expect(unnamed.statusCode).toBe(422);
    expect(unnamed.json().errors[0]).toEqual({ path: 'providerId', message: 'Vælg den udbyder, ydelsen hører til.' });
    const notProvider = await injectAs(t.app, c.secretariat, { method: 'POST', url: '/api/v1/offers', payload: { ...base, providerId: c.a.organisationId } });
    expect(notProvider.statusCode).toBe(422);
    const forAcademy = await call<Offer>(t.app, c.secretariat, 201, { method: 'POST', url: '/api/v1/offers', payload: { ...base, title: 'Lederforløb', providerId: c.academy.organisationId, themes: ['leadership'] } });
    expect(forAcademy.provider.id).toBe(c.academy.organisationId);

    // A rule that spans fields is checked on the offer as it would become.
    const range = await injectAs(t.app, c.provider, { method: 'PATCH', url: `/api/v1/offers/${own.id}`, payload: { minEmployees: 500 } });
    expect(range.statusCode).toBe(422);
    expect(range.json().detail).toBe('Mindste antal ansatte kan ikke være større end højeste.');
    const audited = await t.db.execute(sql`select count(*)::int as n from audit_log where entity = 'offer' and entity_id = ${own.id} and action = 'offer.update'`);
    expect(audited.rows).toEqual([{ n: 2 }]);
  });

  it('searches and filters by theme, provider and text in Danish title order; drafts only for those who manage them', async () => {
    const post = (actor: Cast['provider'], payload: Partial<OfferCreate>) =>
      call<Offer>(t.app, actor, 201, { method: 'POST', url: '/api/v1/offers', payload: { ...base, ...payload } });
    await post(c.academy, { title: 'Ældre-værksted for ledere', themes: ['leadership'] });
    await post(c.academy, { title: 'Zebra-forløb i grøn omstilling', themes: ['green_transition'], description: 'Energioptimering og CO₂-regnskab.' });
    await post(c.academy, { title: 'Åben produktionsdag', themes: ['production_lean'] });
    const draft = await post(c.academy, { title: 'Hemmelig kladde', themes: ['leadership'], status: 'draft' });

    const leadership = await call<{ items: Offer[]; total: number }>(t.app, c.a, 200, { method: 'GET', url: '/api/v1/offers?theme=leadership' });
    expect(leadership.items.map((o) => o.title)).toEqual(['Lederforløb', 'Ældre-værksted for ledere']);
    const academy = await call<{ items: Offer[] }>(t.app, c.a, 200, { method: 'GET', url: `/api/v1/offers?providerId=${c.academy.organisationId}` });
    // Danish order: Z before Æ before Å.
    expect(academy.items.map((o) => o.title)).toEqual(['Lederforløb', 'Zebra-forløb i grøn omstilling', 'Ældre-værksted for ledere', 'Åben produktionsdag']);
    const text = await call<{ items: Offer[] }>(t.app, c.a, 200, { method: 'GET', url: `/api/v1/offers?q=${encodeURIComponent('GRON energioptimering')}` });
    expect(text.items.map((o) => o.title)).toEqual(['Zebra-forløb i grøn omstilling']);

    // The draft: not for consultants or other providers, listed for its provider and the secretariat.
    await call(t.app, c.a, 404, { method: 'GET', url: `/api/v1/offers/${draft.id}` });
    await call(t.app, c.provider, 404, { method: 'GET', url: `/api/v1/offers/${draft.id}` });
    const forConsultant = await call<{ items: Offer[] }>(t.app, c.a, 200, { method: 'GET', url: '/api/v1/offers?status=all&theme=leadership' });
    expect(forConsultant.items.map((o) => o.id)).not.toContain(draft.id);
    for (const actor of [c.academy, c.secretariat]) {
      const drafts = await call<{ items: Offer[] }>(t.app, actor, 200, { method: 'GET', url: '/api/v1/offers?status=draft' });
      expect(drafts.items.map((o) => o.id)).toContain(draft.id);
    }
    const providers = await call<{ items: { id: string; kind: string }[] }>(t.app, c.a, 200, { method: 'GET', url: '/api/v1/offers/providers' });
    expect(providers.items.map((p) => p.id).sort()).toEqual([c.provider.organisationId, c.academy.organisationId].sort());
  });

  it('deletes an offer nobody was referred to; one with referrals must be archived instead', async () => {
    const lonely = await call<Offer>(t.app, c.provider, 201, { method: 'POST', url: '/api/v1/offers', payload: { ...base, title: 'Slettes' } });
    await call(t.app, c.provider, 204, { method: 'DELETE', url: `/api/v1/offers/${lonely.id}` });
    await call(t.app, c.provider, 404, { method: 'GET', url: `/api/v1/offers/${lonely.id}` });

    const used = await call<Offer>(t.app, c.provider, 201, { method: 'POST', url: '/api/v1/offers', payload: { ...base, title: 'Brugt' } });
    const company = await createCompany(t.db);
    await insertReferral(t.db, {
      partnershipId: c.provider.partnershipId, companyId: company.id, offerId: used.id, providerId: c.provider.organisationId, from: c.a, status: 'sendt',
    });
    const refused = await injectAs(t.app, c.provider, { method: 'DELETE', url: `/api/v1/offers/${used.id}` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'offer_in_use', detail: 'Ydelsen har henvisninger og kan derfor ikke slettes. Arkivér den i stedet.' });
    const archived = await call<Offer>(t.app, c.provider, 200, { method: 'PATCH', url: `/api/v1/offers/${used.id}`, payload: { status: 'archived' } });
    expect(archived.status).toBe('archived');
    const published = await call<{ items: Offer[] }>(t.app, c.a, 200, { method: 'GET', url: '/api/v1/offers?limit=200' });
    expect(published.items.map((o) => o.id)).not.toContain(used.id);
  });
});
