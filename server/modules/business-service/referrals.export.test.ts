import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Referral, ReferralList } from '../../../common/referrals';
import { testEngine } from '../../db/test-db';
import { readCsvExport, readWorkbook } from '../../http/export-read';
import { createTestApp, injectAs, type TestActor, type TestApp } from '../../test/helpers';
import { danishDate } from './referral-clock';
import { call, createOffer, createReferralCompany, createReferralWorld, type ReferralWorld } from './referral-test-fixtures';

let t: TestApp;
let w: ReferralWorld;
let offer: { id: string; title: string };
let otherOffer: { id: string; title: string };
let started: Referral;
let toOtherProvider: Referral;
let fromOtherOffice: Referral;
/** Closed referrals written straight to the table: more than one export batch (2,000) and any page of the list (500). */
const massCount = 2040;
const today = danishDate(new Date());
const dmy = (iso: string) => iso.split('-').reverse().join('-');

async function refer(actor: TestActor, offerId: string): Promise<Referral> {
  const company = await createReferralCompany(t.db, 'Eksporteret Henvisning');
  return call<Referral>(t.app, actor, 201, { method: 'POST', url: '/api/v1/referrals', payload: {
    companyId: company.id, offerId, message: 'Vil gerne automatisere; ring efter kl. 9.', consent: true,
  } });
}

async function csv(actor: TestActor, query: string): Promise<string[][]> {
  const res = await injectAs(t.app, actor, { method: 'GET', url: `/api/v1/referrals/export${query}` });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return readCsvExport(res.rawPayload);
}

const list = (actor: TestActor, query: string) => call<ReferralList>(t.app, actor, 200, { method: 'GET', url: `/api/v1/referrals${query}` });

beforeAll(async () => {
  t = await createTestApp();
  w = await createReferralWorld(t.db);
  const partnershipId = w.consultant.partnershipId;
  offer = await createOffer(t.db, { partnershipId, providerId: w.provider.organisationId });
  otherOffer = await createOffer(t.db, { partnershipId, providerId: w.otherProvider.organisationId });
  started = await refer(w.consultant, offer.id);
  for (const status of ['modtaget', 'igangsat']) {
    await call(t.app, w.provider, 200, { method: 'POST', url: `/api/v1/referrals/${started.id}/status`, payload: { status } });
  }
  toOtherProvider = await refer(w.consultant, otherOffer.id);
  fromOtherOffice = await refer(w.otherOffice, offer.id);
  const company = await createReferralCompany(t.db, 'Massehenvist');
  await t.db.execute(sql`insert into referrals (partnership_id, company_id, offer_id, provider_id, from_organisation_id, from_user_id,
      message, consent_at, status, sent_at, response_due, received_at, started_at, closed_at, outcome, satisfaction)
    select ${partnershipId}, ${company.id}, ${offer.id}, ${w.provider.organisationId}, ${w.consultant.organisationId}, ${w.consultant.userId},
      'Forløb ' || g, now() - interval '90 days', 'afsluttet', now() - (g || ' hours')::interval - interval '60 days', current_date - 50,
      now() - interval '59 days', now() - interval '58 days', now() - interval '10 days', 'Robotcelle nr. ' || g, 1 + g % 5
    from generate_series(1, ${massCount}) g`);
});
afterAll(async () => t?.close());

