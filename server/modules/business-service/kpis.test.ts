import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReferralKpis } from '../../../common/referrals';
import { referrals } from '../../db/schema';
import { testEngine } from '../../db/test-db';
import { createTestApp, injectAs, type TestApp } from '../../test/helpers';
import { sql } from 'drizzle-orm';
import { referralKpis } from './kpis.repo';
import { createOffer, createReferralCompany, createReferralWorld, type ReferralWorld } from './referral-test-fixtures';
import { isWorkingDay, workingDaysBetween } from './working-days';

let t: TestApp;
let w: ReferralWorld;
let offerA: { id: string; title: string };
let offerB: { id: string; title: string };

/** A moment on a Danish day: 10:00 in Denmark (CET in March). */
const dk = (day: string, hour = 10) => new Date(`${day}T${String(hour - 1).padStart(2, '0')}:00:00Z`);

beforeAll(async () => {
  t = await createTestApp();
  w = await createReferralWorld(t.db);
  const p = w.consultant.partnershipId;
  offerA = await createOffer(t.db, { partnershipId: p, providerId: w.provider.organisationId }, { themes: ['automation_digitalisation', 'export'] });
  offerB = await createOffer(t.db, { partnershipId: p, providerId: w.otherProvider.organisationId }, { themes: ['leadership'] });
  const base = { partnershipId: p, fromOrganisationId: w.consultant.organisationId, fromUserId: w.consultant.userId, message: '' };
  const add = async (offer: { id: string }, providerId: string, values: Partial<typeof referrals.$inferInsert>) => {
    const company = await createReferralCompany(t.db);
    await t.db.insert(referrals).values({
      ...base, companyId: company.id, offerId: offer.id, providerId, consentAt: values.sentAt!, responseDue: '2026-03-10', ...values,
    });
  };
  const A = (v: Partial<typeof referrals.$inferInsert>) => add(offerA, w.provider.organisationId, v);
  const B = (v: Partial<typeof referrals.$inferInsert>) => add(offerB, w.otherProvider.organisationId, v);
  // Offer A: answered after 2 and 5 working days, both started, one closed with satisfaction 4; one still unanswered past its deadline.
  await A({ sentAt: dk('2026-03-02'), receivedAt: dk('2026-03-04'), startedAt: dk('2026-03-05'), closedAt: dk('2026-03-20'), status: 'afsluttet', satisfaction: 4 });
  await A({ sentAt: dk('2026-03-02'), receivedAt: dk('2026-03-09'), startedAt: dk('2026-03-10'), status: 'igangsat' });
  await A({ sentAt: dk('2026-03-03'), status: 'sendt', responseDue: '2026-03-10' });
  // Offer B: received after 1 working day then rejected; rejected straight away after 5 working days.
  await B({ sentAt: dk('2026-03-05'), receivedAt: dk('2026-03-06'), closedAt: dk('2026-03-09'), status: 'afvist', rejectionReason: 'x' });
  await B({ sentAt: dk('2026-03-05'), closedAt: dk('2026-03-12'), status: 'afvist', rejectionReason: 'y' });
  // Outside the period (sent in February; and at 23:30 Danish time on the last day of February).
  await B({ sentAt: dk('2026-02-10'), status: 'sendt', responseDue: '2026-02-17' });
  await B({ sentAt: new Date('2026-02-28T22:30:00Z'), status: 'sendt', responseDue: '2026-03-06' });
  // Sent at 00:30 Danish time on 1 March (still 28 February in UTC): inside the period, rejected the same day.
  await B({ sentAt: new Date('2026-02-28T23:30:00Z'), closedAt: new Date('2026-03-01T08:00:00Z'), status: 'afvist', rejectionReason: 'z' });
});
afterAll(async () => t?.close());

