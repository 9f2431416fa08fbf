import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderList } from '../../../common/recruitment';
import { testEngine } from '../../db/test-db';
import { createActor, createTestApp, injectAs, type TestApp } from '../../test/helpers';
import { call, createCompany, createOrder, createOrderWorld, orderBody, type OrderWorld } from './orders.test-fixtures';

let t: TestApp;
let w: OrderWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await createOrderWorld(t.db);
});
afterAll(async () => t?.close());

interface Invited { id: string; email: string; name: string; status: string; organisationId: string; organisationName: string }
const invite = (actor: Parameters<typeof injectAs>[1], companyId: string, email: string, name = 'Vera Virksomhed') =>
  injectAs(t.app, actor, { method: 'POST', url: `/api/v1/companies/${companyId}/users`, payload: { companyId, email, name } });
const rows = async <T>(query: ReturnType<typeof sql>) => (await t.db.execute(query)).rows as T[];

describe(`employer view (${testEngine})`, () => {
  it('invites a company user: creates the company organisation once, the invited user and the invitation e-mail', async () => {
    const company = await createCompany(t.db, 'Inviteret Industri', 621, '6000');
    const first = await invite(w.koldingConsultant, company.id, 'vera@inviteret.dk');
    expect(first.statusCode, first.body).toBe(201);
    const invited = first.json() as Invited;
    expect(invited).toMatchObject({ email: 'vera@inviteret.dk', name: 'Vera Virksomhed', status: 'invited', organisationName: company.name });
    const [org] = await rows<{ kind: string; company_id: string; partnership_id: string; municipality_code: number }>(
      sql`select kind, company_id, partnership_id, municipality_code from organisations where id = ${invited.organisationId}`);
    expect(org).toEqual({ kind: 'company', company_id: company.id, partnership_id: w.partnershipId, municipality_code: 621 });
    const [user] = await rows<{ roles: string[]; organisation_id: string }>(sql`select roles, organisation_id from users where id = ${invited.id}`);
    expect(user).toEqual({ roles: ['company_user'], organisation_id: invited.organisationId });
    const mails = await rows<{ kind: string; subject: string; body_text: string }>(sql`select kind, subject, body_text from email_outbox where to_address = 'vera@inviteret.dk'`);
    expect(mails).toHaveLength(1);
    expect(mails[0].kind).toBe('invitation');
    expect(mails[0].body_text).toContain('/invitation?token=');

    const second = await invite(w.businessConsultant, company.id, 'bo@inviteret.dk', 'Bo Bogholder');
    expect(second.statusCode).toBe(201);
    expect((second.json() as Invited).organisationId).toBe(invited.organisationId);
    const orgs = await rows<{ n: number }>(sql`select count(*)::int as n from organisations where company_id = ${company.id}`);
    expect(orgs[0].n).toBe(1);
    const audited = await rows<{ action: string }>(sql`select action from audit_log where entity in ('organisation', 'user')
      and (entity_id = ${invited.organisationId} or entity_id in (${invited.id}, ${(second.json() as Invited).id})) order by id`);
    expect(audited.map((a) => a.action)).toEqual(['organisation.created', 'user.invited', 'user.invited']);
  });

  it('refuses a taken address (409), a mismatched or unknown company, and roles without the invite right', async () => {
    const company = await createCompany(t.db, 'Afvist Industri', 630, '7100');
    expect((await invite(w.koldingConsultant, company.id, 'dobbelt@afvist.dk')).statusCode).toBe(201);
    const again = await invite(w.koldingConsultant, company.id, 'DOBBELT@afvist.dk');
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'email_taken' });
    const mismatch = await injectAs(t.app, w.koldingConsultant, { method: 'POST', url: `/api/v1/companies/${company.id}/users`, payload: { companyId: w.companyA.id, email: 'x@afvist.dk', name: 'X' } });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json()).toMatchObject({ code: 'company_mismatch' });
    expect((await invite(w.koldingConsultant, '00000000-0000-4000-8000-000000000000', 'y@afvist.dk')).statusCode).toBe(404);
    for (const actor of [w.analyst, w.employerA]) expect((await invite(actor, company.id, 'z@afvist.dk')).statusCode).toBe(403);
    const [n] = await rows<{ n: number }>(sql`select count(*)::int as n from users where email in ('x@afvist.dk', 'y@afvist.dk', 'z@afvist.dk')`);
    expect(n.n).toBe(0);
  });

  it('tells a company user its company and lets it work on its own orders only', async () => {
    const company = await createCompany(t.db, 'Egen Fabrik', 630, '7100');
    const invited = (await invite(w.vejleConsultant, company.id, 'ejer@egenfabrik.dk')).json() as Invited;
    const employer = await createActor(t.db, { roles: ['company_user'], partnershipId: w.partnershipId, organisationId: invited.organisationId });
    expect(await call(t.app, employer, 200, { method: 'GET', url: '/api/v1/employer/me' })).toMatchObject({ id: company.id, name: company.name, cvr: company.cvr });
    const order = await createOrder(t.app, employer, orderBody(company.id, { submit: true }));
    expect(order).toMatchObject({ createdVia: 'employer', holdingOrganisationName: 'Jobcenter Vejle' });
    await createOrder(t.app, w.koldingConsultant, orderBody(w.companyA.id, { submit: true }));
    const list = await call<OrderList>(t.app, employer, 200, { method: 'GET', url: '/api/v1/orders?status=all' });
    expect(list.items.map((o) => o.id)).toEqual([order.id]);
    const me = await injectAs(t.app, w.koldingConsultant, { method: 'GET', url: '/api/v1/employer/me' });
    expect(me.statusCode).toBe(403);
    expect((await injectAs(t.app, w.analyst, { method: 'GET', url: '/api/v1/employer/me' })).statusCode).toBe(403);
  });
});
