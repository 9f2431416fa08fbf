import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, emailOutbox, sessions, userTokens, users } from '../../db/schema';
import { createTestApp, injectAs, type TestApp } from '../../test/helpers';
import { hashToken } from './passwords';
import { anonymousHeaders, createPasswordUser, headersAfterLogin, loginAs, tokenFromOutbox } from './test-fixtures';

const password = 'gammel-adgangskode-123';
const newPassword = 'ny-og-meget-bedre-adgangskode';
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: 'https://samspil.example.dk' });
});
afterAll(async () => {
  await t.close();
});

const post = (url: string, payload: unknown) => t.app.inject({ method: 'POST', url, headers: anonymousHeaders, payload: payload as object });

describe('password reset', () => {
  it('mails a single-use link, sets the new password, lifts the lockout and ends every session', async () => {
    const user = await createPasswordUser(t.db, { roles: ['analyst'], password });
    await t.db.update(users).set({ lockedUntil: new Date(Date.now() + 600_000), failedLogins: 3 }).where(eq(users.id, user.userId));

    const requested = await post('/api/v1/auth/password-reset', { email: user.email });
    expect(requested.statusCode).toBe(202);
    const [mail] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, user.email));
    expect(mail.kind).toBe('password_reset');
    expect(mail.partnershipId).toBe(user.partnershipId);
    expect(mail.subject).toMatch(/adgangskode/i);
    expect(mail.bodyText).toContain('https://samspil.example.dk/nulstil-adgangskode?token=');
    const token = await tokenFromOutbox(t.db, user.email);
    // Only the token's hash is stored.
    const [stored] = await t.db.select().from(userTokens).where(eq(userTokens.userId, user.userId));
    expect(stored.kind).toBe('reset');
    expect(stored.tokenHash).toBe(hashToken(token));
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.expiresAt.getTime() - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(stored.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(60 * 60_000);

    const weak = await post('/api/v1/auth/password-reset/confirm', { token, password: 'kort' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().code).toBe('validation');

    const confirmed = await post('/api/v1/auth/password-reset/confirm', { token, password: newPassword });
    expect(confirmed.statusCode).toBe(204);
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, user.userId))).toHaveLength(0);
    const [row] = await t.db.select().from(users).where(eq(users.id, user.userId));
    expect(row.lockedUntil).toBeNull();
    expect(row.failedLogins).toBe(0);
    expect((await loginAs(t.app, user.email, password, '10.1.0.1')).statusCode).toBe(401);
    expect((await loginAs(t.app, user.email, newPassword, '10.1.0.1')).statusCode).toBe(200);
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, user.userId), eq(auditLog.action, 'auth.password_reset')));
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits[0].after)).not.toContain(newPassword);

    const again = await post('/api/v1/auth/password-reset/confirm', { token, password: 'endnu-en-adgangskode' });
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe('invalid_token');
  });

  it('answers 202 for unknown and deactivated addresses without sending anything', async () => {
    const gone = await createPasswordUser(t.db, { roles: ['analyst'], password });
    await t.db.update(users).set({ status: 'deactivated' }).where(eq(users.id, gone.userId));
    for (const email of ['ukendt@test.samspil.dk', gone.email]) {
      const res = await post('/api/v1/auth/password-reset', { email });
      expect(res.statusCode).toBe(202);
      expect(await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email))).toHaveLength(0);
    }
  });

  it('refuses an expired token and a made-up token', async () => {
    const user = await createPasswordUser(t.db, { roles: ['analyst'], password });
    await post('/api/v1/auth/password-reset', { email: user.email });
    const token = await tokenFromOutbox(t.db, user.email);
    await t.db.update(userTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(userTokens.userId, user.userId));
    const expired = await post('/api/v1/auth/password-reset/confirm', { token, password: newPassword });
    expect(expired.statusCode).toBe(400);
    expect(expired.json().code).toBe('invalid_token');
    const madeUp = await post('/api/v1/auth/password-reset/confirm', { token: 'x'.repeat(43), password: newPassword });
    expect(madeUp.json().code).toBe('invalid_token');
  });
});

