import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from '../../../common/engagement';
import { testEngine } from '../../db/test-db';
import { createActor, createTestApp, injectAs, type TestActor, type TestApp } from '../../test/helpers';
import { call, createCompany, createOrganisations } from './test-fixtures';

let t: TestApp;
let a: TestActor;
let b: TestActor;
let analyst: TestActor;
let company: { id: string; unitId: string };

beforeAll(async () => {
  t = await createTestApp();
  ({ a, b, analyst } = await createOrganisations(t.db));
  company = await createCompany(t.db);
});
afterAll(async () => t?.close());

const base = () => `/api/v1/companies/${company.id}/contacts`;

describe(`company contacts (${testEngine})`, () => {
  it('creates, lists (Danish order), edits and deletes a contact, audited', async () => {
    const created = await call<Contact>(t.app, a, 201, { method: 'POST', url: base(), payload: {
      name: 'Ørjan Østergaard', title: 'Produktionschef', email: 'OO@Firma.dk', phone: '12345678', productionUnitId: company.unitId, role: 'Beslutningstager',
    } });
    expect(created.email).toBe('oo@firma.dk');
    expect(created.productionUnitName).toContain('afdeling');
    await call(t.app, b, 201, { method: 'POST', url: base(), payload: { name: 'Anders And' } });
    await call(t.app, a, 201, { method: 'POST', url: base(), payload: { name: 'Åse Ågård' } });
    const list = await call<{ items: Contact[] }>(t.app, b, 200, { method: 'GET', url: base() });
    expect(list.items.map((c) => c.name)).toEqual(['Anders And', 'Ørjan Østergaard', 'Åse Ågård']);

    const edited = await call<Contact>(t.app, a, 200, { method: 'PATCH', url: `${base()}/${created.id}`, payload: { title: null, role: 'Direktør' } });
    expect(edited.title).toBeNull();
    expect(edited.role).toBe('Direktør');
    await call(t.app, a, 204, { method: 'DELETE', url: `${base()}/${created.id}` });
    await call(t.app, a, 404, { method: 'GET', url: `${base()}/${created.id}` });
    const audits = await t.db.execute(sql`select action from audit_log where entity = 'company_contact' and entity_id = ${created.id} order by id`);
    expect((audits.rows as { action: string }[]).map((r) => r.action)).toEqual(['contact.create', 'contact.update', 'contact.delete']);
  });

  it('warns about a possible duplicate (same normalised name or e-mail) unless confirmed', async () => {
    const first = await call<Contact>(t.app, a, 201, { method: 'POST', url: base(), payload: { name: 'Bente Hansen', email: 'bente@firma.dk' } });
    const sameName = await injectAs(t.app, a, { method: 'POST', url: base(), payload: { name: '  bente   HANSEN ' } });
    expect(sameName.statusCode).toBe(409);
    expect(sameName.json()).toMatchObject({ code: 'possible_duplicate', existing: { id: first.id, name: 'Bente Hansen' } });
    const sameEmail = await injectAs(t.app, a, { method: 'POST', url: base(), payload: { name: 'B. Hansen', email: 'BENTE@firma.dk' } });
    expect(sameEmail.statusCode).toBe(409);
    await call(t.app, a, 201, { method: 'POST', url: base(), payload: { name: 'Bente Hansen', confirmDuplicate: true } });
    const other = await createCompany(t.db);
    await call(t.app, a, 201, { method: 'POST', url: `/api/v1/companies/${other.id}/contacts`, payload: { name: 'Bente Hansen' } });
  });

  it('refuses a P-unit of another company and an unknown company', async () => {
    const other = await createCompany(t.db);
    const res = await call<{ code: string }>(t.app, a, 400, { method: 'POST', url: base(), payload: { name: 'Carl', productionUnitId: other.unitId } });
    expect(res.code).toBe('unknown_production_unit');
    await call(t.app, a, 404, { method: 'POST', url: '/api/v1/companies/00000000-0000-4000-8000-000000000000/contacts', payload: { name: 'Carl' } });
  });

  it('denies analysts and keeps contacts inside the partnership', async () => {
    await call(t.app, analyst, 403, { method: 'GET', url: base() });
    await call(t.app, analyst, 403, { method: 'POST', url: base(), payload: { name: 'Dorte' } });
    const outsider = await createActor(t.db, { roles: ['business_consultant'] });
    const list = await call<{ items: Contact[] }>(t.app, outsider, 200, { method: 'GET', url: base() });
    expect(list.items).toEqual([]);
  });
});