describe(`referral list export (${testEngine})`, () => {
  it('needs referral.read and data.export, and the list\'s own scope rules', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/referrals/export' })).statusCode).toBe(401);
    // The analyst may export but not read referrals; a provider exports exactly its incoming list.
    expect((await injectAs(t.app, w.analyst, { method: 'GET', url: '/api/v1/referrals/export' })).statusCode).toBe(403);
    const incoming = await csv(w.provider, '?direction=incoming');
    expect(incoming.slice(1)).toHaveLength((await list(w.provider, '?direction=incoming&limit=500')).total);
    const all = await injectAs(t.app, w.consultant, { method: 'GET', url: '/api/v1/referrals/export?direction=all' });
    expect(all.statusCode).toBe(403);
    expect(all.json().detail).toBe('Kun sekretariatet og administratorer kan se alle partnerskabets henvisninger.');
    expect((await injectAs(t.app, w.consultant, { method: 'GET', url: '/api/v1/referrals/export?status=maybe' })).statusCode).toBe(400);
  });

  it('exports every referral the organisation sent, in the list\'s order, with the response clock\'s dates', async () => {
    const rows = await csv(w.consultant, '?direction=outgoing');
    expect(rows[0].slice(0, 12)).toEqual([
      'Virksomhed', 'CVR-nummer', 'Adresse', 'Ydelse', 'Udbyder', 'Henvist fra', 'Henvist af', 'Henviserens e-mail', 'Status',
      'Svarfrist overskredet', 'Sendt', 'Svarfrist',
    ]);
    const body = rows.slice(1);
    const page = await list(w.consultant, '?direction=outgoing&limit=500');
    expect(page.total).toBe(massCount + 2);
    expect(body).toHaveLength(page.total);
    expect(body.slice(0, 500).map((r) => [r[0], r[3], r[8]])).toEqual(page.items.map((r) => [r.company.name, r.offer.title, r.status === 'igangsat' ? 'Igangsat' : r.status === 'sendt' ? 'Sendt' : 'Afsluttet']));
    expect(body.some((r) => r[0] === fromOtherOffice.company.name)).toBe(false);

    const open = body.find((r) => r[0] === started.company.name)!;
    expect(open.slice(8, 15)).toEqual(['Igangsat', 'Nej', dmy(today), dmy(started.responseDue), dmy(today), dmy(today), '']);
    expect(open.at(-1)).toBe('Vil gerne automatisere; ring efter kl. 9.');
    const closed = body.find((r) => r[20] === 'Forløb 7')!;
    expect(closed.slice(16, 18)).toEqual(['Robotcelle nr. 7', '3']);

    const openOnly = await csv(w.consultant, '?direction=outgoing&status=open');
    expect(openOnly.slice(1).map((r) => r[0]).sort()).toEqual([started.company.name, toOtherProvider.company.name].sort());
    const audit = (await t.db.execute(sql`select user_id, after from audit_log where action = 'data.export' order by id desc limit 1`)).rows[0] as
      { user_id: string; after: unknown };
    expect(audit).toEqual({ user_id: w.consultant.userId, after: { list: 'referrals', format: 'csv', rows: 2, filters: { direction: 'outgoing', status: 'open' } } });
  });

  it('gives a provider organisation\'s administrator only the referrals to that provider', async () => {
    const rows = (await csv(w.providerAdmin, '?direction=incoming')).slice(1);
    const incoming = await list(w.providerAdmin, '?direction=incoming&limit=1');
    expect(rows).toHaveLength(incoming.total);
    expect(incoming.total).toBe(massCount + 2);
    expect(rows.every((r) => r[4] === rows[0][4])).toBe(true);
    expect(rows.some((r) => r[0] === fromOtherOffice.company.name)).toBe(true);
    expect(rows.some((r) => r[0] === toOtherProvider.company.name)).toBe(false);
  });

  it('gives the secretariat the whole partnership, as an English workbook', async () => {
    const res = await injectAs(t.app, w.secretariat, { method: 'GET', url: '/api/v1/referrals/export?direction=all&format=xlsx&lang=en' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/filename="all-referrals-/);
    const rows = readWorkbook(res.rawPayload).rows();
    expect(rows[0].slice(0, 3).map((c) => c.value)).toEqual(['Company', 'CVR number', 'Address']);
    expect(rows).toHaveLength(1 + massCount + 3);
    const names = rows.map((r) => r[0].value);
    for (const r of [started, toOtherProvider, fromOtherOffice]) expect(names).toContain(r.company.name);
    expect(rows.some((r) => r.some((c) => c.value === 'Started'))).toBe(true);
  });
});
