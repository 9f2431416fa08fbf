import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CandidateIdentity, CandidateProfile } from '../../../common/recruitment';
import { testEngine } from '../../db/test-db';
import { createTestApp, injectAs, type TestApp } from '../../test/helpers';
import { demoOccupationUri, demoSkillUri } from '../reference';
import { call, countRows, createCandidateCast, seedCandidateReference, testCprKey, welder, type CandidateCast } from './candidate-test-fixtures';
import { onCandidatesChanged } from './candidates.events';
import type { CandidateList } from '../../../common/recruitment-candidates';
import { decryptCpr, deriveCprKeys, hashCpr } from './cpr';

let t: TestApp;
let c: CandidateCast;
const keys = deriveCprKeys(Buffer.from(testCprKey, 'base64'));
const changes: string[][] = [];

beforeAll(async () => {
  t = await createTestApp({ SAMSPIL_CPR_KEY: testCprKey });
  await seedCandidateReference(t.db);
  c = await createCandidateCast(t.db);
  onCandidatesChanged((_p, ids) => changes.push(ids));
});
afterAll(async () => t?.close());

const post = (actor: CandidateCast['a'], payload: object) => injectAs(t.app, actor, { method: 'POST', url: '/api/v1/candidates', payload });
const auditRows = async (action: string, id?: string) => (await t.db.execute(sql`
  select action, entity_id, reason, before, after, user_id from audit_log where action = ${action} ${id ? sql`and entity_id = ${id}` : sql``}
  order by at, id`)).rows as { action: string; entity_id: string; reason: string | null; before: unknown; after: unknown; user_id: string }[];

