import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task, WorklistItem } from '../../../common/engagement';
import { testEngine } from '../../db/test-db';
import { createTestApp, type TestApp } from '../../test/helpers';
import { seedDemoCompanies } from '../companies';
import { seedDemoPartnership } from '../identity';
import { seedReferenceData } from '../reference';
import { seedDemoEngagement } from './index';
import type { TestActor } from '../../test/helpers';
import { call, sessionFor } from './test-fixtures';

let t: TestApp;
let seconds = 0;

beforeAll(async () => {
  t = await createTestApp();
  await seedReferenceData(t.db);
  await seedDemoPartnership(t.db);
  await seedDemoCompanies(t.db, 3000);
  const started = performance.now();
  expect(await seedDemoEngagement(t.db)).toBe(true);
  seconds = (performance.now() - started) / 1000;
});
afterAll(async () => t?.close());

const count = async (table: string) =>
  ((await t.db.execute(sql.raw(`select count(*)::int as n from ${table}`))).rows as { n: number }[])[0].n;

describe(`demo engagement (${testEngine})`, () => {
  it('seeds quickly and gives Karin Konsulent (Kolding) overdue and due companies, Trekant Stålindustri overdue', async () => {
    console.info(`seedDemoEngagement: ${seconds.toFixed(2)} s`);
    expect(seconds).toBeLessThan(5);
    const karin: TestActor = await sessionFor(t.db, 'konsulent.kolding@demo.samspil.dk');
    const overdue = await call<{ items: WorklistItem[]; total: number }>(t.app, karin, 200, { method: 'GET', url: '/api/v1/engagement/worklist?status=overdue&limit=200' });
    expect(overdue.total).toBeGreaterThan(5);
    expect(overdue.items.find((i) => i.company.name === 'Trekant Stålindustri A/S')).toMatchObject({ status: 'overdue', tier: { name: 'intensiv' } });
    const due = await call<{ items: WorklistItem[] }>(t.app, karin, 200, { method: 'GET', url: '/api/v1/engagement/worklist?status=due&limit=200' });
    expect(due.items.some((i) => i.status === 'due')).toBe(true);
    const tasks = await call<{ items: Task[] }>(t.app, karin, 200, { method: 'GET', url: '/api/v1/tasks' });
    expect(tasks.items.some((x) => x.overdue)).toBe(true);
    expect(tasks.items.some((x) => !x.overdue)).toBe(true);
  });

  it('has two years of interactions from several organisations, some confidential, on the timeline', async () => {
    const stats = (await t.db.execute(sql`select count(*)::int as n, count(distinct organisation_id)::int as orgs,
      count(*) filter (where confidential)::int as confidential, min(date)::text as first from interactions`)).rows[0] as { n: number; orgs: number; confidential: number; first: string };
    expect(stats.n).toBeGreaterThan(2000);
    expect(stats.orgs).toBeGreaterThanOrEqual(4);
    expect(stats.confidential).toBeGreaterThan(50);
    expect(Date.parse(stats.first)).toBeGreaterThan(Date.now() - 740 * 86_400_000);
    expect(await count('timeline_events')).toBe(stats.n + await count('tasks where company_id is not null'));
  });

  it('is idempotent', async () => {
    const before = await Promise.all(['contact_tiers', 'company_responsibles', 'interactions', 'tasks', 'timeline_events'].map(count));
    expect(await seedDemoEngagement(t.db)).toBe(false);
    const after = await Promise.all(['contact_tiers', 'company_responsibles', 'interactions', 'tasks', 'timeline_events'].map(count));
    expect(after).toEqual(before);
  });
});
