import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, oidcFlows, organisations, partnerships, sessions, users } from '../../../db/schema';
import { createTestApp, type TestApp } from '../../../test/helpers';
import { driveProviderLogin, startTestIdp, type TestIdp } from './test-oidc-provider';

const publicUrl = 'http://localhost:4173';
const redirectUri = `${publicUrl}/api/v1/auth/sso/callback`;
const clientId = 'samspil-test';
const clientSecret = 'hemmelig-klientnoegle-til-test-0123456789';

let t: TestApp;
let idp: TestIdp;
let partnershipId: string;
let ssoOrgId: string;
let otherSsoOrgId: string;

async function addOrganisation(values: Partial<typeof organisations.$inferInsert> & { name: string }): Promise<string> {
  const [row] = await t.db.insert(organisations).values({ partnershipId, kind: 'jobcentre', ...values }).returning();
  return row.id;
}

async function addUser(organisationId: string, email: string, status: 'active' | 'invited' | 'deactivated' = 'active') {
  const [row] = await t.db.insert(users).values({
    organisationId, email, name: `Person ${email}`, roles: ['jobcentre_consultant'], status,
  }).returning();
  return row.id;
}

function cookieFrom(response: LightMyRequestResponse, name: string): string | undefined {
  return response.cookies.find((c) => c.name === name && c.value !== '')?.value;
}

/** start → provider → back at the app's callback; returns the callback URL and the flow cookie. */
async function throughProvider(organisationId: string, account: string, returnTo = '/') {
  idp.loginAs(account);
  const start = await t.app.inject({ method: 'GET', url: `/api/v1/auth/sso/${organisationId}/start?returnTo=${encodeURIComponent(returnTo)}` });
  expect(start.statusCode).toBe(302);
  const callback = await driveProviderLogin(String(start.headers.location), redirectUri);
  return { start, callback, flowCookie: cookieFrom(start, 'samspil_sso_flow') ?? '' };
}

function callApp(callback: URL, flowCookie: string) {
  return t.app.inject({ method: 'GET', url: `${callback.pathname}${callback.search}`, cookies: { samspil_sso_flow: flowCookie } });
}

async function failuresFor(organisationId: string) {
  return t.db.select().from(auditLog).where(and(eq(auditLog.action, 'auth.sso_failed'), eq(auditLog.entityId, organisationId)));
}

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: publicUrl });
  idp = await startTestIdp({
    clientId, clientSecret, redirectUri,
    accounts: {
      'mitid-anne': { email: 'Anne.Hansen@jobcenter-sso.dk', email_verified: true, name: 'Anne Hansen' },
      'mitid-bo': { email: 'bo@jobcenter-sso.dk', email_verified: true },
      'mitid-fremmed': { email: 'fremmed@jobcenter-sso.dk', email_verified: true },
      'mitid-deaktiveret': { email: 'stoppet@jobcenter-sso.dk', email_verified: true },
      'mitid-andenorg': { email: 'kollega@andet-sso.dk', email_verified: true },
    },
  });
  const [p] = await t.db.insert(partnerships).values({ slug: 'sso-test', name: 'SSO-test' }).returning();
  partnershipId = p.id;
  const sso = { ssoEnabled: true, ssoIssuer: idp.issuer, ssoClientId: clientId, ssoClientSecret: clientSecret };
  ssoOrgId = await addOrganisation({ name: 'Jobcenter Øst', ...sso, ssoLabel: 'Log ind med MitID Erhverv', emailDomains: ['jobcenter-sso.dk'] });
  otherSsoOrgId = await addOrganisation({ name: 'Erhvervskontor Ådal', ...sso, emailDomains: ['andet-sso.dk'] });
  await addOrganisation({ name: 'Uden SSO', emailDomains: ['jobcenter-sso.dk'] });
  await addOrganisation({ name: 'Nedlagt', ...sso, emailDomains: ['jobcenter-sso.dk'], deactivatedAt: new Date() });
  await addUser(ssoOrgId, 'anne.hansen@jobcenter-sso.dk', 'invited');
  await addUser(ssoOrgId, 'bo@jobcenter-sso.dk');
  await addUser(ssoOrgId, 'stoppet@jobcenter-sso.dk', 'deactivated');
  await addUser(otherSsoOrgId, 'kollega@andet-sso.dk');
});

afterAll(async () => {
  await idp?.close();
  await t?.close();
});

describe('GET /api/v1/auth/sso/providers', () => {
  it('lists active SSO organisations in Danish order, without client credentials', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/auth/sso/providers' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([
      { organisationId: otherSsoOrgId, organisationName: 'Erhvervskontor Ådal', label: 'Erhvervskontor Ådal' },
      { organisationId: ssoOrgId, organisationName: 'Jobcenter Øst', label: 'Log ind med MitID Erhverv' },
    ]);
    expect(response.body).not.toContain(clientSecret);
  });

  it('filters by the e-mail domain, ignoring case', async () => {
    const match = await t.app.inject({ method: 'GET', url: '/api/v1/auth/sso/providers?email=Someone@JOBCENTER-SSO.dk' });
    expect(match.json().map((p: { organisationId: string }) => p.organisationId)).toEqual([ssoOrgId]);
    const none = await t.app.inject({ method: 'GET', url: '/api/v1/auth/sso/providers?email=x@gmail.com' });
    expect(none.json()).toEqual([]);
    const partial = await t.app.inject({ method: 'GET', url: '/api/v1/auth/sso/providers?email=anne' });
    expect(partial.json()).toEqual([]);
  });
});

