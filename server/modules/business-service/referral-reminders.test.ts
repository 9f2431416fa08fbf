import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../../db/test-db';
import type { Actor } from '../../policy';
import { createTestApp, injectAs, type TestActor, type TestApp } from '../../test/helpers';
import { runReferralReminders } from './referral-reminders';
import { createOffer, createReferralCompany, createReferralWorld, type ReferralWorld } from './referral-test-fixtures';
import * as service from './referrals.service';

let t: TestApp;
let w: ReferralWorld;
let offer: { id: string; title: string };
const publicUrl = 'https://samspil.example';

/** Noon in Denmark on a day (CET or CEST: 10:00 or 11:00 UTC are both the same Danish day). */
const at = (day: string) => new Date(`${day}T10:00:00Z`);

async function actorOf(a: TestActor): Promise<Actor> {
  const [row] = (await t.db.execute(sql`select u.roles, o.kind from users u join organisations o on o.id = u.organisation_id where u.id = ${a.userId}`)).rows as { roles: Actor['roles']; kind: Actor['organisationKind'] }[];
  return { id: a.userId, organisationId: a.organisationId, partnershipId: a.partnershipId, roles: row.roles, organisationKind: row.kind };
}

/** A referral sent on `day` (the deadline is five working days later). */
async function sentOn(day: string): Promise<string> {
  const company = await createReferralCompany(t.db);
  const created = await service.create(t.db, { actor: await actorOf(w.consultant), publicUrl, now: at(day) }, {
    companyId: company.id, offerId: offer.id, message: 'Ring til direktøren.', consent: true,
  });
  return created.id;
}

const mails = async (id: string) => (await t.db.execute(sql`select kind, to_address, subject, body_text from email_outbox
  where meta->>'referralId' = ${id} and kind <> 'referral_new' order by kind, to_address`)).rows as { kind: string; to_address: string; subject: string; body_text: string }[];
const emailOf = async (a: TestActor) => ((await t.db.execute(sql`select email::text from users where id = ${a.userId}`)).rows[0] as { email: string }).email;
const run = (day: string) => runReferralReminders(t.db, { now: at(day), publicUrl });

beforeAll(async () => {
  t = await createTestApp();
  w = await createReferralWorld(t.db);
  offer = await createOffer(t.db, { partnershipId: w.consultant.partnershipId, providerId: w.provider.organisationId }, { responseDays: 5 });
});
afterAll(async () => t?.close());

describe(`referral reminders (${testEngine})`, () => {
  it('reminds the provider the first working day after the deadline and escalates three working days later, once each', async () => {
    // Sent Monday 2 March 2026: due Monday 9 March; reminder Tuesday 10 March; escalation Friday 13 March.
    const id = await sentOn('2026-03-02');
    const [{ due }] = (await t.db.execute(sql`select response_due::text as due from referrals where id = ${id}`)).rows as { due: string }[];
    expect(due).toBe('2026-03-09');

    expect(await run('2026-03-09')).toMatchObject({ reminded: 0, escalated: 0 });
    expect(await mails(id)).toEqual([]);

    await run('2026-03-10');
    const reminder = await mails(id);
    expect(reminder).toEqual([expect.objectContaining({ kind: 'referral_reminder', to_address: await emailOf(w.provider) })]);
    expect(reminder[0].subject).toMatch(/^Påmindelse: henvisning af .+ venter på svar$/);
    expect(reminder[0].body_text).toContain('senest 9. marts 2026');
    expect(reminder[0].body_text).toContain(`${publicUrl}/henvisninger/indgaaende`);

    // Idempotent: running again (the same day or later, before the escalation day) sends nothing new.
    await run('2026-03-10');
    await run('2026-03-12');
    expect(await mails(id)).toHaveLength(1);

    await run('2026-03-13');
    const all = await mails(id);
    const escalations = all.filter((m) => m.kind === 'referral_escalation').map((m) => m.to_address).sort();
    expect(escalations).toEqual([await emailOf(w.consultant), await emailOf(w.secretariat)].sort());
    await run('2026-03-13');
    await run('2026-04-20');
    expect(await mails(id)).toHaveLength(all.length);

    const [row] = (await t.db.execute(sql`select reminder_sent_at is not null as reminded, escalated_at is not null as escalated, status from referrals where id = ${id}`)).rows;
    expect(row).toEqual({ reminded: true, escalated: true, status: 'sendt' });
    const notes = (await t.db.execute(sql`select note from referral_events where referral_id = ${id} and note is not null order by at`)).rows as { note: string }[];
    expect(notes.map((n) => n.note)).toEqual(['Påmindelse sendt til udbyderen (1 modtagere).', 'Eskaleret til den henvisende konsulent og sekretariatet (2 modtagere).']);
    const audited = (await t.db.execute(sql`select action from audit_log where entity_id = ${id} order by id`)).rows.map((r) => (r as { action: string }).action);
    expect(audited).toEqual(['referral.create', 'referral.remind', 'referral.escalate']);
  });

  it('counts working days across Easter: due Wednesday 1 April 2026, reminded Tuesday 7 April', async () => {
    const id = await sentOn('2026-03-25');
    const [{ due }] = (await t.db.execute(sql`select response_due::text as due from referrals where id = ${id}`)).rows as { due: string }[];
    expect(due).toBe('2026-04-01');
    for (const day of ['2026-04-02', '2026-04-03', '2026-04-04', '2026-04-05', '2026-04-06']) await run(day);
    expect(await mails(id)).toEqual([]);
    await run('2026-04-07');
    expect((await mails(id)).map((m) => m.kind)).toEqual(['referral_reminder']);
  });

  it('never reminds about a referral the provider has received or rejected', async () => {
    const received = await sentOn('2026-05-04');
    const rejected = await sentOn('2026-05-04');
    const provider = await actorOf(w.provider);
    await service.move(t.db, { actor: provider, publicUrl, now: at('2026-05-05') }, received, { status: 'modtaget' });
    await service.move(t.db, { actor: provider, publicUrl, now: at('2026-05-05') }, rejected, { status: 'afvist', reason: 'Ikke relevant.' });
    await run('2026-06-01');
    await run('2026-06-15');
    expect((await mails(received))).toEqual([]);
    expect((await mails(rejected)).map((m) => m.kind)).toEqual(['referral_afvist']);
  });

  it('claims each reminder once even when two runs overlap', async () => {
    const id = await sentOn('2026-09-01');
    const results = await Promise.all([run('2026-09-09'), run('2026-09-09')]);
    expect(results.reduce((n, r) => n + r.reminded, 0)).toBeGreaterThanOrEqual(1);
    expect((await mails(id)).filter((m) => m.kind === 'referral_reminder')).toHaveLength(1);
  });

  it('runs on demand for the secretariat and administrators only', async () => {
    const res = await injectAs(t.app, w.secretariat, { method: 'POST', url: '/api/v1/referrals/reminders/run' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ reminded: expect.any(Number), escalated: expect.any(Number) });
    expect((await injectAs(t.app, w.consultant, { method: 'POST', url: '/api/v1/referrals/reminders/run' })).statusCode).toBe(403);
    expect((await injectAs(t.app, w.provider, { method: 'POST', url: '/api/v1/referrals/reminders/run' })).statusCode).toBe(403);
  });
});
