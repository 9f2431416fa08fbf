import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompanyDetail } from '../../../common/companies';
import type { CompanyMergeResult } from '../../../common/duplicates';
import type { Contact, Interaction, TimelineEvent } from '../../../common/engagement';
import { companies, productionUnits } from '../../db/schema';
import { testEngine } from '../../db/test-db';
import { createActor, createTestApp, injectAs, type TestActor, type TestApp } from '../../test/helpers';
import { referencingColumns } from './merge.references.repo';
import type { CompanyMergeBefore } from './merge.service';

let t: TestApp;
let secretariat: TestActor;
let a: TestActor;
let b: TestActor;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
async function call<T = Record<string, unknown>>(actor: TestActor | null, status: number, method: Method, url: string, payload?: object): Promise<T> {
  const res = await injectAs(t.app, actor, { method, url, payload });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
  return (res.body ? res.json() : {}) as T;
}

const rows = async <T>(query: ReturnType<typeof sql>) => (await t.db.execute(query)).rows as T[];
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
let cvrSerial = 0;
/** A valid CVR number (modulus 11) that no other test company has. */
function nextCvr(): string {
  for (;;) {
    cvrSerial += 1;
    const base = String(4_000_000 + (process.pid % 900) * 1000 + cvrSerial);
    const weights = [2, 7, 6, 5, 4, 3, 2];
    const sum = base.split('').reduce((s, d, i) => s + Number(d) * weights[i], 0);
    const check = (11 - (sum % 11)) % 11;
    if (check < 10) return `${base}${check}`;
  }
}
async function cvrCompany(name: string, extra: Partial<typeof companies.$inferInsert> = {}): Promise<string> {
  const [row] = await t.db.insert(companies).values({
    cvr: nextCvr(), name, source: 'cvr', status: 'active', postalCode: '6000', city: 'Kolding', street: 'Industrivej 12', ...extra,
  }).returning();
  return row.id;
}
const manualCompany = async (body: object) => (await call<CompanyDetail>(a, 201, 'POST', '/api/v1/companies', body)).id;
/** Every row anywhere that still refers to the company, by "table.column" (found in the catalog, like the merge does). */
async function references(companyId: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const ref of await referencingColumns(t.db, 'companies')) {
    const [r] = await rows<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(ref.table)} where ${sql.identifier(ref.column)} = ${companyId}`);
    if (r.n > 0) out[ref.key] = r.n;
  }
  return out;
}

beforeAll(async () => {
  t = await createTestApp();
  a = await createActor(t.db, { roles: ['business_consultant'] });
  b = await createActor(t.db, { roles: ['jobcentre_consultant'], kind: 'jobcentre', partnershipId: a.partnershipId });
  secretariat = await createActor(t.db, { roles: ['secretariat'], kind: 'secretariat', partnershipId: a.partnershipId });
});
afterAll(async () => t?.close());

describe(`company merge (${testEngine})`, () => {
  it('moves every related record of a hand-created company to the CVR company, audited with the full before-state', async () => {
    const survivorId = await cvrCompany('Kolding Stålindustri A/S');
    const mergedId = await manualCompany({ name: 'Kolding Staalindustri', phone: '+45 75 50 12 12', email: 'info@kst.dk' });
    const third = await cvrCompany('Kolding Stål Service ApS');
    const [unit] = await t.db.insert(productionUnits).values({ pNumber: String(6_500_000_000 + (process.pid % 100_000)), companyId: mergedId, name: 'Værkstedet' }).returning();

    // Contacts, interactions (one confidential with a follow-up task), a task, responsibles and tiers in two organisations.
    const contact = await call<Contact>(a, 201, 'POST', `/api/v1/companies/${mergedId}/contacts`, { name: 'Mette Smed', email: 'mette@kst.dk' });
    await call(b, 201, 'POST', `/api/v1/companies/${mergedId}/contacts`, { name: 'Bo Lager' });
    const i1 = await call<Interaction>(a, 201, 'POST', `/api/v1/companies/${mergedId}/interactions`, {
      date: day(-3), channel: 'visit', purpose: 'recruitment', notes: 'Åben note om CNC-operatører', participants: [{ contactId: contact.id }],
    });
    const secret = await call<Interaction>(a, 201, 'POST', `/api/v1/companies/${mergedId}/interactions`, {
      date: day(-20), channel: 'phone', purpose: 'retention', notes: 'FORTROLIGT: afskedigelser', confidential: true, followUpDate: day(5),
    });
    await call(b, 201, 'POST', `/api/v1/companies/${mergedId}/interactions`, { date: day(-1), channel: 'meeting', purpose: 'upskilling' });
    await call(a, 201, 'POST', `/api/v1/companies/${survivorId}/interactions`, { date: day(-40), channel: 'email', purpose: 'recruitment' });
    await call(a, 201, 'POST', '/api/v1/tasks', { title: 'Send tilbud om AMU-kursus', companyId: mergedId, dueDate: day(10) });
    await call(a, 200, 'PUT', `/api/v1/companies/${survivorId}/responsible`, { userId: a.userId });
    const a2 = await createActor(t.db, { roles: ['business_consultant'], partnershipId: a.partnershipId, organisationId: a.organisationId });
    await call(a, 200, 'PUT', `/api/v1/companies/${mergedId}/responsible`, { userId: a2.userId });
    await call(b, 200, 'PUT', `/api/v1/companies/${mergedId}/responsible`, { userId: b.userId });
    const tierA = await call<{ id: string }>(a, 201, 'POST', '/api/v1/engagement/tiers', { name: 'intensiv', cadenceDays: 30 });
    const tierA2 = await call<{ id: string }>(a, 201, 'POST', '/api/v1/engagement/tiers', { name: 'løbende', cadenceDays: 180 });
    const tierB = await call<{ id: string }>(b, 201, 'POST', '/api/v1/engagement/tiers', { name: 'intensiv', cadenceDays: 30 });
    await call(a, 200, 'PUT', `/api/v1/companies/${survivorId}/tier`, { tierId: tierA.id });
    await call(a, 200, 'PUT', `/api/v1/companies/${mergedId}/tier`, { tierId: tierA2.id });
    await call(b, 200, 'PUT', `/api/v1/companies/${mergedId}/tier`, { tierId: tierB.id });
    await call(secretariat, 204, 'POST', '/api/v1/duplicates/companies/dismiss', { aId: mergedId, bId: third });

    const beforeRefs = await references(mergedId);
    expect(beforeRefs).toMatchObject({
      'company_contacts.company_id': 2, 'interactions.company_id': 3, 'tasks.company_id': 2, 'timeline_events.company_id': 5,
      'company_responsibles.company_id': 2, 'company_tiers.company_id': 2, 'company_last_contacts.company_id': 2,
      'production_units.company_id': 1,
    });
    const survivorRefsBefore = await references(survivorId);

    const result = await call<CompanyMergeResult>(secretariat, 200, 'POST', `/api/v1/companies/${survivorId}/merge`, { mergedId });
    expect(result.mergedId).toBe(mergedId);
    expect(result.survivor).toMatchObject({ id: survivorId, name: 'Kolding Stålindustri A/S', source: 'cvr', phone: '+45 75 50 12 12', email: 'info@kst.dk' });
    expect(result.survivor.cvr).toMatch(/^\d{8}$/);
    expect(result.survivor.productionUnits.map((u) => u.id)).toContain(unit.id);
    // Conflicts: organisation A's responsible and tier on the survivor win; A's last contacts are folded together.
    expect(result.dropped).toEqual({ 'company_responsibles.company_id': 1, 'company_tiers.company_id': 1, 'company_last_contacts.company_id': 1 });
    expect(result.moved).toMatchObject({
      'company_contacts.company_id': 2, 'interactions.company_id': 3, 'tasks.company_id': 2, 'timeline_events.company_id': 5,
      'company_responsibles.company_id': 1, 'company_tiers.company_id': 1, 'company_last_contacts.company_id': 1, 'production_units.company_id': 1,
    });

    // Nothing refers to the merged company any more, and the survivor has gained exactly what moved.
    expect(await references(mergedId)).toEqual({});
    const survivorRefs = await references(survivorId);
    for (const [key, moved] of Object.entries(result.moved)) expect(survivorRefs[key], key).toBe((survivorRefsBefore[key] ?? 0) + moved);
    expect(survivorRefs['company_merges.survivor_id']).toBe(1);
    expect(await rows(sql`select id from companies where id = ${mergedId}`)).toEqual([]);

    const responsibles = await rows<{ organisation_id: string; user_id: string }>(sql`select organisation_id, user_id from company_responsibles where company_id = ${survivorId}`);
    expect(responsibles).toHaveLength(2);
    expect(responsibles.find((r) => r.organisation_id === a.organisationId)?.user_id).toBe(a.userId);
    expect(responsibles.find((r) => r.organisation_id === b.organisationId)?.user_id).toBe(b.userId);
    const tiers = await rows<{ organisation_id: string; tier_id: string }>(sql`select organisation_id, tier_id from company_tiers where company_id = ${survivorId}`);
    expect(tiers.find((r) => r.organisation_id === a.organisationId)?.tier_id).toBe(tierA.id);
    expect(tiers.find((r) => r.organisation_id === b.organisationId)?.tier_id).toBe(tierB.id);
    const [lastA] = await rows<{ last_contact_date: string; interaction_count: number }>(sql`select last_contact_date::text, interaction_count
      from company_last_contacts where company_id = ${survivorId} and organisation_id = ${a.organisationId}`);
    expect(lastA).toEqual({ last_contact_date: day(-3), interaction_count: 3 });
    expect(await rows(sql`select 1 from duplicate_dismissals where a_id = ${mergedId} or b_id = ${mergedId}`)).toEqual([]);

    // The survivor's timeline and interaction list now show the merged company's history.
    const timeline = await call<{ items: TimelineEvent[] }>(a, 200, 'GET', `/api/v1/companies/${survivorId}/timeline?limit=50`);
    expect(timeline.items.map((e) => e.refId)).toEqual(expect.arrayContaining([i1.id, secret.id]));
    const interactions = await call<{ total: number }>(b, 200, 'GET', `/api/v1/companies/${survivorId}/interactions`);
    expect(interactions.total).toBe(4);

    // Before-state: the merged row and every moved row by table, in company_merges and the audit log alike.
    const [merge] = await rows<{ before: CompanyMergeBefore; merged_by: string }>(sql`select before, merged_by from company_merges where merged_id = ${mergedId}`);
    expect(merge.merged_by).toBe(secretariat.userId);
    const before = merge.before;
    expect(before.merged).toMatchObject({ id: mergedId, name: 'Kolding Staalindustri', cvr: null, source: 'manual' });
    expect(before.survivor).toMatchObject({ id: survivorId, phone: null });
    for (const [key, n] of Object.entries(beforeRefs)) expect(before.rows[key], key).toHaveLength(n);
    expect(before.rows['company_responsibles.company_id'].map((r) => r.user_id).sort()).toEqual([a2.userId, b.userId].sort());
    expect(before.survivorRows['company_last_contacts.company_id']).toEqual([expect.objectContaining({ interaction_count: 1, organisation_id: a.organisationId })]);
    expect(before.dismissals).toHaveLength(1);
    const interactionRows = before.rows['interactions.company_id'];
    expect(interactionRows.find((r) => r.id === i1.id)).toMatchObject({ notes: 'Åben note om CNC-operatører', company_id: mergedId });
    // A confidential note stays in its organisation: the before-state keeps its ids and dates only.
    expect(interactionRows.find((r) => r.id === secret.id)).toMatchObject({ notes: '[fortroligt]', organisation_id: a.organisationId, confidential: true });
    expect(JSON.stringify(before)).not.toContain('afskedigelser');
    const audits = await rows<{ action: string; entity_id: string; before: CompanyMergeBefore; after: { mergedId: string } }>(sql`
      select action, entity_id, before, after from audit_log where action in ('company.merge', 'company.merged_into') and entity_id in (${survivorId}, ${mergedId}) order by id`);
    expect(audits.map((x) => [x.action, x.entity_id])).toEqual([['company.merge', survivorId], ['company.merged_into', mergedId]]);
    expect(audits[0].before.rows).toEqual(before.rows);
    expect(audits[0].after.mergedId).toBe(mergedId);

    // The merged id answers 308 with the survivor's address; its own sub-resources are gone.
    const moved = await injectAs(t.app, a, { method: 'GET', url: `/api/v1/companies/${mergedId}` });
    expect(moved.statusCode).toBe(308);
    expect(moved.headers.location).toBe(`/api/v1/companies/${survivorId}`);
    expect(moved.json()).toMatchObject({ code: 'company_merged', survivorId });
    await call(a, 404, 'GET', `/api/v1/companies/${mergedId}/contacts`);
    await call(secretariat, 404, 'POST', `/api/v1/companies/${survivorId}/merge`, { mergedId });
  });

  it('a company merged into a survivor that is merged later redirects to the last survivor', async () => {
    const final = await cvrCompany('Vamdrup Plast ApS');
    const middle = await manualCompany({ name: 'Vamdrup Plast' });
    const first = await manualCompany({ name: 'Vamdrup Plastic' });
    await call(secretariat, 200, 'POST', `/api/v1/companies/${middle}/merge`, { mergedId: first });
    await call(secretariat, 200, 'POST', `/api/v1/companies/${final}/merge`, { mergedId: middle });
    const res = await injectAs(t.app, a, { method: 'GET', url: `/api/v1/companies/${first}` });
    expect(res.statusCode).toBe(308);
    expect(res.headers.location).toBe(`/api/v1/companies/${final}`);
  });

  it('refuses a merge into itself, of two CVR companies, with the CVR company as the merged one, and unknown ids', async () => {
    const one = await cvrCompany('Bjert Metal ApS');
    const two = await cvrCompany('Bjert Metal og Montage ApS');
    const manual = await manualCompany({ name: 'Bjert Metal' });
    await call(a, 201, 'POST', `/api/v1/companies/${manual}/interactions`, { date: day(-2), channel: 'visit', purpose: 'recruitment' });
    const countBefore = await references(manual);

    expect((await call<{ code: string }>(secretariat, 400, 'POST', `/api/v1/companies/${one}/merge`, { mergedId: one })).code).toBe('merge_same_company');
    const both = await call<{ code: string; detail: string }>(secretariat, 422, 'POST', `/api/v1/companies/${one}/merge`, { mergedId: two });
    expect(both.code).toBe('merge_two_cvr');
    expect(both.detail).toContain('to juridiske enheder');
    expect((await call<{ code: string }>(secretariat, 422, 'POST', `/api/v1/companies/${manual}/merge`, { mergedId: one })).code).toBe('merge_cvr_must_survive');
    await call(secretariat, 404, 'POST', `/api/v1/companies/${one}/merge`, { mergedId: '00000000-0000-4000-8000-000000000000' });
    await call(secretariat, 404, 'POST', '/api/v1/companies/00000000-0000-4000-8000-000000000000/merge', { mergedId: manual });
    expect((await call<{ code: string }>(secretariat, 400, 'POST', `/api/v1/companies/${one}/merge`, { mergedId: 'nej' })).code).toBe('validation');
    expect(await references(manual)).toEqual(countBefore);
    expect(await rows(sql`select 1 from company_merges where merged_id in (${one}, ${two}, ${manual})`)).toEqual([]);
  });

  it('lets only admin and secretariat merge (a consultant gets 403, nobody signed in 401)', async () => {
    const survivor = await cvrCompany('Lunderskov Træ ApS');
    const merged = await manualCompany({ name: 'Lunderskov Træ' });
    const forbidden = await call<{ code: string }>(a, 403, 'POST', `/api/v1/companies/${survivor}/merge`, { mergedId: merged });
    expect(forbidden.code).toBe('forbidden');
    await call(null, 401, 'POST', `/api/v1/companies/${survivor}/merge`, { mergedId: merged });
    await call(a, 403, 'POST', '/api/v1/duplicates/companies/dismiss', { aId: survivor, bId: merged });
    const admin = await createActor(t.db, { roles: ['admin'], partnershipId: a.partnershipId, organisationId: secretariat.organisationId });
    await call(admin, 200, 'POST', `/api/v1/companies/${survivor}/merge`, { mergedId: merged });
  });

  it('moves the rows of a table added later, and refuses while a unique key over a company column has no rule', async () => {
    const survivor = await cvrCompany('Give Maskinfabrik A/S');
    const merged = await manualCompany({ name: 'Give Maskinfabrik' });
    await t.db.execute(sql`create table merge_probe_notes (id serial primary key, company_id uuid not null references companies(id), note text)`);
    await t.db.execute(sql`insert into merge_probe_notes (company_id, note) values (${merged}, 'ny tabel')`);
    await t.db.execute(sql`create table merge_probe_scores (company_id uuid not null references companies(id), year int not null, primary key (company_id, year))`);
    await t.db.execute(sql`insert into merge_probe_scores values (${merged}, 2025)`);
    try {
      const refused = await call<{ code: string; detail: string }>(secretariat, 500, 'POST', `/api/v1/companies/${survivor}/merge`, { mergedId: merged });
      expect(refused.code).toBe('merge_rule_missing');
      expect(refused.detail).toContain('merge_probe_scores.company_id');
      expect(refused.detail).not.toContain('merge_probe_notes');
      expect(await rows(sql`select company_id from merge_probe_notes`)).toEqual([{ company_id: merged }]);
      await t.db.execute(sql`drop table merge_probe_scores`);
      const done = await call<CompanyMergeResult>(secretariat, 200, 'POST', `/api/v1/companies/${survivor}/merge`, { mergedId: merged });
      expect(done.moved['merge_probe_notes.company_id']).toBe(1);
      expect(await rows(sql`select company_id from merge_probe_notes`)).toEqual([{ company_id: survivor }]);
    } finally {
      await t.db.execute(sql`drop table if exists merge_probe_scores`);
      await t.db.execute(sql`drop table if exists merge_probe_notes`);
    }
  });
});
