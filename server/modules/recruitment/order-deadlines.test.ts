import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Order, OrderLogEntry } from '../../../common/recruitment';
import { testEngine } from '../../db/test-db';
import { createTestApp, injectAs, type TestApp } from '../../test/helpers';
import { closeExpiredOrders, danishToday, startOrderDeadlines } from './order-deadlines';
import { call, createOrder, createOrderWorld, orderBody, type OrderWorld } from './orders.test-fixtures';

let t: TestApp;
let w: OrderWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await createOrderWorld(t.db);
});
afterAll(async () => t?.close());

async function orderAt(status: string, deadline: string | null): Promise<Order> {
  const order = await createOrder(t.app, w.koldingConsultant, orderBody(w.companyB.id, { startDate: null, deadline, submit: status !== 'kladde' }));
  const path: Record<string, string[]> = {
    kladde: [], oprettet: [], under_behandling: ['under_behandling'], inaktiveret: ['under_behandling', 'inaktiveret'], annulleret: ['annulleret'],
  };
  for (const step of path[status]) {
    const res = await injectAs(t.app, w.koldingConsultant, { method: 'POST', url: `/api/v1/orders/${order.id}/status`, payload: { status: step } });
    expect(res.statusCode).toBe(200);
  }
  return order;
}

const statusOf = async (id: string) => (await call<Order>(t.app, w.koldingConsultant, 200, { method: 'GET', url: `/api/v1/orders/${id}` }));

describe(`order deadlines (${testEngine})`, () => {
  it('closes open, in-progress and inactive orders whose deadline day has passed, with a system log line, once', async () => {
    const expired = await Promise.all([
      orderAt('oprettet', '2026-03-14'), orderAt('under_behandling', '2026-01-31'), orderAt('inaktiveret', '2026-03-01'),
    ]);
    const kept = await Promise.all([
      orderAt('oprettet', '2026-03-15'), orderAt('oprettet', null), orderAt('kladde', '2026-03-01'), orderAt('annulleret', '2026-03-01'),
    ]);
    const now = new Date('2026-03-15T05:00:00Z');
    expect(await closeExpiredOrders(t.db, '2026-03-15', now)).toBe(3);
    for (const order of expired) {
      expect(await statusOf(order.id)).toMatchObject({ status: 'afsluttet_frist_udloebet', closedAt: now.toISOString(), statusChangedAt: now.toISOString() });
    }
    expect((await Promise.all(kept.map((o) => statusOf(o.id)))).map((o) => o.status)).toEqual(['oprettet', 'oprettet', 'kladde', 'annulleret']);
    const log = await call<{ items: OrderLogEntry[] }>(t.app, w.vejleConsultant, 200, { method: 'GET', url: `/api/v1/orders/${expired[1].id}/log` });
    // The line is dated by the run (`now`), here before the test's own steps: find it by kind.
    expect(log.items.find((e) => e.kind === 'system')).toMatchObject({
      kind: 'system', fromStatus: 'under_behandling', toStatus: 'afsluttet_frist_udloebet', userName: null, organisationName: null,
      text: 'Ansøgningsfristen 31. januar 2026 er udløbet: Samspil har lukket ordren (Under behandling → Afsluttet – frist udløbet).',
    });
    const audited = (await t.db.execute(sql`select action, user_id, reason from audit_log where action = 'order.afsluttet_frist_udloebet' order by entity_id`)).rows;
    expect(audited).toHaveLength(3);
    expect(audited.every((a) => (a as { user_id: string | null }).user_id === null)).toBe(true);
    // Idempotent: the same day again closes nothing and logs nothing.
    const logLines = async () => ((await t.db.execute(sql`select count(*)::int as n from job_order_log`)).rows[0] as { n: number }).n;
    const before = await logLines();
    expect(await closeExpiredOrders(t.db, '2026-03-15', now)).toBe(0);
    expect(await logLines()).toBe(before);
    // The next day the order due on the 15th goes too.
    expect(await closeExpiredOrders(t.db, '2026-03-16', now)).toBe(1);
    expect((await statusOf(kept[0].id)).status).toBe('afsluttet_frist_udloebet');
  });

  it('runs at start (Danish today) and stops', async () => {
    const yesterday = new Date(Date.parse(`${danishToday()}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const order = await orderAt('oprettet', yesterday);
    const log = { info: vi.fn(), error: vi.fn() } as unknown as FastifyBaseLogger;
    const job = startOrderDeadlines(t.db, log);
    try {
      await vi.waitFor(async () => expect((await statusOf(order.id)).status).toBe('afsluttet_frist_udloebet'), { timeout: 10_000 });
      await vi.waitFor(() => expect(log.info).toHaveBeenCalledWith({ closed: expect.any(Number) }, 'job orders past their deadline closed'));
      expect(log.error).not.toHaveBeenCalled();
    } finally {
      job.stop();
    }
  });
});