describe(`referral KPIs (${testEngine})`, () => {
  it('has a working-day calendar in the database that agrees with working-days.ts on every day 2000–2100', async () => {
    const rows = (await t.db.execute<{ day: string; working: boolean; ordinal: number }>(sql`
      select to_char(day, 'YYYY-MM-DD') as day, working, ordinal from working_day_calendar order by day`)).rows;
    expect(rows[0].day).toBe('2000-01-01');
    expect(rows.at(-1)?.day).toBe('2100-12-31');
    let n = 0;
    const wrong: string[] = [];
    for (const row of rows) {
      if (isWorkingDay(row.day)) n += 1;
      if (row.working !== isWorkingDay(row.day) || row.ordinal !== n) wrong.push(row.day);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    const ordinal = (day: string) => rows.find((r) => r.day === day)!.ordinal;
    for (const [a, b] of [['2026-03-25', '2026-04-01'], ['2026-04-01', '2026-04-07'], ['2023-04-28', '2023-05-08'], ['2024-04-22', '2024-04-29']]) {
      expect(ordinal(b) - ordinal(a), `${a}→${b}`).toBe(workingDaysBetween(a, b));
    }
  });

  it('keeps sent_day and response_days current when a referral is answered later', async () => {
    const company = await createReferralCompany(t.db);
    const [row] = await t.db.insert(referrals).values({
      partnershipId: w.consultant.partnershipId, fromOrganisationId: w.consultant.organisationId, fromUserId: w.consultant.userId,
      companyId: company.id, offerId: offerA.id, providerId: w.provider.organisationId, consentAt: dk('2026-01-15'),
      sentAt: new Date('2026-01-15T23:10:00Z'), responseDue: '2026-01-23', status: 'sendt',
    }).returning({ id: referrals.id, sentDay: referrals.sentDay, responseDays: referrals.responseDays });
    expect(row).toMatchObject({ sentDay: '2026-01-16', responseDays: null });
    const [answered] = await t.db.update(referrals).set({ status: 'modtaget', receivedAt: dk('2026-01-20') })
      .where(sql`${referrals.id} = ${row.id}`).returning({ responseDays: referrals.responseDays });
    expect(answered.responseDays).toBe(workingDaysBetween('2026-01-16', '2026-01-20'));
    await t.db.delete(referrals).where(sql`${referrals.id} = ${row.id}`);
  });

  it('computes counts, conversion, response-time percentiles, overdue and satisfaction by provider, offer and theme', async () => {
    const k = await referralKpis(t.db, w.consultant.partnershipId, { from: '2026-03-01', to: '2026-03-31', today: '2026-03-20' });
    // Response days: A 2 and 5; B 1, 5 and 0 (rejected on a Sunday, the day it was sent).
    expect(k.total).toMatchObject({
      sent: 6, received: 3, started: 2, closed: 1, rejected: 3, overdue: 1, conversion: 0.3333,
      medianResponseDays: 2, p90ResponseDays: 5, meanSatisfaction: 4,
    });
    expect(k.byProvider.map((r) => r.key).sort()).toEqual([w.otherProvider.organisationId, w.provider.organisationId].sort());
    const provider = (id: string) => k.byProvider.find((r) => r.key === id);
    expect(provider(w.provider.organisationId)).toMatchObject({ sent: 3, received: 2, started: 2, overdue: 1, conversion: 0.6667, medianResponseDays: 3.5, p90ResponseDays: 4.7, meanSatisfaction: 4 });
    expect(provider(w.otherProvider.organisationId)).toMatchObject({ sent: 3, received: 1, started: 0, rejected: 3, conversion: 0, medianResponseDays: 1, p90ResponseDays: 4.2, meanSatisfaction: null });
    expect(k.byOffer.find((r) => r.key === offerA.id)).toMatchObject({ sent: 3, started: 2 });
    expect(k.byOffer.find((r) => r.key === offerA.id)?.label).toContain(offerA.title);
    expect(Object.fromEntries(k.byTheme.map((r) => [r.key, r.sent]))).toEqual({ automation_digitalisation: 3, export: 3, leadership: 3 });
  });

  it('gives zeros and nulls for a period without referrals, and the same numbers over HTTP', async () => {
    const empty = await referralKpis(t.db, w.consultant.partnershipId, { from: '2025-01-01', to: '2025-01-31', today: '2026-03-20' });
    expect(empty.total).toMatchObject({ sent: 0, conversion: null, medianResponseDays: null, meanSatisfaction: null });
    expect(empty.byProvider).toEqual([]);
    const res = await injectAs(t.app, w.analyst, { method: 'GET', url: '/api/v1/referrals/kpis?from=2026-03-01&to=2026-03-31' });
    expect(res.statusCode).toBe(200);
    expect((res.json() as ReferralKpis).total).toMatchObject({ sent: 6, started: 2 });
    const bad = await injectAs(t.app, w.analyst, { method: 'GET', url: '/api/v1/referrals/kpis?from=2026-04-01&to=2026-03-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'invalid_period', detail: 'Startdatoen skal ligge før eller på slutdatoen.' });
    expect((await injectAs(t.app, w.provider, { method: 'GET', url: '/api/v1/referrals/kpis' })).statusCode).toBe(403);
  });

  it('exports started courses as semicolon CSV with a BOM: CVR, offer, provider, start and end', async () => {
    const res = await injectAs(t.app, w.analyst, { method: 'GET', url: '/api/v1/referrals/export.csv?from=2026-03-01&to=2026-03-31' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('CVR-nummer;Virksomhed;Ydelse;Udbyder;Startdato;Slutdato;Henvist;Status;Temaer;Tilfredshed (1-5)');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(new RegExp(`^\\d{8};[^;]+;${offerA.title};[^;]+;05-03-2026;20-03-2026;02-03-2026;Afsluttet;`));
    expect((await injectAs(t.app, w.consultant, { method: 'GET', url: '/api/v1/referrals/export.csv' })).statusCode).toBe(403);
  });
});
