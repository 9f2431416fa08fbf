import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, loginAttempts, organisations, sessions, users } from '../../db/schema';
import { createTestApp, injectAs, type TestApp } from '../../test/helpers';
import { anonymousHeaders, createPasswordUser, headersAfterLogin, loginAs } from './test-fixtures';

const password = 'korrekt-hest-batteri-klips';
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('password login', () => {
  it('signs in, returns the session user and a fresh CSRF token, and the session works', async () => {
    const user = await createPasswordUser(t.db, { roles: ['business_consultant'], password });
    const res = await loginAs(t.app, user.email.toUpperCase(), password, '10.0.1.1');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({ id: user.userId, email: user.email, roles: ['business_consultant'] });
    expect(body.user.permissions).toContain('company.read');
    expect(body.user.permissions).not.toContain('user.invite');
    expect(body.csrfToken).not.toBe(anonymousHeaders['x-csrf-token']);
    const headers = headersAfterLogin(res);
    expect(headers['x-csrf-token']).toBe(body.csrfToken);
    const session = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers });
    expect(session.json().user.id).toBe(user.userId);
    const [row] = await t.db.select().from(users).where(eq(users.id, user.userId));
    expect(row.lastLoginAt).not.toBeNull();
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, user.userId), eq(auditLog.action, 'auth.login_succeeded')));
    expect(audits).toHaveLength(1);
  });

  it('gives the same 401 for a wrong password and an unknown address', async () => {
    const user = await createPasswordUser(t.db, { roles: ['analyst'], password });
    const wrong = await loginAs(t.app, user.email, 'forkert-adgangskode', '10.0.2.1');
    const unknown = await loginAs(t.app, 'findes.ikke@test.samspil.dk', password, '10.0.2.1');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(wrong.json().code).toBe('invalid_credentials');
    expect(unknown.json().code).toBe('invalid_credentials');
    expect(unknown.json().detail).toBe(wrong.json().detail);
    const failures = await t.db.select().from(loginAttempts).where(eq(loginAttempts.ip, '10.0.2.1'));
    expect(failures.filter((f) => !f.success)).toHaveLength(2);
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, user.userId), eq(auditLog.action, 'auth.login_failed')));
    expect(audits).toHaveLength(1);
  });

  it('refuses invited and deactivated users and users of a deactivated organisation, with the same 401', async () => {
    const invited = await createPasswordUser(t.db, { roles: ['analyst'], password });
    await t.db.update(users).set({ status: 'invited' }).where(eq(users.id, invited.userId));
    const deactivated = await createPasswordUser(t.db, { roles: ['analyst'], password });
    await t.db.update(users).set({ status: 'deactivated' }).where(eq(users.id, deactivated.userId));
    const orgGone = await createPasswordUser(t.db, { roles: ['analyst'], password });
    await t.db.update(organisations).set({ deactivatedAt: new Date() }).where(eq(organisations.id, orgGone.organisationId));
    for (const u of [invited, deactivated, orgGone]) {
      const res = await loginAs(t.app, u.email, password, '10.0.3.1');
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('invalid_credentials');
    }
  });

  it('locks the account after ten wrong passwords (423) and opens it when the period is over', async () => {
    const user = await createPasswordUser(t.db, { roles: ['analyst'], password });
    for (let i = 1; i <= 9; i += 1) {
      expect((await loginAs(t.app, user.email, `forkert-${i}`, '10.0.4.1')).statusCode).toBe(401);
    }
    const tenth = await loginAs(t.app, user.email, 'forkert-10', '10.0.4.1');
    expect(tenth.statusCode).toBe(423);
    expect(tenth.json().code).toBe('account_locked');
    expect(tenth.json().detail).toMatch(/åbner igen .* kl\. \d{2}\.\d{2}/);
    // Even the right password is refused while locked.
    const locked = await loginAs(t.app, user.email, password, '10.0.4.2');
    expect(locked.statusCode).toBe(423);
    const [row] = await t.db.select().from(users).where(eq(users.id, user.userId));
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    const lockAudit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, user.userId), eq(auditLog.action, 'auth.account_locked')));
    expect(lockAudit).toHaveLength(1);

    await t.db.update(users).set({ lockedUntil: new Date(Date.now() - 1000) }).where(eq(users.id, user.userId));
    expect((await loginAs(t.app, user.email, password, '10.0.4.2')).statusCode).toBe(200);
    const [after] = await t.db.select().from(users).where(eq(users.id, user.userId));
    expect(after.failedLogins).toBe(0);
    expect(after.lockedUntil).toBeNull();
  });

  it('resets the failure counter on success, so failures must be consecutive to lock', async () => {
    const user = await createPasswordUser(t.db, { roles: ['analyst'], password });
    for (let i = 0; i < 8; i += 1) await loginAs(t.app, user.email, 'forkert', '10.0.5.1');
    expect((await loginAs(t.app, user.email, password, '10.0.5.1')).statusCode).toBe(200);
    for (let i = 0; i < 8; i += 1) expect((await loginAs(t.app, user.email, 'forkert', '10.0.5.1')).statusCode).toBe(401);
  });

  it('rate-limits a client address after 30 failures in 15 minutes (429 with Retry-After)', async () => {
    const user = await createPasswordUser(t.db, { roles: ['analyst'], password });
    const ip = '10.0.6.1';
    const old = new Date(Date.now() - 20 * 60_000);
    // Old failures outside the window do not count.
    await t.db.insert(loginAttempts).values(Array.from({ length: 40 }, () => ({ email: 'x@y.dk', ip, success: false, at: old })));
    const recent = new Date(Date.now() - 5 * 60_000);
    await t.db.insert(loginAttempts).values(Array.from({ length: 29 }, () => ({ email: 'x@y.dk', ip, success: false, at: recent })));
    expect((await loginAs(t.app, 'nogen@test.samspil.dk', 'forkert', ip)).statusCode).toBe(401);
    const limited = await loginAs(t.app, user.email, password, ip);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('rate_limited');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(9 * 60);
    expect(retryAfter).toBeLessThanOrEqual(10 * 60 + 1);
    // Another address is not affected.
    expect((await loginAs(t.app, user.email, password, '10.0.6.2')).statusCode).toBe(200);
  });

  it('rejects malformed JSON with a 400 problem', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/v1/auth/login', payload: '{"email": "a@b.dk",',
      headers: { ...anonymousHeaders, 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('malformed_json');
  });

  it('rejects an invalid body with field errors', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: anonymousHeaders, payload: { email: 'ikke-en-adresse', password: '' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation');
  });
});

