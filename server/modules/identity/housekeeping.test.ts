import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAttempts, sessions, userTokens } from '../../db/schema';
import { testEngine } from '../../db/test-db';
import { createActor, createTestApp, type TestApp } from '../../test/helpers';
import { cleanUp } from './housekeeping';

describe(`identity housekeeping (${testEngine})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('removes stale rows and keeps live ones', async () => {
    const actor = await createActor(t.db, { roles: ['analyst'] });
    const now = new Date();
    const days = (n: number) => new Date(now.getTime() - n * 24 * 3600_000);
    await t.db.insert(loginAttempts).values([
      { email: 'a@b.dk', ip: '1.2.3.4', success: false, at: days(2) },
      { email: 'a@b.dk', ip: '1.2.3.4', success: false, at: now },
    ]);
    await t.db.insert(sessions).values({ id: crypto.randomUUID(), userId: actor.userId, csrfToken: 'x', expiresAt: days(1) });
    await t.db.insert(userTokens).values([
      { userId: actor.userId, kind: 'reset', tokenHash: 'old-used', expiresAt: days(40), usedAt: days(40), createdAt: days(41) },
      { userId: actor.userId, kind: 'invite', tokenHash: 'fresh', expiresAt: new Date(now.getTime() + 3600_000), createdAt: now },
    ]);

    const removed = await cleanUp(t.db, now);
    expect(removed).toMatchObject({ loginAttempts: 1, sessions: 1, userTokens: 1 });
    expect(await t.db.select().from(loginAttempts)).toHaveLength(1);
    expect((await t.db.select().from(userTokens)).map((r) => r.tokenHash)).toEqual(['fresh']);
    // the actor's own live session survives
    expect(await t.db.select().from(sessions)).toHaveLength(1);
  });
});
