import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, organisations, sessions } from '../../db/schema';
import { createActor, createTestApp, injectAs, type TestActor, type TestApp } from '../../test/helpers';

let t: TestApp;
let admin: TestActor;
let consultant: TestActor;
let secretariat: TestActor;
let outsider: TestActor;

beforeAll(async () => {
  t = await createTestApp();
  admin = await createActor(t.db, { roles: ['admin'], kind: 'secretariat' });
  consultant = await createActor(t.db, { roles: ['business_consultant'], partnershipId: admin.partnershipId });
  secretariat = await createActor(t.db, { roles: ['secretariat'], partnershipId: admin.partnershipId, organisationId: admin.organisationId });
  outsider = await createActor(t.db, { roles: ['admin'] });
});
afterAll(async () => {
  await t.close();
});

const create = (actor: TestActor, payload: object) => injectAs(t.app, actor, { method: 'POST', url: '/api/v1/admin/organisations', payload });

describe('organisations', () => {
  it('creates, lists in Danish order and reads one, never returning the SSO secret', async () => {
    for (const name of ['Åbenrå Erhverv', 'Ærø Jobcenter', 'Aalborg Akademi', 'Billund Erhverv', 'Ølstykke Skole']) {
      const res = await create(admin, { name, kind: 'business_office', municipalityCode: 621, emailDomains: ['Kolding.dk'] });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ name, kind: 'business_office', municipalityCode: 621, emailDomains: ['kolding.dk'], active: true, userCount: 0 });
    }
    const list = await injectAs(t.app, admin, { method: 'GET', url: '/api/v1/admin/organisations' });
    expect(list.statusCode).toBe(200);
    const names: string[] = list.json().map((o: { name: string }) => o.name);
    const ours = names.filter((n) => !n.startsWith('Testorganisation'));
    // Danish order: Æ, Ø, Å after Z, and "Aa" counts as Å.
    expect(ours).toEqual(['Billund Erhverv', 'Ærø Jobcenter', 'Ølstykke Skole', 'Åbenrå Erhverv', 'Aalborg Akademi']);
    expect(list.json().map((o: { id: string }) => o.id)).not.toContain(outsider.organisationId);
    expect(list.json().find((o: { id: string }) => o.id === admin.organisationId).userCount).toBe(2);
    // The secretariat may read, not manage.
    expect((await injectAs(t.app, secretariat, { method: 'GET', url: '/api/v1/admin/organisations' })).statusCode).toBe(200);
    expect((await create(secretariat, { name: 'Ikke tilladt', kind: 'school' })).statusCode).toBe(403);
  });

  it('stores SSO settings, keeps the secret on later edits and never returns it', async () => {
    const org = (await create(admin, { name: 'SSO Kommune', kind: 'jobcentre' })).json();
    const sso = { enabled: true, issuer: 'https://login.example.dk/', clientId: 'samspil', clientSecret: 'hemmelig-1234', label: 'Log ind med Entra ID' };
    const set = await injectAs(t.app, admin, { method: 'PATCH', url: `/api/v1/admin/organisations/${org.id}`, payload: { sso } });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ ssoEnabled: true, ssoIssuer: sso.issuer, ssoClientId: 'samspil', ssoLabel: sso.label });
    expect(JSON.stringify(set.json())).not.toContain('hemmelig');
    const { clientSecret: _omit, ...withoutSecret } = sso;
    await injectAs(t.app, admin, { method: 'PATCH', url: `/api/v1/admin/organisations/${org.id}`, payload: { sso: { ...withoutSecret, label: 'Ny' } } });
    const [row] = await t.db.select().from(organisations).where(eq(organisations.id, org.id));
    expect(row.ssoClientSecret).toBe('hemmelig-1234');
    expect(row.ssoLabel).toBe('Ny');
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, org.id));
    expect(audits.map((a) => a.action)).toEqual(['organisation.created', 'organisation.updated', 'organisation.updated']);
    expect(JSON.stringify(audits.map((a) => [a.before, a.after]))).not.toContain('hemmelig');

    const incomplete = await injectAs(t.app, admin, {
      method: 'PATCH', url: `/api/v1/admin/organisations/${org.id}`, payload: { sso: { enabled: true, issuer: null, clientId: null, label: null } },
    });
    expect(incomplete.statusCode).toBe(400);

    const plainHttp = await injectAs(t.app, admin, {
      method: 'PATCH', url: `/api/v1/admin/organisations/${org.id}`,
      payload: { sso: { enabled: true, issuer: 'http://login.example.dk/', clientId: 'samspil', label: null } },
    });
    expect(plainHttp.statusCode).toBe(400);
    expect(plainHttp.json().errors).toEqual([expect.objectContaining({ path: 'sso.issuer' })]);
  });

  it('deactivating an organisation ends its users\' sessions', async () => {
    const org = (await create(admin, { name: 'Lukker Snart', kind: 'provider' })).json();
    const member = await createActor(t.db, { roles: ['provider'], partnershipId: admin.partnershipId, organisationId: org.id });
    expect((await injectAs(t.app, member, { method: 'GET', url: '/api/v1/auth/session' })).json().user).not.toBeNull();
    const res = await injectAs(t.app, admin, { method: 'PATCH', url: `/api/v1/admin/organisations/${org.id}`, payload: { active: false } });
    expect(res.statusCode).toBe(200);
    expect(res.json().active).toBe(false);
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, member.userId))).toHaveLength(0);
    expect((await injectAs(t.app, member, { method: 'GET', url: '/api/v1/auth/session' })).json().user).toBeNull();
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'organisation.deactivated'));
    expect(entry.entityId).toBe(org.id);
    const own = await injectAs(t.app, admin, { method: 'PATCH', url: `/api/v1/admin/organisations/${admin.organisationId}`, payload: { active: false } });
    expect(own.statusCode).toBe(409);
  });

  it('denies a business consultant (403) and hides other partnerships (404)', async () => {
    expect((await injectAs(t.app, consultant, { method: 'GET', url: '/api/v1/admin/organisations' })).statusCode).toBe(403);
    expect((await create(consultant, { name: 'Nej Tak', kind: 'school' })).statusCode).toBe(403);
    expect((await injectAs(t.app, consultant, { method: 'PATCH', url: `/api/v1/admin/organisations/${admin.organisationId}`, payload: { name: 'Hacket' } })).statusCode).toBe(403);
    const theirs = await injectAs(t.app, outsider, { method: 'PATCH', url: `/api/v1/admin/organisations/${admin.organisationId}`, payload: { name: 'Hacket' } });
    expect(theirs.statusCode).toBe(404);
    expect((await injectAs(t.app, outsider, { method: 'GET', url: `/api/v1/admin/organisations/${admin.organisationId}` })).statusCode).toBe(404);
    const outsiderList = await injectAs(t.app, outsider, { method: 'GET', url: '/api/v1/admin/organisations' });
    expect(outsiderList.json().map((o: { id: string }) => o.id)).toEqual([outsider.organisationId]);
    expect((await injectAs(t.app, null, { method: 'GET', url: '/api/v1/admin/organisations' })).statusCode).toBe(401);
  });

  it('validates input with Danish field errors', async () => {
    const res = await create(admin, { name: 'X', kind: 'bakery' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation');
  });
});
