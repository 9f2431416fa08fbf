import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompanyEngagement, Responsible, Tier, WorklistItem } from '../../../common/engagement';
import { testEngine } from '../../db/test-db';
import { createTestApp, type TestActor, type TestApp } from '../../test/helpers';
import { addDays, todayInDenmark } from './dates';
import { call, createCompany, createOrganisations } from './test-fixtures';

let t: TestApp;
let a: TestActor;
let a2: TestActor;
let b: TestActor;
let analyst: TestActor;
const today = todayInDenmark();
type Worklist = { items: WorklistItem[]; total: number };

beforeAll(async () => {
  t = await createTestApp();
  ({ a, a2, b, analyst } = await createOrganisations(t.db));
});
afterAll(async () => t?.close());

const logContact = (actor: TestActor, companyId: string, date: string, confidential = false) =>
  call(t.app, actor, 201, { method: 'POST', url: `/api/v1/companies/${companyId}/interactions`, payload: { date, channel: 'phone', purpose: 'retention', confidential, notes: 'N' } });

describe(`tiers, responsibles and the worklist (${testEngine})`, () => {
  let intensiv: Tier;
  let loebende: Tier;

  it('manages the organisation\'s tiers', async () => {
    intensiv = await call<Tier>(t.app, a, 201, { method: 'POST', url: '/api/v1/engagement/tiers', payload: { name: 'intensiv', cadenceDays: 30 } });
    loebende = await call<Tier>(t.app, a, 201, { method: 'POST', url: '/api/v1/engagement/tiers', payload: { name: 'løbende', cadenceDays: 180 } });
    await call(t.app, a, 409, { method: 'POST', url: '/api/v1/engagement/tiers', payload: { name: 'Intensiv', cadenceDays: 10 } });
    await call(t.app, b, 201, { method: 'POST', url: '/api/v1/engagement/tiers', payload: { name: 'intensiv', cadenceDays: 14 } });
    const tmp = await call<Tier>(t.app, a, 201, { method: 'POST', url: '/api/v1/engagement/tiers', payload: { name: 'midlertidig', cadenceDays: 90 } });
    expect((await call<Tier>(t.app, a, 200, { method: 'PATCH', url: `/api/v1/engagement/tiers/${tmp.id}`, payload: { cadenceDays: 60 } })).cadenceDays).toBe(60);
    await call(t.app, b, 404, { method: 'PATCH', url: `/api/v1/engagement/tiers/${tmp.id}`, payload: { cadenceDays: 1 } });
    await call(t.app, a, 204, { method: 'DELETE', url: `/api/v1/engagement/tiers/${tmp.id}` });
    const list = await call<{ items: Tier[] }>(t.app, a, 200, { method: 'GET', url: '/api/v1/engagement/tiers' });
    expect(list.items.map((x) => [x.name, x.cadenceDays])).toEqual([['intensiv', 30], ['løbende', 180]]);
    await call(t.app, a, 400, { method: 'POST', url: '/api/v1/engagement/tiers', payload: { name: 'nul', cadenceDays: 0 } });
  });

  it('computes due and overdue from the organisation\'s own last contact, most overdue first', async () => {
    const c = await Promise.all([1, 2, 3, 4, 5, 6, 7].map((i) => createCompany(t.db, `Arbejdsliste ${i}`)));
    const place = async (actor: TestActor, companyId: string, tier: Tier | null, responsible: TestActor) => {
      await call<Responsible>(t.app, actor, 200, { method: 'PUT', url: `/api/v1/companies/${companyId}/responsible`, payload: { userId: responsible.userId } });
      if (tier) await call(t.app, actor, 200, { method: 'PUT', url: `/api/v1/companies/${companyId}/tier`, payload: { tierId: tier.id } });
    };
    await place(a, c[0].id, intensiv, a);
    await place(a, c[1].id, loebende, a);
    await place(a, c[2].id, intensiv, a);
    await place(a, c[3].id, intensiv, a);
    await place(a, c[4].id, loebende, a);
    await place(a, c[5].id, null, a);
    await place(a, c[6].id, intensiv, a2);
    await logContact(a, c[0].id, addDays(today, -45));
    await logContact(a, c[0].id, addDays(today, -90));
    await logContact(a, c[1].id, addDays(today, -200), true);
    await logContact(a, c[3].id, addDays(today, -20));
    await logContact(a, c[4].id, addDays(today, -10));
    await logContact(b, c[2].id, today); // another organisation's contact does not count for a

    const all = await call<Worklist>(t.app, a, 200, { method: 'GET', url: '/api/v1/engagement/worklist?consultant=me&status=all' });
    expect(all.total).toBe(5);
    expect(all.items.map((i) => [i.company.id, i.daysOverdue, i.status, i.lastContactDate])).toEqual([
      [c[1].id, 20, 'overdue', addDays(today, -200)],
      [c[0].id, 15, 'overdue', addDays(today, -45)],
      [c[2].id, 0, 'due', null],
      [c[3].id, -10, 'due', addDays(today, -20)],
      [c[4].id, -170, 'upcoming', addDays(today, -10)],
    ]);
    expect(all.items[1]).toMatchObject({ nextDueDate: addDays(today, -15), tier: { name: 'intensiv', cadenceDays: 30 } });
    const due = await call<Worklist>(t.app, a, 200, { method: 'GET', url: '/api/v1/engagement/worklist?status=due&limit=2' });
    expect(due.total).toBe(4);
    expect(due.items.map((i) => i.company.id)).toEqual([c[1].id, c[0].id]);
    const overdue = await call<Worklist>(t.app, a, 200, { method: 'GET', url: '/api/v1/engagement/worklist?status=overdue' });
    expect(overdue.items.map((i) => i.company.id)).toEqual([c[1].id, c[0].id]);
    const colleague = await call<Worklist>(t.app, a, 200, { method: 'GET', url: `/api/v1/engagement/worklist?consultant=${a2.userId}&status=all` });
    expect(colleague.items.map((i) => i.company.id)).toEqual([c[6].id]);
    await call(t.app, a, 400, { method: 'GET', url: `/api/v1/engagement/worklist?consultant=${b.userId}` });

    // Logging today's contact takes the company off the overdue list.
    await logContact(a, c[1].id, today);
    const after = await call<Worklist>(t.app, a, 200, { method: 'GET', url: '/api/v1/engagement/worklist?status=overdue' });
    expect(after.items.map((i) => i.company.id)).toEqual([c[0].id]);
  });

  it('shows who else works with the company: responsible, last contact and counts incl. confidential', async () => {
    const company = await createCompany(t.db, 'Fælles');
    await call(t.app, a, 200, { method: 'PUT', url: `/api/v1/companies/${company.id}/responsible`, payload: { userId: a2.userId } });
    await call(t.app, a, 200, { method: 'PUT', url: `/api/v1/companies/${company.id}/tier`, payload: { tierId: intensiv.id } });
    await logContact(b, company.id, addDays(today, -5), true);
    await logContact(b, company.id, addDays(today, -40));
    await logContact(a, company.id, addDays(today, -60));
    const seen = await call<CompanyEngagement>(t.app, b, 200, { method: 'GET', url: `/api/v1/companies/${company.id}/engagement` });
    expect(seen.items.map((i) => [i.organisation.id, i.responsible?.id ?? null, i.lastContactDate, i.interactionCount])).toEqual([
      [b.organisationId, null, addDays(today, -5), 2],
      [a.organisationId, a2.userId, addDays(today, -60), 1],
    ]);
    expect(seen.ownTier).toBeNull();
    const own = await call<CompanyEngagement>(t.app, a, 200, { method: 'GET', url: `/api/v1/companies/${company.id}/engagement` });
    expect(own.ownTier).toMatchObject({ tierId: intensiv.id, cadenceDays: 30 });

    await call(t.app, a, 400, { method: 'PUT', url: `/api/v1/companies/${company.id}/responsible`, payload: { userId: b.userId } });
    await call(t.app, b, 400, { method: 'PUT', url: `/api/v1/companies/${company.id}/tier`, payload: { tierId: intensiv.id } });
    await call(t.app, a, 409, { method: 'DELETE', url: `/api/v1/engagement/tiers/${intensiv.id}` });
    await call(t.app, a, 204, { method: 'DELETE', url: `/api/v1/companies/${company.id}/responsible` });
    await call(t.app, a, 204, { method: 'DELETE', url: `/api/v1/companies/${company.id}/tier` });
    await call(t.app, a, 404, { method: 'DELETE', url: `/api/v1/companies/${company.id}/tier` });
    const later = await call<CompanyEngagement>(t.app, b, 200, { method: 'GET', url: `/api/v1/companies/${company.id}/engagement` });
    expect(later.items.find((i) => i.organisation.id === a.organisationId)?.responsible).toBeNull();
  });

  it('denies analysts tiers, responsibles and the worklist', async () => {
    await call(t.app, analyst, 403, { method: 'GET', url: '/api/v1/engagement/worklist' });
    await call(t.app, analyst, 403, { method: 'GET', url: '/api/v1/engagement/tiers' });
    await call(t.app, analyst, 403, { method: 'POST', url: '/api/v1/engagement/tiers', payload: { name: 'x', cadenceDays: 3 } });
    const company = await createCompany(t.db);
    await call(t.app, analyst, 403, { method: 'PUT', url: `/api/v1/companies/${company.id}/responsible`, payload: { userId: analyst.userId } });
  });
});