describe('GET /api/v1/auth/sso/:organisationId/start', () => {
  it('redirects to the provider with PKCE S256, state and nonce, and stores the flow', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/auth/sso/${ssoOrgId}/start?returnTo=/virksomheder?side=2` });
    expect(response.statusCode).toBe(302);
    const location = new URL(String(response.headers.location));
    expect(location.origin).toBe(idp.issuer);
    const q = location.searchParams;
    expect(q.get('client_id')).toBe(clientId);
    expect(q.get('redirect_uri')).toBe(redirectUri);
    expect(q.get('response_type')).toBe('code');
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('scope')).toContain('openid');
    const state = q.get('state') ?? '';
    const [flow] = await t.db.select().from(oidcFlows).where(eq(oidcFlows.state, state));
    expect(flow.organisationId).toBe(ssoOrgId);
    expect(flow.nonce).toBe(q.get('nonce'));
    expect(flow.codeVerifier).not.toBe(q.get('code_challenge'));
    expect(flow.returnTo).toBe('/virksomheder?side=2');
    expect(cookieFrom(response, 'samspil_sso_flow')).toBe(state);
  });

  it.each(['//evil.example', 'https://evil.example', '/\\evil.example', 'evil.example'])('stores / instead of the open redirect %s', async (returnTo) => {
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/auth/sso/${ssoOrgId}/start?returnTo=${encodeURIComponent(returnTo)}` });
    const state = new URL(String(response.headers.location)).searchParams.get('state') ?? '';
    const [flow] = await t.db.select().from(oidcFlows).where(eq(oidcFlows.state, state));
    expect(flow.returnTo).toBe('/');
  });

  it('answers 404 for an unknown, SSO-less or deactivated organisation', async () => {
    const [withoutSso] = await t.db.select().from(organisations).where(eq(organisations.name, 'Uden SSO'));
    const [closed] = await t.db.select().from(organisations).where(eq(organisations.name, 'Nedlagt'));
    for (const id of ['00000000-0000-4000-8000-000000000000', withoutSso.id, closed.id]) {
      const response = await t.app.inject({ method: 'GET', url: `/api/v1/auth/sso/${id}/start` });
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });
});

