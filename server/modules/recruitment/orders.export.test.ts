import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '../../../common/recruitment';
import { testEngine } from '../../db/test-db';
import { readCsvExport, readWorkbook } from '../../http/export-read';
import { createTestApp, injectAs, type TestActor, type TestApp } from '../../test/helpers';
import { createOrder, createOrderWorld, orderBody, type OrderWorld } from './orders.test-fixtures';

let t: TestApp;
let w: OrderWorld;
let ofA: Order;
let ofB: Order;
let draft: Order;

beforeAll(async () => {
  t = await createTestApp();
  w = await createOrderWorld(t.db);
  ofA = await createOrder(t.app, w.koldingConsultant, orderBody(w.companyA.id, { submit: true, title: '=Svejser (formel)' }));
  ofB = await createOrder(t.app, w.vejleConsultant, orderBody(w.companyB.id, { submit: true, jobType: 'loentilskud', title: 'Lagermedarbejder' }));
  draft = await createOrder(t.app, w.koldingConsultant, orderBody(w.companyB.id, { title: 'Kladde til CNC' }));
});
afterAll(async () => t?.close());

async function csv(actor: TestActor, query: string): Promise<string[][]> {
  const res = await injectAs(t.app, actor, { method: 'GET', url: `/api/v1/orders/export${query}` });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return readCsvExport(res.rawPayload);
}

describe(`job order export (${testEngine})`, () => {
  it('exports the list with its filters, Danish headers and labels, and audits the export', async () => {
    const rows = await csv(w.vejleConsultant, '?format=csv&status=open');
    expect(rows[0].slice(0, 8)).toEqual(['Ordrenummer', 'Status', 'Virksomhed', 'CVR-nummer', 'Ansvarligt jobcenter', 'Stilling', 'Erhverv', 'Jobtype']);
    const byNumber = new Map(rows.slice(1).map((r) => [r[0], r]));
    expect([...byNumber.keys()].sort()).toEqual([ofA.number, ofB.number, draft.number].sort());
    expect(byNumber.get(ofA.number)?.slice(1, 8)).toEqual(['Oprettet', w.companyA.name, w.companyA.cvr, 'Jobcenter Kolding', '\'=Svejser (formel)', 'Svejser', 'Ordinært job']);
    expect(byNumber.get(draft.number)?.[1]).toBe('Kladde');
    const filtered = await csv(w.vejleConsultant, '?jobType=loentilskud');
    expect(filtered.slice(1).map((r) => r[0])).toEqual([ofB.number]);
    const english = await csv(w.vejleConsultant, '?lang=en&status=oprettet');
    expect(english[0][0]).toBe('Order number');
    expect(english.slice(1).map((r) => r[1])).toEqual(['Created', 'Created']);
    const audited = (await t.db.execute(sql`select after from audit_log where action = 'data.export' order by id`)).rows as { after: { list: string; filters: Record<string, unknown>; rows: number } }[];
    expect(audited.map((a) => [a.after.list, a.after.rows])).toEqual([['job_orders', 3], ['job_orders', 1], ['job_orders', 2]]);
    expect(audited[1].after.filters).toMatchObject({ jobType: 'loentilskud' });
  });

  it('exports XLSX too', async () => {
    const res = await injectAs(t.app, w.koldingConsultant, { method: 'GET', url: '/api/v1/orders/export?format=xlsx&status=all' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const sheet = readWorkbook(res.rawPayload).rows();
    expect(sheet).toHaveLength(4);
    expect(sheet[0][0].value).toBe('Ordrenummer');
  });

  it('needs order.read and data.export: analysts and company users may not export orders', async () => {
    expect((await injectAs(t.app, w.analyst, { method: 'GET', url: '/api/v1/orders/export' })).statusCode).toBe(403);
    expect((await injectAs(t.app, w.employerA, { method: 'GET', url: '/api/v1/orders/export' })).statusCode).toBe(403);
    expect((await injectAs(t.app, null, { method: 'GET', url: '/api/v1/orders/export' })).statusCode).toBe(401);
  });
});
