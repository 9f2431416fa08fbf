import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { audit } from '../../http/audit';
import { createActor, createTestApp, injectAs, type TestActor, type TestApp } from '../../test/helpers';
import { enqueueEmail } from './outbox';

let t: TestApp;
let admin: TestActor;
let consultant: TestActor;
let outsider: TestActor;

const actorOf = (a: TestActor) => ({ id: a.userId, organisationId: a.organisationId, organisationKind: 'secretariat' as const, partnershipId: a.partnershipId, roles: ['admin' as const] });

beforeAll(async () => {
  t = await createTestApp();
  admin = await createActor(t.db, { roles: ['admin'] });
  consultant = await createActor(t.db, { roles: ['business_consultant'], partnershipId: admin.partnershipId });
  outsider = await createActor(t.db, { roles: ['admin'] });
});
afterAll(async () => {
  await t.close();
});

describe('outbox', () => {
  it('lists the partnership\'s messages, newest first, paged', async () => {
    for (const n of [1, 2, 3]) {
      await enqueueEmail(t.db, { to: `m${n}@test.dk`, subject: `Besked ${n}`, bodyText: `Tekst ${n}`, kind: 'test', partnershipId: admin.partnershipId });
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await enqueueEmail(t.db, { to: 'fremmed@test.dk', subject: 'Andet partnerskab', bodyText: 'x', kind: 'test', partnershipId: outsider.partnershipId });
    const res = await injectAs(t.app, admin, { method: 'GET', url: '/api/v1/admin/outbox?limit=2' });
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(3);
    expect(res.json().items.map((m: { subject: string }) => m.subject)).toEqual(['Besked 3', 'Besked 2']);
    expect(res.json().items[0]).toMatchObject({ toAddress: 'm3@test.dk', bodyText: 'Tekst 3', sentAt: null, lastError: null });
    const rest = await injectAs(t.app, admin, { method: 'GET', url: '/api/v1/admin/outbox?limit=2&offset=2' });
    expect(rest.json().items.map((m: { subject: string }) => m.subject)).toEqual(['Besked 1']);
    const theirs = await injectAs(t.app, outsider, { method: 'GET', url: '/api/v1/admin/outbox' });
    expect(theirs.json().items.map((m: { subject: string }) => m.subject)).toEqual(['Andet partnerskab']);
    expect((await injectAs(t.app, consultant, { method: 'GET', url: '/api/v1/admin/outbox' })).statusCode).toBe(403);
  });
});

describe('audit log', () => {
  beforeAll(async () => {
    const ctx = { actor: actorOf(admin), ip: '127.0.0.1' };
    await audit(t.db, ctx, { action: 'company.updated', entity: 'company', entityId: '13748136', before: { name: 'A' }, after: { name: 'B' } });
    await audit(t.db, ctx, { action: 'organisation.updated', entity: 'organisation', entityId: 'org-1' });
    await audit(t.db, { actor: actorOf(consultant), ip: null }, { action: 'company.created', entity: 'company', entityId: '25313763' });
    await audit(t.db, { actor: actorOf(outsider) }, { action: 'company.created', entity: 'company', entityId: '99999999' });
  });

  const get = (actor: TestActor, query: string) => injectAs(t.app, actor, { method: 'GET', url: `/api/v1/admin/audit${query}` });

  it('lists the partnership\'s entries newest first with the user\'s name', async () => {
    const res = await get(admin, '');
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.map((i: { action: string }) => i.action)).toEqual(['company.created', 'organisation.updated', 'company.updated']);
    expect(items[2]).toMatchObject({ entity: 'company', entityId: '13748136', before: { name: 'A' }, after: { name: 'B' }, userId: admin.userId });
    expect(items[2].userName).toMatch(/^Testbruger/);
    expect(res.json().nextCursor).toBeNull();
  });

  it('filters by entity, entity id, user, action, free text and date range', async () => {
    const ids = async (query: string) => (await get(admin, query)).json().items.map((i: { entityId: string }) => i.entityId);
    expect(await ids('?entity=company')).toEqual(['25313763', '13748136']);
    expect(await ids('?entity=company&entityId=13748136')).toEqual(['13748136']);
    expect(await ids(`?userId=${consultant.userId}`)).toEqual(['25313763']);
    expect(await ids('?action=organisation.updated')).toEqual(['org-1']);
    expect(await ids('?q=1374')).toEqual(['13748136']);
    expect(await ids('?q=ORGANISATION')).toEqual(['org-1']);
    expect(await ids('?q=%25')).toEqual([]);
    const future = encodeURIComponent(new Date(Date.now() + 3600_000).toISOString());
    const past = encodeURIComponent(new Date(Date.now() - 3600_000).toISOString());
    expect(await ids(`?from=${future}`)).toEqual([]);
    expect(await ids(`?from=${past}&to=${future}`)).toHaveLength(3);
    expect(await ids(`?to=${past}`)).toEqual([]);
  });

  it('pages with a cursor', async () => {
    const first = await get(admin, '?limit=2');
    expect(first.json().items).toHaveLength(2);
    const cursor = first.json().nextCursor;
    expect(cursor).toBe(first.json().items[1].id);
    const second = await get(admin, `?limit=2&cursor=${cursor}`);
    expect(second.json().items.map((i: { entityId: string }) => i.entityId)).toEqual(['13748136']);
    expect(second.json().nextCursor).toBeNull();
  });

  it('is for admins only', async () => {
    expect((await get(consultant, '')).statusCode).toBe(403);
    expect((await get(outsider, '')).json().items.map((i: { entityId: string }) => i.entityId)).toEqual(['99999999']);
  });

  it('cannot be changed or deleted: the database refuses', async () => {
    const [row] = await t.db.select().from(auditLog).limit(1);
    await expect(t.db.update(auditLog).set({ action: 'forfalsket' }).where(eq(auditLog.id, row.id))).rejects.toThrow();
    await expect(t.db.delete(auditLog).where(eq(auditLog.id, row.id))).rejects.toThrow();
    await expect(t.db.execute(sql`truncate audit_log`)).rejects.toThrow();
    const [still] = await t.db.select().from(auditLog).where(eq(auditLog.id, row.id));
    expect(still.action).toBe(row.action);
  });
});