describe(`candidates API (${testEngine})`, () => {
  it('registers a candidate at the caller\'s centre: pseudonymous ref, CPR encrypted and hashed, audited without identity', async () => {
    const profile = await call<CandidateProfile>(t.app, c.a, 201, { method: 'POST', url: '/api/v1/candidates', payload: welder });
    expect(profile).toMatchObject({
      organisationId: c.a.organisationId, own: true, active: true, anonymised: false, postalCode: '6000', postalName: 'Kolding',
      occupations: [{ uri: demoOccupationUri('svejser'), label: 'Svejser' }], certificates: ['svejs_mig_mag'], maxCommuteKm: 30,
      availableFrom: '2026-12-01', hoursPerWeek: 37, targetGroup: 'dagpenge',
    });
    expect(profile.ref).toMatch(/^K-[2-9A-HJKMNP-Z]{6}$/);
    expect(profile).not.toHaveProperty('name');
    expect(JSON.stringify(profile)).not.toContain('Testperson');
    const [row] = (await t.db.execute(sql`select cpr_encrypted, cpr_hash, name, last_activity_at from candidates where id = ${profile.id}`)).rows as
      { cpr_encrypted: string; cpr_hash: string; name: string }[];
    expect(row.cpr_encrypted).toMatch(/^v1:/);
    expect(row.cpr_encrypted).not.toContain('0101901234');
    expect(decryptCpr(keys, row.cpr_encrypted)).toBe('0101901234');
    expect(row.cpr_hash).toBe(hashCpr(keys, '0101901234'));
    const [entry] = await auditRows('candidate.create', profile.id);
    expect(entry.user_id).toBe(c.a.userId);
    const text = JSON.stringify(entry);
    for (const secret of ['010190', 'Testperson', 'svejser@example.dk', row.cpr_hash]) expect(text).not.toContain(secret);
    expect(entry.after).toMatchObject({ ref: profile.ref, identityFields: ['name', 'email', 'phone', 'cvText', 'cpr'] });
    expect(changes.flat()).toContain(profile.id);
  });

  it('refuses a malformed CPR, unknown codes and postal codes with Danish messages, and writes nothing', async () => {
    const before = await countRows(t.db, 'candidates');
    const badDate = await post(c.a, { ...welder, cpr: '320190-1234' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().errors).toEqual([expect.objectContaining({ path: 'cpr', message: 'CPR-nummeret har ikke en gyldig fødselsdato.' })]);
    const short = await post(c.a, { ...welder, cpr: '12345' });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].message).toBe('CPR-nummeret skal være 10 cifre (DDMMÅÅ-XXXX).');

    const occupation = await post(c.a, { ...welder, cpr: null, occupations: ['urn:samspil:occupation:findes-ikke'] });
    expect(occupation.statusCode).toBe(422);
    expect(occupation.json()).toMatchObject({ code: 'unknown_occupation', errors: [{ path: 'occupations' }] });
    expect(occupation.json().detail).toContain('Ukendt erhverv: urn:samspil:occupation:findes-ikke');
    const skill = await post(c.a, { ...welder, cpr: null, skills: [demoSkillUri('findes-ikke')] });
    expect(skill.statusCode).toBe(422);
    expect(skill.json().code).toBe('unknown_skill');
    const postal = await post(c.a, { ...welder, cpr: null, postalCode: '9999' });
    expect(postal.statusCode).toBe(422);
    expect(postal.json()).toMatchObject({ code: 'unknown_postal_code', detail: 'Postnummeret 9999 findes ikke.' });
    expect((await post(c.a, { ...welder, cpr: null, certificates: ['dykker'] })).statusCode).toBe(400);
    expect(await countRows(t.db, 'candidates')).toBe(before);
  });

  it('refuses the same person twice at one centre (409), allows the same person at another centre', async () => {
    const first = await call<CandidateProfile>(t.app, c.a, 201, { method: 'POST', url: '/api/v1/candidates', payload: { ...welder, cpr: '150585-4321' } });
    const again = await post(c.a2, { ...welder, cpr: '1505854321', name: 'Samme person' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'duplicate_candidate' });
    expect(again.json().detail).toContain(first.ref);
    const elsewhere = await call<CandidateProfile>(t.app, c.b, 201, { method: 'POST', url: '/api/v1/candidates', payload: { ...welder, cpr: '150585-4321', postalCode: '7100' } });
    const hashes = (await t.db.execute(sql`select distinct cpr_hash from candidates where id in (${first.id}, ${elsewhere.id})`)).rows;
    expect(hashes).toHaveLength(1);
    const dupRef = await post(c.a, { ...welder, cpr: null, externalRef: 'X1' });
    expect(dupRef.statusCode).toBe(201);
    expect((await post(c.a, { ...welder, cpr: null, externalRef: 'X1' })).json().code).toBe('duplicate_external_ref');
  });

  it('shows the profile to every job centre of the partnership; identity and writes stay with the owning centre', async () => {
    const mine = await call<CandidateProfile>(t.app, c.a, 201, { method: 'POST', url: '/api/v1/candidates', payload: { ...welder, cpr: '020202-2222' } });
    const seen = await call<CandidateProfile>(t.app, c.b, 200, { method: 'GET', url: `/api/v1/candidates/${mine.id}` });
    expect(seen).toMatchObject({ id: mine.id, ref: mine.ref, own: false, organisationId: c.a.organisationId });
    expect(JSON.stringify(seen)).not.toMatch(/Testperson|020202|svejser@/);
    const identity = await injectAs(t.app, c.b, { method: 'GET', url: `/api/v1/candidates/${mine.id}/identity?purpose=formidling` });
    expect(identity.statusCode).toBe(403);
    expect(identity.json().detail).toContain('andet jobcenter');
    expect((await injectAs(t.app, c.b, { method: 'PATCH', url: `/api/v1/candidates/${mine.id}`, payload: { maxCommuteKm: 5 } })).statusCode).toBe(403);
    expect((await injectAs(t.app, c.b, { method: 'POST', url: `/api/v1/candidates/${mine.id}/deactivate` })).statusCode).toBe(403);
    // Another partnership's job centre does not see it at all.
    expect((await injectAs(t.app, c.foreign, { method: 'GET', url: `/api/v1/candidates/${mine.id}` })).statusCode).toBe(404);
    // Business consultants and admins have no access to jobseeker data.
    for (const actor of [c.business, c.admin]) {
      expect((await injectAs(t.app, actor, { method: 'GET', url: `/api/v1/candidates/${mine.id}` })).statusCode).toBe(403);
      expect((await injectAs(t.app, actor, { method: 'GET', url: '/api/v1/candidates' })).statusCode).toBe(403);
      expect((await injectAs(t.app, actor, { method: 'GET', url: `/api/v1/candidates/${mine.id}/identity?purpose=formidling` })).statusCode).toBe(403);
      expect((await post(actor, { ...welder, cpr: null })).statusCode).toBe(403);
    }
    expect((await injectAs(t.app, null, { method: 'GET', url: '/api/v1/candidates' })).statusCode).toBe(401);
  });

  it('reads identity only with a purpose, masks CPR unless revealed, and audits every read with its purpose', async () => {
    const mine = await call<CandidateProfile>(t.app, c.a, 201, { method: 'POST', url: '/api/v1/candidates', payload: { ...welder, cpr: '030303-3333' } });
    const url = `/api/v1/candidates/${mine.id}/identity`;
    const missing = await injectAs(t.app, c.a, { method: 'GET', url });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'purpose_required' });
    expect(missing.json().detail).toMatch(/^Angiv formålet med opslaget/);
    expect((await injectAs(t.app, c.a, { method: 'GET', url: `${url}?purpose=nysgerrighed` })).json().code).toBe('purpose_required');
    expect((await injectAs(t.app, c.a, { method: 'GET', url: `${url}?purpose=formidling&reveal=navn` })).statusCode).toBe(400);
    expect(await auditRows('candidate.identity_read', mine.id)).toHaveLength(0);

    const masked = await call<CandidateIdentity>(t.app, c.a2, 200, { method: 'GET', url: `${url}?purpose=formidling` });
    expect(masked).toMatchObject({ id: mine.id, ref: mine.ref, name: 'Testperson Svejser', email: 'svejser@example.dk', cpr: '030303-••••', cvText: 'Svejser i 10 år.' });
    const revealed = await call<CandidateIdentity>(t.app, c.a, 200, { method: 'GET', url: `${url}?purpose=korrektion&reveal=cpr` });
    expect(revealed.cpr).toBe('030303-3333');
    const entries = await auditRows('candidate.identity_read', mine.id);
    expect(entries.map((e) => [e.reason, e.user_id])).toEqual([['formidling', c.a2.userId], ['korrektion', c.a.userId]]);
    expect(entries[1].after).toMatchObject({ purpose: 'korrektion', cprRevealed: true });
    expect(JSON.stringify(entries)).not.toContain('3333');
  });

  it('lists own candidates with names and every centre\'s pseudonymous profiles, never a CPR', async () => {
    await call(t.app, c.b, 201, { method: 'POST', url: '/api/v1/candidates', payload: { ...welder, name: 'Vejle Kandidat', cpr: '040404-4444', postalCode: '7100' } });
    const own = await call<CandidateList>(t.app, c.a, 200, { method: 'GET', url: '/api/v1/candidates?scope=own&limit=200' });
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.every((i) => i.organisationId === c.a.organisationId && i.own && i.name === 'Testperson Svejser')).toBe(true);
    expect(own.total).toBe(own.items.length);
    const all = await call<CandidateList>(t.app, c.a, 200, { method: 'GET', url: '/api/v1/candidates?scope=all&limit=200' });
    expect(all.items.some((i) => i.organisationId === c.b.organisationId)).toBe(true);
    expect(all.items.every((i) => i.name === null && i.externalRef === null)).toBe(true);
    for (const body of [own, all]) {
      const text = JSON.stringify(body);
      expect(text).not.toMatch(/"cpr|cprHash|cprEncrypted|email|phone|cvText|010190|040404/);
    }
    expect(JSON.stringify(all)).not.toContain('Vejle Kandidat');
    // Searching other centres' candidates by name finds nothing: only the ref is searchable there.
    const byName = await call<CandidateList>(t.app, c.a, 200, { method: 'GET', url: `/api/v1/candidates?scope=all&q=${encodeURIComponent('Vejle Kandidat')}` });
    expect(byName.total).toBe(0);
    const byRef = await call<CandidateList>(t.app, c.a, 200, { method: 'GET', url: `/api/v1/candidates?scope=all&q=${all.items[0].ref}` });
    expect(byRef.items.map((i) => i.id)).toEqual([all.items[0].id]);
  });

  it('updates (audited, activity stamped) and deactivates a candidate of the own centre', async () => {
    const mine = await call<CandidateProfile>(t.app, c.a, 201, { method: 'POST', url: '/api/v1/candidates', payload: { ...welder, cpr: null } });
    await t.db.execute(sql`update candidates set last_activity_at = now() - interval '400 days' where id = ${mine.id}`);
    const updated = await call<CandidateProfile>(t.app, c.a2, 200, {
      method: 'PATCH', url: `/api/v1/candidates/${mine.id}`, payload: { maxCommuteKm: 55, postalCode: '7000', cpr: '050505-5555', email: null },
    });
    expect(updated).toMatchObject({ maxCommuteKm: 55, postalCode: '7000', postalName: 'Fredericia' });
    const [row] = (await t.db.execute(sql`select cpr_hash, email, last_activity_at > now() - interval '1 minute' as fresh from candidates where id = ${mine.id}`)).rows;
    expect(row).toMatchObject({ cpr_hash: hashCpr(keys, '0505055555'), email: null, fresh: true });
    const [entry] = await auditRows('candidate.update', mine.id);
    expect(entry.user_id).toBe(c.a2.userId);
    expect(entry.after).toMatchObject({ maxCommuteKm: 55, postalCode: '7000' });
    expect(JSON.stringify(entry)).not.toContain('050505');
    expect((await injectAs(t.app, c.a, { method: 'PATCH', url: `/api/v1/candidates/${mine.id}`, payload: { skills: ['urn:x:nope'] } })).json().code).toBe('unknown_skill');

    const off = await call<CandidateProfile>(t.app, c.a, 200, { method: 'POST', url: `/api/v1/candidates/${mine.id}/deactivate` });
    expect(off.active).toBe(false);
    expect(await auditRows('candidate.deactivate', mine.id)).toHaveLength(1);
    const active = await call<CandidateList>(t.app, c.a, 200, { method: 'GET', url: '/api/v1/candidates?limit=200' });
    expect(active.items.map((i) => i.id)).not.toContain(mine.id);
    const inactive = await call<CandidateList>(t.app, c.a, 200, { method: 'GET', url: '/api/v1/candidates?active=false' });
    expect(inactive.items.map((i) => i.id)).toContain(mine.id);
  });

  it('exports the own centre\'s candidates (CSV and XLSX) without CPR, audited; business consultants may not', async () => {
    const response = await injectAs(t.app, c.a, { method: 'GET', url: '/api/v1/candidates/export?format=csv' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    const text = response.body;
    expect(text).toContain('Testperson Svejser');
    expect(text).not.toContain('Vejle Kandidat');
    expect(text).not.toMatch(/010190|CPR/i);
    const rows = text.trim().split('\r\n');
    const own = await call<CandidateList>(t.app, c.a, 200, { method: 'GET', url: '/api/v1/candidates?limit=200' });
    expect(rows).toHaveLength(own.total + 1);
    const xlsx = await injectAs(t.app, c.a, { method: 'GET', url: '/api/v1/candidates/export?format=xlsx' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const exports = (await t.db.execute(sql`select after from audit_log where action = 'data.export' and user_id = ${c.a.userId}`)).rows;
    expect(exports.map((e) => (e.after as { list: string }).list)).toEqual(['candidates', 'candidates']);
    expect((await injectAs(t.app, c.business, { method: 'GET', url: '/api/v1/candidates/export?format=csv' })).statusCode).toBe(403);
  });
});
