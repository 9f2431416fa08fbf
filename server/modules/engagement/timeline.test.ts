import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../../common/engagement';
import { testEngine } from '../../db/test-db';
import { createActor, createTestApp, type TestActor, type TestApp } from '../../test/helpers';
import { recordTimelineEvent } from './index';
import { inTransaction } from './query.repo';
import { call, createCompany, createOrganisations } from './test-fixtures';

let t: TestApp;
let a: TestActor;
let b: TestActor;
let company: { id: string };
type Page = { items: TimelineEvent[]; nextCursor: string | null };

beforeAll(async () => {
  t = await createTestApp();
  ({ a, b } = await createOrganisations(t.db));
  company = await createCompany(t.db);
  // A second caller (as a referrals module would): 60 events, every third confidential, some sharing a timestamp.
  await inTransaction(t.db, async (tx) => {
    for (let i = 0; i < 60; i += 1) {
      await recordTimelineEvent(tx, {
        companyId: company.id, organisationId: i % 2 === 0 ? a.organisationId : b.organisationId, userId: null,
        kind: i % 5 === 0 ? 'job_order' : 'referral', refId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        occurredAt: new Date(Date.UTC(2025, 0, 1 + Math.floor(i / 2))), title: `Henvisning ${i}`, confidential: i % 3 === 0,
      });
    }
  });
});
afterAll(async () => t?.close());

async function allPages(actor: TestActor, query: string): Promise<TimelineEvent[]> {
  const seen: TimelineEvent[] = [];
  let cursor: string | null = null;
  do {
    const url = `/api/v1/companies/${company.id}/timeline?limit=7${query}${cursor ? `&before=${encodeURIComponent(cursor)}` : ''}`;
    const page: Page = await call<Page>(t.app, actor, 200, { method: 'GET', url });
    expect(page.items.length).toBeLessThanOrEqual(7);
    seen.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return seen;
}

describe(`company timeline (${testEngine})`, () => {
  it('pages newest first without gaps or repeats, ties broken by id', async () => {
    const items = await allPages(a, '');
    expect(items).toHaveLength(60);
    expect(new Set(items.map((e) => e.id)).size).toBe(60);
    const keys = items.map((e) => `${e.occurredAt}_${e.id}`);
    expect([...keys].sort().reverse()).toEqual(keys);
  });

  it('redacts other organisations\' confidential titles and shows own', async () => {
    const items = await allPages(a, '');
    const theirsConfidential = items.filter((e) => e.confidential && e.organisation.id === b.organisationId);
    const ownConfidential = items.filter((e) => e.confidential && e.organisation.id === a.organisationId);
    expect(theirsConfidential.length).toBeGreaterThan(0);
    expect(theirsConfidential.every((e) => e.redacted && e.title === null)).toBe(true);
    expect(ownConfidential.every((e) => !e.redacted && e.title?.startsWith('Henvisning'))).toBe(true);
  });

  it('filters by kind and organisation, replaces an event with the same ref and hides other partnerships', async () => {
    expect((await allPages(a, '&kind=job_order')).map((e) => e.kind)).toEqual(Array(12).fill('job_order'));
    expect((await allPages(a, `&organisationId=${b.organisationId}`)).every((e) => e.organisation.id === b.organisationId)).toBe(true);
    await recordTimelineEvent(t.db, {
      companyId: company.id, organisationId: a.organisationId, userId: a.userId, kind: 'referral',
      refId: '00000000-0000-4000-8000-000000000002', occurredAt: new Date(Date.UTC(2026, 0, 1)), title: 'Henvisning afsluttet', confidential: false,
    });
    const first = await call<Page>(t.app, a, 200, { method: 'GET', url: `/api/v1/companies/${company.id}/timeline?limit=1` });
    expect(first.items[0]).toMatchObject({ title: 'Henvisning afsluttet', refId: '00000000-0000-4000-8000-000000000002' });
    expect(await allPages(a, '')).toHaveLength(60);
    const outsider = await createActor(t.db, { roles: ['business_consultant'] });
    const none = await call<Page>(t.app, outsider, 200, { method: 'GET', url: `/api/v1/companies/${company.id}/timeline` });
    expect(none.items).toEqual([]);
    await call(t.app, a, 400, { method: 'GET', url: `/api/v1/companies/${company.id}/timeline?before=garbage` });
  });
});
