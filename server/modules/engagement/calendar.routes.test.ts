import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarFeedCreated, CalendarFeedStatus } from '../../../common/calendar';
import type { Task } from '../../../common/engagement';
import { calendarFeeds, tasks, users } from '../../db/schema';
import { testEngine } from '../../db/test-db';
import { createTestApp, injectAs, type TestActor, type TestApp } from '../../test/helpers';
import { addDays, todayInDenmark } from './dates';
import { call, createCompany, createOrganisations } from './test-fixtures';

let t: TestApp;
let a: TestActor;
let a2: TestActor;
let analyst: TestActor;
const today = todayInDenmark();
const publicUrl = 'https://samspil.example';

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: publicUrl });
  ({ a, a2, analyst } = await createOrganisations(t.db));
});
afterAll(async () => t?.close());

/** Fetches a feed URL the way a calendar app does: no cookies, no session. */
const fetchFeed = (url: string) => t.app.inject({ method: 'GET', url: url.slice(publicUrl.length) });
const createFeed = async (actor: TestActor) =>
  (await call<CalendarFeedCreated>(t.app, actor, 201, { method: 'POST', url: '/api/v1/me/calendar-feed' })).url;
const unfold = (s: string) => s.replace(/\r\n /g, '');

describe(`calendar feed (${testEngine})`, () => {
  it("serves the user's open tasks only, as iCal, to whoever holds the secret URL", async () => {
    const company = await createCompany(t.db, 'Kalender, Bager; Ålund');
    const visit = await call<Task>(t.app, a, 201, { method: 'POST', url: '/api/v1/tasks', payload: { title: 'Besøg hos bageren', companyId: company.id, dueDate: addDays(today, 3) } });
    const plain = await call<Task>(t.app, a, 201, { method: 'POST', url: '/api/v1/tasks', payload: { title: 'Skriv rapport', dueDate: today } });
    const done = await call<Task>(t.app, a, 201, { method: 'POST', url: '/api/v1/tasks', payload: { title: 'Allerede løst', dueDate: today } });
    await call(t.app, a, 200, { method: 'PATCH', url: `/api/v1/tasks/${done.id}`, payload: { status: 'done' } });
    const colleagues = await call<Task>(t.app, a2, 201, { method: 'POST', url: '/api/v1/tasks', payload: { title: 'Kollegas opgave', dueDate: today } });
    const secret = await call<Task>(t.app, a, 201, { method: 'POST', url: '/api/v1/tasks', payload: { title: 'Hemmelig omstrukturering', dueDate: today } });
    await t.db.update(tasks).set({ confidential: true }).where(eq(tasks.id, secret.id));

    expect(await call<CalendarFeedStatus>(t.app, a, 200, { method: 'GET', url: '/api/v1/me/calendar-feed' })).toMatchObject({ active: false, createdAt: null });
    const url = await createFeed(a);
    expect(url).toMatch(new RegExp(`^${publicUrl}/kalender/[A-Za-z0-9_-]{43}\\.ics$`));
    const token = url.slice(url.lastIndexOf('/') + 1, -4);
    const [stored] = await t.db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, a.userId));
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    const status = await call<CalendarFeedStatus>(t.app, a, 200, { method: 'GET', url: '/api/v1/me/calendar-feed' });
    expect(status.active).toBe(true);
    expect(status.createdAt).not.toBeNull();
    expect(status.raw.body).not.toContain(token);

    const response = await fetchFeed(url);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const ics = unfold(response.body);
    expect(response.body).toContain('\r\n');
    expect(ics).toContain('X-WR-CALNAME:Samspil – Testbruger');
    expect(ics).toContain(`UID:task-${visit.id}@samspil`);
    expect(ics).toContain(`UID:task-${secret.id}@samspil`);
    expect(ics).toContain('SUMMARY:Fortrolig opgave (se Samspil)');
    expect(ics).not.toContain('Hemmelig omstrukturering');
    expect(ics).toContain(`DTSTART;VALUE=DATE:${addDays(today, 3).replace(/-/g, '')}`);
    expect(ics).toContain(`SUMMARY:Besøg hos bageren – Kalender\\, Bager\\; Ålund`);
    expect(ics).toContain(`${publicUrl}/virksomheder/${company.id}`);
    expect(ics).toContain(`UID:task-${plain.id}@samspil`);
    expect(ics).not.toContain(done.id);
    expect(ics).not.toContain(colleagues.id);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(3);

    const audits = (await t.db.execute(sql`select action from audit_log where entity = 'calendar_feed' and entity_id = ${stored.id}`)).rows;
    expect(audits).toEqual([{ action: 'calendar_feed.create' }]);
  });

  it('rotating stops the old URL; revoking stops the current one; unknown tokens look the same', async () => {
    const first = await createFeed(a2);
    expect((await fetchFeed(first)).statusCode).toBe(200);
    const second = await createFeed(a2);
    expect(second).not.toBe(first);
    const old = await fetchFeed(first);
    expect(old.statusCode).toBe(404);
    expect((await fetchFeed(second)).statusCode).toBe(200);

    await call(t.app, a2, 204, { method: 'DELETE', url: '/api/v1/me/calendar-feed' });
    const revoked = await fetchFeed(second);
    expect(revoked.statusCode).toBe(404);
    expect(revoked.body).toBe(old.body);
    const unknown = await fetchFeed(`${publicUrl}/kalender/${'A'.repeat(43)}.ics`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toBe(old.body);
    expect((await fetchFeed(`${publicUrl}/kalender/nonsense`)).statusCode).toBe(404);
    expect((await call<CalendarFeedStatus>(t.app, a2, 200, { method: 'GET', url: '/api/v1/me/calendar-feed' })).active).toBe(false);
    // Revoking again is harmless.
    await call(t.app, a2, 204, { method: 'DELETE', url: '/api/v1/me/calendar-feed' });

    const actions = (await t.db.execute(sql`select a.action from audit_log a join calendar_feeds f on f.id::text = a.entity_id
      where f.user_id = ${a2.userId} and a.entity = 'calendar_feed' order by a.id`)).rows;
    expect(actions).toEqual([{ action: 'calendar_feed.create' }, { action: 'calendar_feed.rotate' }, { action: 'calendar_feed.revoke' }]);
  });

  it('stops serving a user who is deactivated or loses the role', async () => {
    const { a: lost, a2: gone } = await createOrganisations(t.db);
    const lostUrl = await createFeed(lost);
    const goneUrl = await createFeed(gone);
    expect((await fetchFeed(lostUrl)).statusCode).toBe(200);
    await t.db.update(users).set({ roles: ['analyst'] }).where(eq(users.id, lost.userId));
    expect((await fetchFeed(lostUrl)).statusCode).toBe(404);
    await t.db.update(users).set({ status: 'deactivated' }).where(eq(users.id, gone.userId));
    expect((await fetchFeed(goneUrl)).statusCode).toBe(404);
  });

  it('requires a session for the management routes and denies analysts', async () => {
    for (const method of ['GET', 'POST', 'DELETE'] as const) {
      const anonymous = await injectAs(t.app, null, {
        method, url: '/api/v1/me/calendar-feed', headers: { cookie: `samspil_csrf=${'a'.repeat(43)}`, 'x-csrf-token': 'a'.repeat(43) },
      });
      expect(anonymous.statusCode).toBe(401);
      await call(t.app, analyst, 403, { method, url: '/api/v1/me/calendar-feed' });
    }
    const [row] = await t.db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, analyst.userId));
    expect(row).toBeUndefined();
  });
});
