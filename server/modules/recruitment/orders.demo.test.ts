import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderList } from '../../../common/recruitment';
import { testEngine } from '../../db/test-db';
import { createTestApp, type TestApp } from '../../test/helpers';
import { seedDemoCompanies } from '../companies';
import { seedDemoPartnership } from '../identity';
import { seedReferenceData } from '../reference';
import { demoEmployerCompany, demoEmployerEmail, seedDemoOrders } from './orders.demo';

let t: TestApp;
const now = new Date('2026-11-21T10:00:00Z');

beforeAll(async () => {
  t = await createTestApp();
  await seedReferenceData(t.db);
  await seedDemoPartnership(t.db);
  await seedDemoCompanies(t.db, 10);
});
afterAll(async () => t?.close());

/** Signs in with e-mail and password the way the web app does; returns headers for later requests. */
async function signIn(email: string): Promise<Record<string, string>> {
  const csrf = crypto.randomBytes(32).toString('base64url');
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { cookie: `samspil_csrf=${csrf}`, 'x-csrf-token': csrf }, payload: { email, password: 'Samspil-demo-2026' } });
  expect(res.statusCode, res.body).toBe(200);
  const cookies = Object.fromEntries((res.cookies as LightMyRequestResponse['cookies']).map((c) => [c.name, c.value]));
  return { cookie: `samspil_session=${cookies.samspil_session}; samspil_csrf=${cookies.samspil_csrf}`, 'x-csrf-token': cookies.samspil_csrf };
}

describe(`demo job orders (${testEngine})`, () => {
  it('seeds six orders in every kind of status at three job centres, with logs, once', async () => {
    expect(await seedDemoOrders(t.db, now)).toBe(6);
    expect(await seedDemoOrders(t.db, now)).toBe(0);
    const orders = (await t.db.execute(sql`select o.status, h.name as holder, o.created_via, o.opened_at is not null as opened, o.closed_at is not null as closed,
        (select count(*)::int from job_order_log l where l.order_id = o.id) as log_lines
      from job_orders o join organisations h on h.id = o.holding_organisation_id order by o.number`)).rows as {
      status: string; holder: string; created_via: string; opened: boolean; closed: boolean; log_lines: number;
    }[];
    expect(orders.map((o) => o.status).sort()).toEqual(['afsluttet_behov_opfyldt', 'inaktiveret', 'kladde', 'oprettet', 'oprettet', 'under_behandling']);
    expect(new Set(orders.map((o) => o.holder))).toEqual(new Set(['Jobcenter Kolding', 'Jobcenter Vejle', 'Jobcenter Fredericia']));
    expect(orders.filter((o) => o.created_via === 'employer')).toHaveLength(1);
    for (const o of orders) {
      expect(o.opened).toBe(o.status !== 'kladde');
      expect(o.closed).toBe(o.status === 'afsluttet_behov_opfyldt');
      expect(o.log_lines).toBeGreaterThanOrEqual(1);
    }
  });

  it('lets the demo company user sign in and see only its company\'s orders; the job centre consultants see all', async () => {
    await seedDemoOrders(t.db, now);
    const employer = await signIn(demoEmployerEmail);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/employer/me', headers: employer });
    expect(me.json()).toMatchObject({ name: demoEmployerCompany });
    const own = (await t.app.inject({ method: 'GET', url: '/api/v1/orders?status=all', headers: employer })).json() as OrderList;
    expect(own.total).toBe(3);
    expect(own.items.every((o) => o.companyName === demoEmployerCompany)).toBe(true);
    for (const email of ['jobcenter.kolding@demo.samspil.dk', 'jobcenter.vejle@demo.samspil.dk']) {
      const all = (await t.app.inject({ method: 'GET', url: '/api/v1/orders?status=all', headers: await signIn(email) })).json() as OrderList;
      expect(all.total).toBe(6);
    }
  });
});
