import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactDuplicatePair, ContactMergeResult } from '../../../common/duplicates';
import type { Contact, Interaction } from '../../../common/engagement';
import { testEngine } from '../../db/test-db';
import { createActor, createTestApp, type TestActor, type TestApp } from '../../test/helpers';
import { call, createCompany, createOrganisations } from './test-fixtures';

let t: TestApp;
let a: TestActor;
let b: TestActor;
let analyst: TestActor;
let company: { id: string; unitId: string };

const base = () => `/api/v1/companies/${company.id}/contacts`;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const newContact = (actor: TestActor, body: object) => call<Contact>(t.app, actor, 201, { method: 'POST', url: base(), payload: { confirmDuplicate: true, ...body } });
const duplicates = (actor: TestActor) => call<{ items: ContactDuplicatePair[] }>(t.app, actor, 200, { method: 'GET', url: `${base()}/duplicates` });

beforeAll(async () => {
  t = await createTestApp();
  ({ a, b, analyst } = await createOrganisations(t.db));
  company = await createCompany(t.db);
});
afterAll(async () => t?.close());

describe(`duplicate contacts (${testEngine})`, () => {
  it('finds similar names, the same e-mail and the same phone at the company, with Danish reasons', async () => {
    const mette = await newContact(a, { name: 'Mette Sørensen', email: 'ms@firma.dk', title: 'Produktionschef' });
    const mette2 = await newContact(b, { name: 'Mette Sørensn' });
    const lars = await newContact(a, { name: 'Lars Holm', phone: '20 30 40 50' });
    const lars2 = await newContact(a, { name: 'L. Holm', phone: '+4520304050' });
    await newContact(a, { name: 'Anna Bech', email: 'anna@firma.dk' });
    const list = await duplicates(b);
    const pairs = list.items.map((p) => [p.a.id, p.b.id].sort().join());
    expect(pairs).toContain([mette.id, mette2.id].sort().join());
    expect(pairs).toContain([lars.id, lars2.id].sort().join());
    expect(list.items).toHaveLength(2);
    const mettePair = list.items.find((p) => p.a.id === mette.id || p.b.id === mette.id) as ContactDuplicatePair;
    // The contact with more details filled in is the one to keep.
    expect(mettePair.suggestedSurvivorId).toBe(mette.id);
    expect(mettePair.a.id).toBe(mette.id);
    expect(mettePair.reasons[0].text).toMatch(/^navne ligner hinanden \(0,\d\d\)$/);
    expect(list.items.find((p) => p.a.id === lars.id || p.b.id === lars.id)?.reasons.map((r) => r.text)).toEqual(['samme telefon']);

    await call(t.app, a, 204, { method: 'POST', url: `${base()}/duplicates/dismiss`, payload: { aId: lars2.id, bId: lars.id } });
    expect((await duplicates(a)).items).toHaveLength(1);
    await call(t.app, analyst, 403, { method: 'GET', url: `${base()}/duplicates` });
  });

  it('merges a contact: participants move to the survivor, details are filled in, audited with the before-state', async () => {
    const keep = await newContact(a, { name: 'Jens Kjær', email: 'jk@firma.dk' });
    const gone = await newContact(b, { name: 'Jens Kjaer', phone: '75 12 34 56', title: 'Værkfører', productionUnitId: company.unitId });
    const other = await newContact(a, { name: 'Bo Dahl' });
    const both = await call<Interaction>(t.app, a, 201, { method: 'POST', url: `/api/v1/companies/${company.id}/interactions`, payload: {
      date: day(-2), channel: 'visit', purpose: 'recruitment', participants: [{ contactId: gone.id }, { contactId: keep.id }, { contactId: other.id }],
    } });
    const secret = await call<Interaction>(t.app, b, 201, { method: 'POST', url: `/api/v1/companies/${company.id}/interactions`, payload: {
      date: day(-1), channel: 'phone', purpose: 'retention', notes: 'FORTROLIGT', confidential: true, participants: [{ contactId: gone.id }, { name: 'Gæst' }],
    } });

    const result = await call<ContactMergeResult>(t.app, a, 200, { method: 'POST', url: `${base()}/${keep.id}/merge`, payload: { mergedId: gone.id } });
    expect(result).toMatchObject({ mergedId: gone.id, interactions: 2, moved: {} });
    expect(result.survivor).toMatchObject({ id: keep.id, name: 'Jens Kjær', email: 'jk@firma.dk', phone: '75 12 34 56', title: 'Værkfører', productionUnitId: company.unitId });
    await call(t.app, a, 404, { method: 'GET', url: `${base()}/${gone.id}` });

    const participants = async (id: string) => ((await t.db.execute(sql`select participants from interactions where id = ${id}`)).rows[0] as { participants: unknown }).participants;
    expect(await participants(both.id)).toEqual([{ contactId: keep.id, name: 'Jens Kjær' }, { contactId: other.id, name: 'Bo Dahl' }]);
    expect(await participants(secret.id)).toEqual([{ contactId: keep.id, name: 'Jens Kjær' }, { contactId: null, name: 'Gæst' }]);

    const [entry] = (await t.db.execute(sql`select before, after from audit_log where action = 'contact.merge' and entity_id = ${keep.id}`)).rows as {
      before: { merged: Record<string, unknown>; survivor: Record<string, unknown>; interactions: Record<string, unknown>[] }; after: { interactions: number };
    }[];
    expect(entry.before.merged).toMatchObject({ id: gone.id, name: 'Jens Kjaer', phone: '75 12 34 56' });
    expect(entry.before.survivor).toMatchObject({ id: keep.id, phone: null });
    expect(entry.before.interactions).toContainEqual({ id: both.id, confidential: false, participants: [{ contactId: gone.id, name: 'Jens Kjaer' }, { contactId: keep.id, name: 'Jens Kjær' }, { contactId: other.id, name: 'Bo Dahl' }] });
    expect(entry.before.interactions).toContainEqual({ id: secret.id, confidential: true, participants: '[fortroligt]' });
    expect(entry.after.interactions).toBe(2);
  });

  it('refuses itself, a contact of another company or partnership, and roles without contact.merge', async () => {
    const one = await newContact(a, { name: 'Søren Lund' });
    const two = await newContact(a, { name: 'Søren Lundt' });
    const same = await call<{ code: string }>(t.app, a, 400, { method: 'POST', url: `${base()}/${one.id}/merge`, payload: { mergedId: one.id } });
    expect(same.code).toBe('merge_same_contact');
    const otherCompany = await createCompany(t.db);
    const elsewhere = await call<Contact>(t.app, a, 201, { method: 'POST', url: `/api/v1/companies/${otherCompany.id}/contacts`, payload: { name: 'Søren Lund' } });
    await call(t.app, a, 404, { method: 'POST', url: `${base()}/${one.id}/merge`, payload: { mergedId: elsewhere.id } });
    const outsider = await createActor(t.db, { roles: ['business_consultant'] });
    await call(t.app, outsider, 404, { method: 'POST', url: `${base()}/${one.id}/merge`, payload: { mergedId: two.id } });
    await call(t.app, analyst, 403, { method: 'POST', url: `${base()}/${one.id}/merge`, payload: { mergedId: two.id } });
    await call(t.app, a, 200, { method: 'GET', url: `${base()}/${two.id}` });
  });
});
