import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, sessions, users } from '../../db/schema';
import { createActor, createTestApp, injectAs, type TestActor, type TestApp } from '../../test/helpers';

let t: TestApp;
let admin: TestActor;
let consultant: TestActor;
let outsider: TestActor;

beforeAll(async () => {
  t = await createTestApp();
  admin = await createActor(t.db, { roles: ['admin'], kind: 'secretariat' });
  consultant = await createActor(t.db, { roles: ['business_consultant'], partnershipId: admin.partnershipId });
  outsider = await createActor(t.db, { roles: ['admin'] });
});
afterAll(async () => {
  await t.close();
});

const invite = (actor: TestActor, payload: object) => injectAs(t.app, actor, { method: 'POST', url: '/api/v1/admin/users', payload });
const patch = (actor: TestActor, id: string, payload: object) => injectAs(t.app, actor, { method: 'PATCH', url: `/api/v1/admin/users/${id}`, payload });

describe('users', () => {
  it('lists the partnership\'s users sorted Danish-style, filtered and paged', async () => {
    for (const [name, local] of [['Østergaard Ole', 'ole'], ['Andersen Anna', 'anna'], ['Ærbar Åse', 'aase'], ['Bøgh Bo', 'bo']]) {
      const res = await invite(admin, { email: `${local}@liste.dk`, name, organisationId: consultant.organisationId, roles: ['analyst'] });
      expect(res.statusCode).toBe(201);
    }
    const page = await injectAs(t.app, admin, { method: 'GET', url: `/api/v1/admin/users?organisationId=${consultant.organisationId}&status=invited&limit=3` });
    expect(page.statusCode).toBe(200);
    expect(page.json().total).toBe(4);
    expect(page.json().items.map((u: { name: string }) => u.name)).toEqual(['Andersen Anna', 'Bøgh Bo', 'Ærbar Åse']);
    const next = await injectAs(t.app, admin, { method: 'GET', url: `/api/v1/admin/users?organisationId=${consultant.organisationId}&status=invited&limit=3&offset=3` });
    expect(next.json().items.map((u: { name: string }) => u.name)).toEqual(['Østergaard Ole']);
    const search = await injectAs(t.app, admin, { method: 'GET', url: `/api/v1/admin/users?q=${encodeURIComponent('bogh')}` });
    expect(search.json().items.map((u: { name: string }) => u.name)).toEqual(['Bøgh Bo']);
    const byEmail = await injectAs(t.app, admin, { method: 'GET', url: '/api/v1/admin/users?q=ole@liste' });
    expect(byEmail.json().total).toBe(1);
    const all = await injectAs(t.app, admin, { method: 'GET', url: '/api/v1/admin/users?limit=200' });
    expect(all.json().items.map((u: { id: string }) => u.id)).not.toContain(outsider.userId);
    expect(all.json().items[0]).not.toHaveProperty('passwordHash');
  });

  it('changes name, roles and language, audited with before and after', async () => {
    const user = await createActor(t.db, { roles: ['analyst'], partnershipId: admin.partnershipId, organisationId: consultant.organisationId });
    const res = await patch(admin, user.userId, { name: 'Nyt Navn', roles: ['analyst', 'secretariat'], locale: 'en' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Nyt Navn', roles: ['analyst', 'secretariat'] });
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.entityId, user.userId));
    expect(entry.action).toBe('user.updated');
    expect(entry.before).toMatchObject({ roles: ['analyst'], locale: 'da' });
    expect(entry.after).toMatchObject({ name: 'Nyt Navn', roles: ['analyst', 'secretariat'], locale: 'en' });
  });

  it('deactivation ends the user\'s sessions; reactivation works', async () => {
    const user = await createActor(t.db, { roles: ['analyst'], partnershipId: admin.partnershipId });
    expect((await injectAs(t.app, user, { method: 'GET', url: '/api/v1/auth/session' })).json().user).not.toBeNull();
    const res = await patch(admin, user.userId, { status: 'deactivated' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('deactivated');
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, user.userId))).toHaveLength(0);
    expect((await injectAs(t.app, user, { method: 'GET', url: '/api/v1/auth/session' })).json().user).toBeNull();
    await t.db.update(users).set({ passwordHash: 'x' }).where(eq(users.id, user.userId));
    expect((await patch(admin, user.userId, { status: 'active' })).json().status).toBe('active');
  });

  it('will not let an admin lock themself out, or activate a pending invitation', async () => {
    const self = await patch(admin, admin.userId, { status: 'deactivated' });
    expect(self.statusCode).toBe(409);
    expect(self.json().code).toBe('self_lockout');
    const demote = await patch(admin, admin.userId, { roles: ['analyst'] });
    expect(demote.statusCode).toBe(409);
    expect((await patch(admin, admin.userId, { roles: ['admin', 'analyst'] })).statusCode).toBe(200);
    const invited = await invite(admin, { email: 'afventer@liste.dk', name: 'Afventer', organisationId: admin.organisationId, roles: ['analyst'] });
    const activate = await patch(admin, invited.json().id, { status: 'active' });
    expect(activate.statusCode).toBe(409);
    expect(activate.json().code).toBe('invitation_pending');
  });

  it('denies a business consultant (403) and hides other partnerships (404)', async () => {
    expect((await injectAs(t.app, consultant, { method: 'GET', url: '/api/v1/admin/users' })).statusCode).toBe(403);
    expect((await invite(consultant, { email: 'nej@liste.dk', name: 'Nej', organisationId: consultant.organisationId, roles: ['admin'] })).statusCode).toBe(403);
    expect((await patch(consultant, consultant.userId, { roles: ['admin'] })).statusCode).toBe(403);
    expect((await patch(outsider, consultant.userId, { name: 'Hacket' })).statusCode).toBe(404);
    expect((await injectAs(t.app, outsider, { method: 'GET', url: `/api/v1/admin/users/${consultant.userId}` })).statusCode).toBe(404);
    expect((await injectAs(t.app, outsider, { method: 'POST', url: `/api/v1/admin/users/${consultant.userId}/reinvite` })).statusCode).toBe(404);
    // Inviting into another partnership's organisation is refused as if it did not exist.
    const cross = await invite(outsider, { email: 'kryds@liste.dk', name: 'Kryds', organisationId: admin.organisationId, roles: ['analyst'] });
    expect(cross.statusCode).toBe(404);
    const [row] = await t.db.select().from(users).where(eq(users.id, consultant.userId));
    expect(row.name).not.toBe('Hacket');
  });
});

describe('my profile', () => {
  it('lets any signed-in user change their own name and language', async () => {
    const me = await createActor(t.db, { roles: ['school_coordinator'], partnershipId: admin.partnershipId });
    const res = await injectAs(t.app, me, { method: 'PATCH', url: '/api/v1/me', payload: { name: 'Mig Selv', locale: 'en' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ id: me.userId, name: 'Mig Selv', locale: 'en' });
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.entityId, me.userId));
    expect(entry.action).toBe('user.profile_updated');
    const anonymous = { 'x-csrf-token': 'a'.repeat(43), cookie: `samspil_csrf=${'a'.repeat(43)}` };
    expect((await injectAs(t.app, null, { method: 'PATCH', url: '/api/v1/me', payload: { name: 'X' }, headers: anonymous })).statusCode).toBe(401);
  });
});
