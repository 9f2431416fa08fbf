import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../../db/test-db';
import { createTestApp, injectAs, type TestApp } from '../../test/helpers';
import { call, createCandidateCast, seedCandidateReference, testCprKey, welder, type CandidateCast } from './candidate-test-fixtures';
import type { CandidateProfile } from '../../../common/recruitment';
import { anonymiseInactiveCandidates, monthsBefore } from './retention';
import type { RetentionRun } from '../../../common/recruitment-candidates';

let t: TestApp;
let c: CandidateCast;

beforeAll(async () => {
  t = await createTestApp({ SAMSPIL_CPR_KEY: testCprKey, SAMSPIL_CANDIDATE_RETENTION_MONTHS: '24' });
  await seedCandidateReference(t.db);
  c = await createCandidateCast(t.db);
});
afterAll(async () => t?.close());

async function candidateActiveAt(at: string, cpr: string | null): Promise<string> {
  const profile = await call<CandidateProfile>(t.app, c.a, 201, { method: 'POST', url: '/api/v1/candidates', payload: { ...welder, cpr, externalRef: `R-${cpr ?? at}` } });
  await t.db.execute(sql`update candidates set last_activity_at = ${at}::timestamptz where id = ${profile.id}`);
  return profile.id;
}

async function consentFor(candidateId: string): Promise<string> {
  const [company] = (await t.db.execute(sql`insert into companies (name, source) values ('Retention ApS', 'manual') returning id`)).rows as { id: string }[];
  const [order] = (await t.db.execute(sql`insert into job_orders (partnership_id, number, company_id, holding_organisation_id, title, occupation_uri, job_type)
    values (${c.a.partnershipId}, ${`JO-T-${candidateId.slice(0, 8)}`}, ${company.id}, ${c.a.organisationId}, 'Svejser', 'urn:samspil:occupation:svejser', 'ordinary') returning id`)).rows as { id: string }[];
  const [consent] = (await t.db.execute(sql`insert into candidate_consents (candidate_id, order_id, company_id, purpose, method, given_at, organisation_id)
    values (${candidateId}, ${order.id}, ${company.id}, 'Præsentation', 'telefon', '2024-01-01T10:00:00Z', ${c.a.organisationId}) returning id`)).rows as { id: string }[];
  return consent.id;
}

describe(`candidate retention (${testEngine})`, () => {
  it('counts whole calendar months back', () => {
    expect(monthsBefore(new Date('2026-11-21T03:00:00Z'), 24).toISOString()).toBe('2024-11-21T03:00:00.000Z');
    expect(monthsBefore(new Date('2026-03-31T00:00:00Z'), 1).toISOString()).toBe('2026-02-28T00:00:00.000Z');
  });

  it('anonymises candidates inactive for longer than the period, withdraws their consents, and audits the run once', async () => {
    const now = new Date('2026-11-21T12:00:00Z');
    const old = await candidateActiveAt('2024-11-01T00:00:00Z', '010170-1111');
    const recent = await candidateActiveAt('2024-12-01T00:00:00Z', '020270-2222');
    const oldConsent = await consentFor(old);
    const recentConsent = await consentFor(recent);

    const result = await anonymiseInactiveCandidates(t.db, { now, months: 24 });
    expect(result).toEqual({ anonymised: 1, consentsWithdrawn: 1, cutoff: '2024-11-21T12:00:00.000Z', months: 24 });
    const rows = (await t.db.execute(sql`select id, name, email, phone, cpr_encrypted, cpr_hash, cv_text, external_ref, active, anonymised_at, ref, occupations
      from candidates where id in (${old}, ${recent})`)).rows as Record<string, unknown>[];
    const gone = rows.find((r) => r.id === old);
    expect(gone).toMatchObject({ name: null, email: null, phone: null, cpr_encrypted: null, cpr_hash: null, cv_text: null, external_ref: null, active: false });
    expect(new Date(gone?.anonymised_at as string).toISOString()).toBe(now.toISOString());
    expect(gone?.ref).toMatch(/^K-/);
    expect(rows.find((r) => r.id === recent)).toMatchObject({ name: 'Testperson Svejser', active: true, anonymised_at: null });
    const consents = (await t.db.execute(sql`select id, withdrawn_at from candidate_consents where id in (${oldConsent}, ${recentConsent})`)).rows as { id: string; withdrawn_at: unknown }[];
    expect(consents.find((r) => r.id === oldConsent)?.withdrawn_at).not.toBeNull();
    expect(consents.find((r) => r.id === recentConsent)?.withdrawn_at).toBeNull();
    const audits = (await t.db.execute(sql`select after, user_id, entity_id from audit_log where action = 'candidate.anonymise'`)).rows;
    expect(audits).toEqual([{ after: { anonymised: 1, consentsWithdrawn: 1, cutoff: '2024-11-21T12:00:00.000Z', months: 24 }, user_id: null, entity_id: null }]);

    // The profile stays (pseudonymous, inactive); identity is empty; writes are refused.
    const profile = await call<CandidateProfile>(t.app, c.b, 200, { method: 'GET', url: `/api/v1/candidates/${old}` });
    expect(profile).toMatchObject({ anonymised: true, active: false });
    const identity = await call<Record<string, unknown>>(t.app, c.a, 200, { method: 'GET', url: `/api/v1/candidates/${old}/identity?purpose=indsigt` });
    expect(identity).toMatchObject({ name: null, cpr: null, email: null, cvText: null });
    expect((await injectAs(t.app, c.a, { method: 'PATCH', url: `/api/v1/candidates/${old}`, payload: { name: 'Igen' } })).json().code).toBe('candidate_anonymised');

    // A second run finds nothing new.
    expect((await anonymiseInactiveCandidates(t.db, { now, months: 24 })).anonymised).toBe(0);
  });

  it('runs now through the API for an administrator only', async () => {
    const stale = await candidateActiveAt('2020-01-01T00:00:00Z', '030370-3333');
    for (const actor of [c.a, c.business]) {
      expect((await injectAs(t.app, actor, { method: 'POST', url: '/api/v1/candidates/retention/run' })).statusCode).toBe(403);
    }
    const run = await call<RetentionRun>(t.app, c.admin, 200, { method: 'POST', url: '/api/v1/candidates/retention/run' });
    expect(run).toMatchObject({ anonymised: 1, months: 24 });
    const [row] = (await t.db.execute(sql`select anonymised_at is not null as done from candidates where id = ${stale}`)).rows;
    expect(row.done).toBe(true);
    const [entry] = (await t.db.execute(sql`select user_id from audit_log where action = 'candidate.anonymise' order by at desc limit 1`)).rows;
    expect(entry.user_id).toBe(c.admin.userId);
  });
});
