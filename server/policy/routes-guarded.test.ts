import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../db/test-db';
import { createActor, createTestApp, injectAs, type TestApp } from '../test/helpers';

/** Routes a visitor may use without signing in: the sign-in flows and the e-mailed evaluation form (server/http/session.ts isPublicApiPath). */
const publicRoutes = [/^[A-Z]+ \/api\/v1\/auth\//, /^[A-Z]+ \/api\/v1\/evaluations\/:token$/];
/** Routes every signed-in user may use on their own account, whatever their roles. */
const selfService = [/^[A-Z]+ \/api\/v1\/me$/];

const sampleUrl = (url: string) => url.replace(/:([A-Za-z]+)/g, (_, name: string) =>
  /id$/i.test(name) ? '00000000-0000-4000-8000-000000000000' : name === 'cvr' ? '13748136' : name === 'code' ? '7100' : 'x');

describe(`every API route asks the policy (${testEngine})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 401 to an anonymous caller on every non-public /api/v1 route', async () => {
    const guarded = t.app.routeCatalogue.filter((r) =>
      r.url.startsWith('/api/v1/') && r.method !== 'HEAD' && r.method !== 'OPTIONS'
      && !publicRoutes.some((p) => p.test(`${r.method} ${r.url}`)));
    expect(guarded.length).toBeGreaterThan(10);
    const leaks: string[] = [];
    for (const route of guarded) {
      const url = sampleUrl(route.url);
      // A CSRF token is sent so that writes reach the route's own authorisation check.
      const response = await t.app.inject({
        method: route.method as 'GET', url,
        headers: { cookie: 'samspil_csrf=' + 'a'.repeat(43), 'x-csrf-token': 'a'.repeat(43), 'content-type': 'application/json' },
        payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : '{}',
      });
      if (response.statusCode !== 401) leaks.push(`${route.method} ${route.url} → ${response.statusCode}`);
    }
    expect(leaks).toEqual([]);
  });

  it('answers 403 to a signed-in user without roles on every route that reads (the route asked the policy)', async () => {
    const nobody = await createActor(t.db, { roles: [] });
    const reads = t.app.routeCatalogue.filter((r) =>
      r.url.startsWith('/api/v1/') && r.method === 'GET'
      && ![...publicRoutes, ...selfService].some((p) => p.test(`${r.method} ${r.url}`)));
    expect(reads.length).toBeGreaterThan(5);
    const leaks: string[] = [];
    for (const route of reads) {
      const response = await injectAs(t.app, nobody, { method: 'GET', url: sampleUrl(route.url) });
      if (response.statusCode !== 403) leaks.push(`${route.method} ${route.url} → ${response.statusCode}`);
    }
    expect(leaks).toEqual([]);
  });
});
