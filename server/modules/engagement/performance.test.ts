import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../../db/test-db';
import { createTestApp, type TestActor, type TestApp } from '../../test/helpers';
import { todayInDenmark } from './dates';
import { createCompany, createOrganisations } from './test-fixtures';
import { timelinePage } from './timeline.service';
import { worklist } from './worklist.repo';
import type { Actor } from '../../policy';

let t: TestApp;
let a: TestActor;
let b: TestActor;
let company: { id: string };

const p95 = async (runs: number, work: () => Promise<unknown>): Promise<number> => {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times.sort((x, y) => x - y)[Math.floor(runs * 0.95) - 1];
};

beforeAll(async () => {
  t = await createTestApp();
  ({ a, b } = await createOrganisations(t.db));
  company = await createCompany(t.db, 'Travl');
  // 2,000 events on one company and 20,000 on others, as the timeline benchmark shapes it.
  await t.db.execute(sql`insert into companies (name, source) select 'Fyld ' || g, 'manual' from generate_series(1, 1500) g`);
  await t.db.execute(sql`
    insert into timeline_events (company_id, organisation_id, kind, ref_id, occurred_at, title, confidential)
    select ${company.id}, case when g % 2 = 0 then ${a.organisationId}::uuid else ${b.organisationId}::uuid end, 'referral',
      gen_random_uuid(), now() - g * interval '1 hour', 'Begivenhed ' || g, g % 3 = 0
    from generate_series(1, 2000) g`);
  await t.db.execute(sql`
    insert into timeline_events (company_id, organisation_id, kind, ref_id, occurred_at, title, confidential)
    select c.id, ${b.organisationId}, 'referral', gen_random_uuid(), now() - g * interval '1 day', 'Anden', false
    from (select id from companies where name like 'Fyld %' limit 1000) c, generate_series(1, 20) g`);
  // A portfolio of 1,500 companies in tiers for consultant a, most with a last contact.
  await t.db.execute(sql`insert into contact_tiers (organisation_id, name, cadence_days) values (${a.organisationId}, 'intensiv', 30)`);
  await t.db.execute(sql`insert into company_responsibles (organisation_id, company_id, user_id)
    select ${a.organisationId}, id, ${a.userId} from companies where name like 'Fyld %'`);
  await t.db.execute(sql`insert into company_tiers (organisation_id, company_id, tier_id)
    select ${a.organisationId}, id, (select id from contact_tiers where organisation_id = ${a.organisationId}) from companies where name like 'Fyld %'`);
  await t.db.execute(sql`insert into company_last_contacts (organisation_id, company_id, last_contact_date, interaction_count)
    select ${a.organisationId}, id, current_date - (abs(hashtext(id::text)) % 90), 3 from companies where name like 'Fyld %' and abs(hashtext(id::text)) % 10 <> 0`);
  await t.db.execute(sql`analyze`);
});
afterAll(async () => t?.close());

describe(`engagement read paths stay fast (${testEngine})`, () => {
  it('serves the first timeline page of a company with 2,000 events within 50 ms', async () => {
    const actor: Actor = { id: a.userId, organisationId: a.organisationId, organisationKind: 'business_office', partnershipId: a.partnershipId, roles: ['business_consultant'] };
    let items = 0;
    const time = await p95(20, async () => { items = (await timelinePage(t.db, actor, company.id, { limit: 25 })).items.length; });
    expect(items).toBe(25);
    console.info(`timeline first page p95: ${time.toFixed(1)} ms`);
    expect(time).toBeLessThan(50);
  });

  it('serves a 1,500-company worklist page within 150 ms', async () => {
    let total = 0;
    const time = await p95(20, async () => {
      total = (await worklist(t.db, { organisationId: a.organisationId, userId: a.userId, today: todayInDenmark(), limit: 50, offset: 0 })).total;
    });
    expect(total).toBe(1500);
    console.info(`worklist p95: ${time.toFixed(1)} ms`);
    expect(time).toBeLessThan(150);
  });
});