describe('invitations', () => {
  it('invites, shows, accepts (signing in) and refuses the link a second time', async () => {
    const admin = await createPasswordUser(t.db, { roles: ['admin'], password });
    const invited = await injectAs(t.app, admin, {
      method: 'POST', url: '/api/v1/admin/users',
      payload: { email: 'Ny.Kollega@Test.Samspil.dk', name: 'Ny Kollega', organisationId: admin.organisationId, roles: ['business_consultant'] },
    });
    expect(invited.statusCode).toBe(201);
    expect(invited.json()).toMatchObject({ email: 'ny.kollega@test.samspil.dk', status: 'invited', roles: ['business_consultant'] });
    const [mail] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, 'ny.kollega@test.samspil.dk'));
    expect(mail.kind).toBe('invitation');
    expect(mail.bodyText).toContain('https://samspil.example.dk/invitation?token=');
    const token = await tokenFromOutbox(t.db, 'ny.kollega@test.samspil.dk');
    const [stored] = await t.db.select().from(userTokens).where(eq(userTokens.tokenHash, hashToken(token)));
    expect(stored.kind).toBe('invite');
    expect(stored.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600_000);

    // An invited user cannot sign in before accepting.
    expect((await loginAs(t.app, 'ny.kollega@test.samspil.dk', newPassword, '10.2.0.1')).statusCode).toBe(401);

    const shown = await t.app.inject({ method: 'GET', url: `/api/v1/auth/invitations/${token}` });
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({ email: 'ny.kollega@test.samspil.dk', name: 'Ny Kollega' });
    expect(shown.json().organisationName).toMatch(/^Testorganisation/);

    const accepted = await post('/api/v1/auth/invitations/accept', { token, password: newPassword, name: 'Nina Kollega' });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().user).toMatchObject({ name: 'Nina Kollega', roles: ['business_consultant'] });
    const session = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: headersAfterLogin(accepted) });
    expect(session.json().user.email).toBe('ny.kollega@test.samspil.dk');
    const [row] = await t.db.select().from(users).where(eq(users.email, 'ny.kollega@test.samspil.dk'));
    expect(row.status).toBe('active');
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, row.id));
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['user.invited', 'auth.invitation_accepted']));

    const reused = await post('/api/v1/auth/invitations/accept', { token, password: newPassword });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().code).toBe('invalid_token');
    const shownAgain = await t.app.inject({ method: 'GET', url: `/api/v1/auth/invitations/${token}` });
    expect(shownAgain.statusCode).toBe(404);
    expect(shownAgain.json().code).toBe('invalid_token');
    expect((await loginAs(t.app, 'ny.kollega@test.samspil.dk', newPassword, '10.2.0.1')).statusCode).toBe(200);
  });

  it('re-invites with a new link that replaces the old one; duplicate e-mail is 409', async () => {
    const admin = await createPasswordUser(t.db, { roles: ['admin'], password });
    const invite = { email: 'igen@test.samspil.dk', name: 'Ida Igen', organisationId: admin.organisationId, roles: ['analyst'] };
    const created = await injectAs(t.app, admin, { method: 'POST', url: '/api/v1/admin/users', payload: invite });
    expect(created.statusCode).toBe(201);
    const first = await tokenFromOutbox(t.db, invite.email);
    const duplicate = await injectAs(t.app, admin, { method: 'POST', url: '/api/v1/admin/users', payload: { ...invite, email: 'IGEN@test.samspil.dk' } });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().code).toBe('email_taken');

    const again = await injectAs(t.app, admin, { method: 'POST', url: `/api/v1/admin/users/${created.json().id}/reinvite` });
    expect(again.statusCode).toBe(200);
    const mails = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, invite.email));
    expect(mails).toHaveLength(2);
    const second = mails.map((m) => decodeURIComponent(m.bodyText.match(/token=([^\s]+)/)![1])).find((tok) => tok !== first)!;
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/auth/invitations/${first}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/auth/invitations/${second}` })).statusCode).toBe(200);
  });

  it('refuses an expired invitation', async () => {
    const admin = await createPasswordUser(t.db, { roles: ['admin'], password });
    const created = await injectAs(t.app, admin, {
      method: 'POST', url: '/api/v1/admin/users',
      payload: { email: 'udloebet@test.samspil.dk', name: 'Ulrik', organisationId: admin.organisationId, roles: ['analyst'] },
    });
    const token = await tokenFromOutbox(t.db, 'udloebet@test.samspil.dk');
    await t.db.update(userTokens).set({ expiresAt: new Date(Date.now() - 1) }).where(eq(userTokens.userId, created.json().id));
    const res = await post('/api/v1/auth/invitations/accept', { token, password: newPassword });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('invalid_token');
  });
});
