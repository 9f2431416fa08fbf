import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../../common/engagement';
import {
  referralStatuses, referralTransitions, type Referral, type ReferralDetail, type ReferralList, type ReferralStatus,
} from '../../../common/referrals';
import { needsAssessments } from '../../db/schema';
import { testEngine } from '../../db/test-db';
import { createTestApp, injectAs, type TestActor, type TestApp } from '../../test/helpers';
import { danishDate } from './referral-clock';
import { call, createOffer, createReferralCompany, createReferralWorld, type ReferralWorld } from './referral-test-fixtures';
import { addWorkingDays } from './working-days';

let t: TestApp;
let w: ReferralWorld;
let offer: { id: string; title: string };
let providerName: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await createReferralWorld(t.db);
  offer = await createOffer(t.db, { partnershipId: w.consultant.partnershipId, providerId: w.provider.organisationId }, { responseDays: 5 });
  const [org] = (await t.db.execute(sql`select name from organisations where id = ${w.provider.organisationId}`)).rows as { name: string }[];
  providerName = org.name;
});
afterAll(async () => t?.close());

const count = async (table: string) => ((await t.db.execute(sql.raw(`select count(*)::int as n from ${table}`))).rows[0] as { n: number }).n;

async function refer(actor: TestActor = w.consultant, offerId = offer.id, extra: object = {}): Promise<Referral & { companyName: string }> {
  const company = await createReferralCompany(t.db);
  const created = await call<Referral>(t.app, actor, 201, { method: 'POST', url: '/api/v1/referrals', payload: {
    companyId: company.id, offerId, message: 'Virksomheden vil automatisere svejsningen.', consent: true, ...extra,
  } });
  return Object.assign(created, { companyName: company.name });
}

const move = (actor: TestActor, id: string, payload: object) => injectAs(t.app, actor, { method: 'POST', url: `/api/v1/referrals/${id}/status`, payload });

/** Drives a fresh referral to `status` along the allowed path. */
async function referralAt(status: ReferralStatus): Promise<Referral> {
  const r = await refer();
  const path: Record<ReferralStatus, object[]> = {
    sendt: [],
    modtaget: [{ status: 'modtaget' }],
    igangsat: [{ status: 'modtaget' }, { status: 'igangsat' }],
    afsluttet: [{ status: 'modtaget' }, { status: 'igangsat' }, { status: 'afsluttet', outcome: 'Robotcelle installeret.' }],
    afvist: [{ status: 'afvist', reason: 'Uden for målgruppen.' }],
  };
  for (const step of path[status]) expect((await move(w.provider, r.id, step)).statusCode).toBe(200);
  return r;
}