describe('GET /api/v1/auth/sso/callback', () => {
  it('signs an invited user in end to end, links the identity and lands on returnTo', async () => {
    const { callback, flowCookie } = await throughProvider(ssoOrgId, 'mitid-anne', '/virksomheder/13748136');
    expect(callback.searchParams.get('code')).toBeTruthy();
    const response = await callApp(callback, flowCookie);
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/virksomheder/13748136');
    const token = cookieFrom(response, 'samspil_session');
    expect(token).toBeTruthy();

    const session = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', cookies: { samspil_session: token ?? '' } });
    expect(session.statusCode).toBe(200);
    const user = session.json().user;
    expect(user.email).toBe('anne.hansen@jobcenter-sso.dk');
    expect(user.organisation.id).toBe(ssoOrgId);

    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ status: 'active', oidcIssuer: idp.issuer, oidcSubject: 'mitid-anne' });
    expect(row.lastLoginAt).not.toBeNull();
    const stored = await t.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(stored.map((s) => s.authMethod)).toEqual(['oidc']);
    expect(await t.db.select().from(oidcFlows).where(eq(oidcFlows.state, callback.searchParams.get('state') ?? ''))).toEqual([]);

    const trail = await t.db.select().from(auditLog).where(eq(auditLog.entityId, user.id));
    expect(trail.map((a) => a.action).sort()).toEqual(['auth.sso_login', 'user.sso_linked']);
    expect(JSON.stringify(await t.db.select().from(auditLog))).not.toContain(clientSecret);

    // The code and state are single use: replaying the callback creates nothing.
    const replay = await callApp(callback, flowCookie);
    expect(replay.headers.location).toBe('/login?sso=fejl&grund=state');
    expect(cookieFrom(replay, 'samspil_session')).toBeUndefined();
  });

  it('finds a linked user by issuer and subject even after the e-mail changed', async () => {
    const { callback, flowCookie } = await throughProvider(ssoOrgId, 'mitid-anne', '/');
    await t.db.update(users).set({ email: 'anne.ny@jobcenter-sso.dk' }).where(eq(users.oidcSubject, 'mitid-anne'));
    const response = await callApp(callback, flowCookie);
    expect(response.headers.location).toBe('/');
    expect(cookieFrom(response, 'samspil_session')).toBeTruthy();
  });

  it('refuses a tampered state without creating a session', async () => {
    const before = (await failuresFor(ssoOrgId)).length;
    const { callback, flowCookie } = await throughProvider(ssoOrgId, 'mitid-bo');
    callback.searchParams.set('state', `${callback.searchParams.get('state')}x`);
    const response = await callApp(callback, flowCookie);
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/login?sso=fejl&grund=state');
    expect(cookieFrom(response, 'samspil_session')).toBeUndefined();
    const [bo] = await t.db.select().from(users).where(eq(users.email, 'bo@jobcenter-sso.dk'));
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, bo.id))).toEqual([]);
    expect(bo.oidcSubject).toBeNull();
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.action, 'auth.sso_failed'));
    expect(entries.some((e) => e.reason === 'unknown_state')).toBe(true);
    expect((await failuresFor(ssoOrgId)).length).toBe(before);
  });

  it('refuses a callback from a browser that did not start the flow', async () => {
    const { callback } = await throughProvider(ssoOrgId, 'mitid-bo');
    const response = await callApp(callback, 'some-other-state');
    expect(response.headers.location).toBe('/login?sso=fejl&grund=state');
    expect(cookieFrom(response, 'samspil_session')).toBeUndefined();
  });

  it('refuses an expired flow', async () => {
    const { callback, flowCookie } = await throughProvider(ssoOrgId, 'mitid-bo');
    await t.db.update(oidcFlows).set({ createdAt: new Date(Date.now() - 11 * 60_000) })
      .where(eq(oidcFlows.state, callback.searchParams.get('state') ?? ''));
    const response = await callApp(callback, flowCookie);
    expect(response.headers.location).toBe('/login?sso=fejl&grund=state');
  });

  it.each([
    ['an e-mail no user has', 'mitid-fremmed', 'unknown_user', 'no_user_with_email'],
    ['a deactivated user', 'mitid-deaktiveret', 'deactivated', 'user_deactivated'],
    ['a user of another organisation', 'mitid-andenorg', 'unknown_user', 'user_of_other_organisation'],
  ])('refuses %s and audits it', async (_label, account, code, reason) => {
    const { callback, flowCookie } = await throughProvider(ssoOrgId, account);
    const response = await callApp(callback, flowCookie);
    expect(response.headers.location).toBe(`/login?sso=fejl&grund=${code}`);
    expect(cookieFrom(response, 'samspil_session')).toBeUndefined();
    const entries = await failuresFor(ssoOrgId);
    expect(entries.some((e) => e.reason === reason && (e.after as { code: string }).code === code)).toBe(true);
  });

  it('reports an error answer from the provider as provider_error', async () => {
    const start = await t.app.inject({ method: 'GET', url: `/api/v1/auth/sso/${ssoOrgId}/start` });
    const state = new URL(String(start.headers.location)).searchParams.get('state') ?? '';
    const response = await t.app.inject({
      method: 'GET', url: `/api/v1/auth/sso/callback?error=access_denied&state=${state}`,
      cookies: { samspil_sso_flow: state },
    });
    expect(response.headers.location).toBe('/login?sso=fejl&grund=provider_error');
  });

  it('ends on / when the flow was started with an open-redirect attempt', async () => {
    const { callback, flowCookie } = await throughProvider(ssoOrgId, 'mitid-bo', '//evil.example');
    const response = await callApp(callback, flowCookie);
    expect(response.headers.location).toBe('/');
    expect(cookieFrom(response, 'samspil_session')).toBeTruthy();
  });
});

describe('a provider that puts the e-mail only in userinfo (OIDC Core 5.4)', () => {
  let strictIdp: TestIdp;
  let strictOrgId: string;

  beforeAll(async () => {
    strictIdp = await startTestIdp({
      clientId, clientSecret, redirectUri, claimsOnlyInUserinfo: true,
      accounts: { 'entra-oid-1': { email: 'carl@strict-sso.dk', email_verified: true } },
    });
    strictOrgId = await addOrganisation({
      name: 'Akademi Vest', ssoEnabled: true, ssoIssuer: strictIdp.issuer, ssoClientId: clientId, ssoClientSecret: clientSecret,
      emailDomains: ['strict-sso.dk'],
    });
    await addUser(strictOrgId, 'carl@strict-sso.dk');
  });

  afterAll(async () => {
    await strictIdp?.close();
  });

  it('reads the verified e-mail from userinfo and signs the user in', async () => {
    strictIdp.loginAs('entra-oid-1');
    const start = await t.app.inject({ method: 'GET', url: `/api/v1/auth/sso/${strictOrgId}/start?returnTo=/start` });
    const callback = await driveProviderLogin(String(start.headers.location), redirectUri);
    const response = await callApp(callback, cookieFrom(start, 'samspil_sso_flow') ?? '');
    expect(response.headers.location).toBe('/start');
    const [carl] = await t.db.select().from(users).where(eq(users.email, 'carl@strict-sso.dk'));
    expect(carl).toMatchObject({ oidcIssuer: strictIdp.issuer, oidcSubject: 'entra-oid-1' });
  });
});