describe('CSRF and logout', () => {
  it('refuses a state-changing request without the CSRF header (403 csrf)', async () => {
    const user = await createPasswordUser(t.db, { roles: ['admin'], password });
    const res = await injectAs(t.app, user, {
      method: 'POST', url: '/api/v1/auth/logout', headers: { 'x-csrf-token': '' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf');
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password } });
    expect(login.statusCode).toBe(403);
    expect(login.json().code).toBe('csrf');
  });

  it('logs out: the session row is gone and the cookie no longer works', async () => {
    const user = await createPasswordUser(t.db, { roles: ['analyst'], password });
    const login = await loginAs(t.app, user.email, password, '10.0.7.1');
    const headers = headersAfterLogin(login);
    const before = await t.db.select().from(sessions).where(eq(sessions.userId, user.userId));
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers });
    expect(out.statusCode).toBe(200);
    expect(out.json().user).toBeNull();
    const after = await t.db.select().from(sessions).where(eq(sessions.userId, user.userId));
    expect(after.length).toBe(before.length - 1);
    const session = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers });
    expect(session.json().user).toBeNull();
    const logoutAudit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, user.userId), eq(auditLog.action, 'auth.logout')));
    expect(logoutAudit).toHaveLength(1);
  });

  it('answers the session endpoint for a signed-out client with user null and a CSRF token', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session' });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toBeNull();
    expect(res.json().csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