describe(`referrals (${testEngine})`, () => {
  it('refuses a referral without the company\'s consent (422, Danish) and writes nothing', async () => {
    const company = await createReferralCompany(t.db);
    const before = await Promise.all(['referrals', 'referral_events', 'email_outbox', 'timeline_events'].map(count));
    for (const consent of [false, undefined]) {
      const res = await injectAs(t.app, w.consultant, { method: 'POST', url: '/api/v1/referrals', payload: {
        companyId: company.id, offerId: offer.id, message: 'Hej', ...(consent === undefined ? {} : { consent }),
      } });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ code: 'consent_required', detail: 'Virksomheden skal have givet samtykke til henvisningen, før den kan sendes.', errors: [{ path: 'consent' }] });
    }
    const missingMessage = await injectAs(t.app, w.consultant, { method: 'POST', url: '/api/v1/referrals', payload: { companyId: company.id, offerId: offer.id, message: ' ', consent: true } });
    expect(missingMessage.statusCode).toBe(400);
    expect(missingMessage.json().errors).toEqual([{ path: 'message', message: 'Skriv en besked til udbyderen.' }]);
    expect(await Promise.all(['referrals', 'referral_events', 'email_outbox', 'timeline_events'].map(count))).toEqual(before);
  });

  it('refuses an unpublished offer and one outside its active period', async () => {
    const company = await createReferralCompany(t.db);
    const base = { partnershipId: w.consultant.partnershipId, providerId: w.provider.organisationId };
    const draft = await createOffer(t.db, base, { status: 'draft' });
    const ended = await createOffer(t.db, base, { activeTo: '2020-12-31' });
    const future = await createOffer(t.db, base, { activeFrom: '2999-01-01' });
    for (const [o, why] of [[draft, 'er ikke offentliggjort'], [ended, 'var kun aktiv til 2020-12-31'], [future, 'er først aktiv fra 2999-01-01']] as const) {
      const res = await injectAs(t.app, w.consultant, { method: 'POST', url: '/api/v1/referrals', payload: { companyId: company.id, offerId: o.id, message: 'Hej', consent: true } });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ code: 'offer_unavailable', detail: `Ydelsen "${o.title}" ${why} og kan ikke modtage henvisninger.` });
    }
    const unknown = await injectAs(t.app, w.consultant, { method: 'POST', url: '/api/v1/referrals', payload: { companyId: company.id, offerId: crypto.randomUUID(), message: 'Hej', consent: true } });
    expect(unknown.statusCode).toBe(404);
  });

  it('sends a referral: deadline in working days, event, timeline, e-mail to the provider\'s users, audit', async () => {
    const r = await refer();
    expect(r).toMatchObject({
      status: 'sendt', offer: { id: offer.id, title: offer.title }, provider: { id: w.provider.organisationId, name: providerName },
      from: { organisationId: w.consultant.organisationId, userId: w.consultant.userId }, overdue: false, allowedNext: [],
      responseDue: addWorkingDays(danishDate(), 5), company: { address: 'Fabriksvej 1, 6000 Kolding' },
    });
    const events = (await t.db.execute(sql`select from_status, to_status, user_id from referral_events where referral_id = ${r.id}`)).rows;
    expect(events).toEqual([{ from_status: null, to_status: 'sendt', user_id: w.consultant.userId }]);
    const timeline = await call<{ items: TimelineEvent[] }>(t.app, w.otherOffice, 200, { method: 'GET', url: `/api/v1/companies/${r.company.id}/timeline` });
    expect(timeline.items).toEqual([expect.objectContaining({
      kind: 'referral', refId: r.id, confidential: false, redacted: false, title: `Henvist til ${offer.title} (${providerName})`,
    })]);
    const mails = (await t.db.execute(sql`select to_address, subject, kind from email_outbox where meta->>'referralId' = ${r.id}`)).rows as { to_address: string; subject: string }[];
    const [providerUser] = (await t.db.execute(sql`select email::text from users where id = ${w.provider.userId}`)).rows as { email: string }[];
    // Only users with the provider role: the provider organisation's administrator and analyst get nothing.
    expect(mails).toEqual([{ to_address: providerUser.email, subject: `Ny henvisning: ${r.companyName} til ${offer.title}`, kind: 'referral_new' }]);
    const audited = (await t.db.execute(sql`select action, user_id from audit_log where entity = 'referral' and entity_id = ${r.id}`)).rows;
    expect(audited).toEqual([{ action: 'referral.create', user_id: w.consultant.userId }]);
  });

  it('refuses a second open referral of the same company to the same offer', async () => {
    const r = await refer();
    const res = await injectAs(t.app, w.colleague, { method: 'POST', url: '/api/v1/referrals', payload: { companyId: r.company.id, offerId: offer.id, message: 'Igen', consent: true } });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'referral_exists', referralId: r.id });
  });

  it('shows providers only referrals to their own organisation (404 for others), and lets only handlers move them', async () => {
    const r = await refer();
    const incoming = await call<ReferralList>(t.app, w.provider, 200, { method: 'GET', url: '/api/v1/referrals?direction=incoming' });
    expect(incoming.items.map((i) => i.id)).toContain(r.id);
    expect(incoming.items.every((i) => i.provider.id === w.provider.organisationId)).toBe(true);
    expect(incoming.items.find((i) => i.id === r.id)?.allowedNext).toEqual(['modtaget', 'afvist']);
    const theirs = await call<ReferralList>(t.app, w.otherProvider, 200, { method: 'GET', url: '/api/v1/referrals?direction=incoming' });
    expect(theirs.items).toEqual([]);
    expect((await injectAs(t.app, w.otherProvider, { method: 'GET', url: `/api/v1/referrals/${r.id}` })).statusCode).toBe(404);
    expect((await move(w.otherProvider, r.id, { status: 'modtaget' })).statusCode).toBe(404);
    // Another business office neither reads nor moves it; the referring consultant reads but may not move it.
    expect((await injectAs(t.app, w.otherOffice, { method: 'GET', url: `/api/v1/referrals/${r.id}` })).statusCode).toBe(404);
    const own = await call<ReferralDetail>(t.app, w.colleague, 200, { method: 'GET', url: `/api/v1/referrals/${r.id}` });
    expect(own.allowedNext).toEqual([]);
    expect((await move(w.consultant, r.id, { status: 'modtaget' })).statusCode).toBe(403);
    // A provider may not refer, and may not list the whole partnership.
    expect((await injectAs(t.app, w.provider, { method: 'POST', url: '/api/v1/referrals', payload: { companyId: r.company.id, offerId: offer.id, message: 'x', consent: true } })).statusCode).toBe(403);
    expect((await injectAs(t.app, w.provider, { method: 'GET', url: '/api/v1/referrals?direction=all' })).statusCode).toBe(403);
    const all = await call<ReferralList>(t.app, w.secretariat, 200, { method: 'GET', url: '/api/v1/referrals?direction=all' });
    expect(all.items.map((i) => i.id)).toContain(r.id);
    const outgoing = await call<ReferralList>(t.app, w.colleague, 200, { method: 'GET', url: '/api/v1/referrals?direction=outgoing' });
    expect(outgoing.items.map((i) => i.id)).toContain(r.id);
    expect((await call<ReferralList>(t.app, w.otherOffice, 200, { method: 'GET', url: '/api/v1/referrals?direction=outgoing' })).items).toEqual([]);
    // The provider organisation's administrator handles it too.
    expect((await move(w.providerAdmin, r.id, { status: 'modtaget' })).statusCode).toBe(200);
  });

  it('has exactly the documented state machine', () => {
    expect(referralTransitions).toEqual({
      sendt: ['modtaget', 'afvist'], modtaget: ['igangsat', 'afvist'], igangsat: ['afsluttet', 'afvist'], afsluttet: [], afvist: [],
    });
  });

  it.each(referralStatuses)('refuses every move from %s that the state machine does not allow, naming the allowed next steps', async (from) => {
    const r = await referralAt(from);
    const refused = referralStatuses.filter((to) => !referralTransitions[from].includes(to));
    for (const to of refused) {
      const res = await move(w.provider, r.id, { status: to, reason: to === 'afvist' ? 'x' : undefined, outcome: to === 'afsluttet' ? 'x' : undefined });
      expect(res.statusCode, `${from} → ${to}`).toBe(409);
      const body = res.json() as { code: string; detail: string; allowed?: string[] };
      expect(body.code).toBe('invalid_transition');
      if (from !== to && referralTransitions[from].length > 0) {
        expect(body.allowed).toEqual(referralTransitions[from]);
        expect(body.detail).toContain(`kan kun flyttes til ${referralTransitions[from].join(' eller ')}`);
      }
    }
    const after = await call<ReferralDetail>(t.app, w.provider, 200, { method: 'GET', url: `/api/v1/referrals/${r.id}` });
    expect(after.status).toBe(from);
  });

  it('refuses the jump sendt → afsluttet with a clear Danish message', async () => {
    const r = await refer();
    const res = await move(w.provider, r.id, { status: 'afsluttet', outcome: 'Færdig', satisfaction: 5 });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toBe('En henvisning med status sendt kan ikke flyttes til afsluttet. Den kan kun flyttes til modtaget eller afvist.');
  });

  it('walks sendt → modtaget → igangsat → afsluttet; the outcome and satisfaction reach the timeline and the consultant', async () => {
    const r = await refer();
    for (const status of ['modtaget', 'igangsat'] as const) {
      const moved = await move(w.provider, r.id, { status });
      expect(moved.statusCode).toBe(200);
      expect(moved.json()).toMatchObject({ status });
    }
    // Closing needs an outcome; satisfaction is 1–5.
    const noOutcome = await move(w.provider, r.id, { status: 'afsluttet', satisfaction: 4 });
    expect(noOutcome.statusCode).toBe(422);
    expect(noOutcome.json()).toMatchObject({ code: 'outcome_required', errors: [{ path: 'outcome' }] });
    expect((await move(w.provider, r.id, { status: 'afsluttet', outcome: 'x', satisfaction: 6 })).statusCode).toBe(400);
    const closed = await move(w.provider, r.id, { status: 'afsluttet', outcome: 'Robotcelle i drift, 2 nye job.', satisfaction: 4 });
    expect(closed.statusCode).toBe(200);
    const detail = closed.json() as ReferralDetail;
    expect(detail).toMatchObject({ status: 'afsluttet', outcome: 'Robotcelle i drift, 2 nye job.', satisfaction: 4, allowedNext: [] });
    expect(detail.receivedAt && detail.startedAt && detail.closedAt).toBeTruthy();
    expect(detail.events.map((e) => `${e.fromStatus ?? ''}→${e.toStatus}`)).toEqual(['→sendt', 'sendt→modtaget', 'modtaget→igangsat', 'igangsat→afsluttet']);
    const timeline = await call<{ items: TimelineEvent[] }>(t.app, w.consultant, 200, { method: 'GET', url: `/api/v1/companies/${r.company.id}/timeline` });
    expect(timeline.items.map((e) => e.title)).toEqual([`Henvisning afsluttet: ${offer.title} (${providerName}) – tilfredshed 4/5 – Robotcelle i drift, 2 nye job.`]);
    const mails = (await t.db.execute(sql`select kind, body_text from email_outbox where meta->>'referralId' = ${r.id} order by created_at`)).rows as { kind: string; body_text: string }[];
    expect(mails.map((m) => m.kind)).toEqual(['referral_new', 'referral_afsluttet']);
    expect(mails[1].body_text).toContain('Virksomhedens tilfredshed: 4/5');
    const audited = (await t.db.execute(sql`select action from audit_log where entity_id = ${r.id} order by id`)).rows.map((x) => (x as { action: string }).action);
    expect(audited).toEqual(['referral.create', 'referral.modtaget', 'referral.igangsat', 'referral.afsluttet']);
  });

  it.each(['sendt', 'modtaget', 'igangsat'] as const)('rejects from %s only with a reason', async (from) => {
    const r = await referralAt(from);
    const missing = await move(w.provider, r.id, { status: 'afvist' });
    expect(missing.statusCode).toBe(422);
    expect(missing.json()).toMatchObject({ code: 'reason_required', detail: 'Skriv en begrundelse for afvisningen.' });
    const rejected = await move(w.provider, r.id, { status: 'afvist', reason: 'Kapaciteten er opbrugt i kvartalet.' });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'afvist', rejectionReason: 'Kapaciteten er opbrugt i kvartalet.' });
    const timeline = await call<{ items: TimelineEvent[] }>(t.app, w.consultant, 200, { method: 'GET', url: `/api/v1/companies/${r.company.id}/timeline` });
    expect(timeline.items[0].title).toBe(`Henvisning afvist: ${offer.title} (${providerName}) – Kapaciteten er opbrugt i kvartalet.`);
  });

  it('refuses fields that do not belong to the move', async () => {
    const r = await refer();
    const res = await move(w.provider, r.id, { status: 'modtaget', satisfaction: 3 });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'field_not_allowed', errors: [{ path: 'satisfaction' }] });
  });

  it('shows the provider the needs assessment only when the company consented to share it', async () => {
    const company = await createReferralCompany(t.db);
    const make = async (consentToShare: boolean) => {
      const [a] = await t.db.insert(needsAssessments).values({
        companyId: company.id, organisationId: w.consultant.organisationId, authorId: w.consultant.userId, date: '2026-01-15',
        priorities: { automation_digitalisation: 5 }, challenge: 'Mangler svejsere', consentToShare,
      }).returning();
      return a.id;
    };
    const shared = await make(true);
    const privateOne = await make(false);
    const second = await createOffer(t.db, { partnershipId: w.consultant.partnershipId, providerId: w.provider.organisationId });
    const a = await call<Referral>(t.app, w.consultant, 201, { method: 'POST', url: '/api/v1/referrals', payload: { companyId: company.id, offerId: offer.id, assessmentId: shared, message: 'm', consent: true } });
    const b = await call<Referral>(t.app, w.consultant, 201, { method: 'POST', url: '/api/v1/referrals', payload: { companyId: company.id, offerId: second.id, assessmentId: privateOne, message: 'm', consent: true } });
    expect(await call<ReferralDetail>(t.app, w.provider, 200, { method: 'GET', url: `/api/v1/referrals/${a.id}` }))
      .toMatchObject({ assessment: { challenge: 'Mangler svejsere', priorities: { automation_digitalisation: 5 } }, assessmentWithheld: false });
    const withheld = await injectAs(t.app, w.provider, { method: 'GET', url: `/api/v1/referrals/${b.id}` });
    expect(withheld.json()).toMatchObject({ assessment: null, assessmentWithheld: true });
    expect(withheld.body).not.toContain('Mangler svejsere');
    // The referring organisation reads its own assessment.
    expect((await call<ReferralDetail>(t.app, w.consultant, 200, { method: 'GET', url: `/api/v1/referrals/${b.id}` })).assessment?.challenge).toBe('Mangler svejsere');
    // An assessment of another company is refused.
    const other = await createReferralCompany(t.db);
    const wrong = await injectAs(t.app, w.consultant, { method: 'POST', url: '/api/v1/referrals', payload: { companyId: other.id, offerId: offer.id, assessmentId: shared, message: 'm', consent: true } });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().code).toBe('assessment_mismatch');
  });
});
