import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../app';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { installErrorHandling } from './errors';
import { contentDisposition, exportFilters, headersIn, keysetBatches, offsetBatches, sendExport, type ExportColumn } from './export';
import { readCsvExport } from './export-read';

interface Row { n: number; name: string }
const columns: ExportColumn<Row>[] = [
  { key: 'n', header: 'Nr.', value: (r) => r.n, kind: 'number' },
  { key: 'name', header: 'Navn', value: (r) => r.name },
];
const rows = (from: number, count: number): Row[] => Array.from({ length: count }, (_, i) => ({ n: from + i, name: `Række ${from + i}` }));

let database: TestDatabase;
let app: FastifyInstance;

async function exportAudits(): Promise<Record<string, unknown>[]> {
  const result = (await database.db.execute(sql`select after from audit_log where action = 'data.export' order by id`)) as unknown as { rows: { after: Record<string, unknown> }[] };
  return result.rows.map((r) => r.after);
}

beforeAll(async () => {
  database = await createTestDatabase();
  app = Fastify();
  installErrorHandling(app);
  app.decorate('deps', { db: database.db } as unknown as AppDeps);
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionUser', null);
  app.get('/ok', (_request, reply) => sendExport(reply, 'csv', {
    fileName: 'prøve', columns, batches: offsetBatches(async (limit, offset) => rows(offset, Math.max(0, Math.min(limit, 5 - offset))), 2),
    audit: { list: 'test', filters: { q: 'x' } },
  }));
  app.get('/fails-first', (_request, reply) => sendExport(reply, 'xlsx', {
    fileName: 'fejl', columns, batches: { [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error('database nede')) }) },
  }));
  app.get('/fails-later', (_request, reply) => sendExport(reply, 'csv', {
    fileName: 'fejl', columns, batches: (async function* () { yield rows(0, 3); throw new Error('forbindelsen røg'); })(),
    audit: { list: 'later' },
  }));
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe('sendExport', () => {
  it('streams every batch as an attachment and audits list, filters and row count', async () => {
    const res = await app.inject({ method: 'GET', url: '/ok' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="proeve-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''pr%C3%B8ve-/);
    const csv = await readCsvExport(res.rawPayload);
    expect(csv).toEqual([['Nr.', 'Navn'], ...rows(0, 5).map((r) => [String(r.n), r.name])]);
    expect((await exportAudits()).at(-1)).toEqual({ list: 'test', format: 'csv', filters: { q: 'x' }, rows: 5 });
  });

  it('answers a failing first query with problem+json, before any byte of the file', async () => {
    const res = await app.inject({ method: 'GET', url: '/fails-first' });
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.headers['content-disposition']).toBeUndefined();
  });

  it('breaks off a download that fails half-way and audits it as aborted', async () => {
    const before = (await exportAudits()).length;
    await app.inject({ method: 'GET', url: '/fails-later' }).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const audits = await exportAudits();
    expect(audits).toHaveLength(before + 1);
    expect(audits.at(-1)).toEqual({ list: 'later', format: 'csv', filters: {}, rows: 3, aborted: true });
  });
});

describe('batching helpers', () => {
  it('pages by offset and by keyset until a short page, without an empty trailing batch', async () => {
    const data = rows(0, 7);
    const byOffset: number[][] = [];
    for await (const b of offsetBatches(async (limit, offset) => data.slice(offset, offset + limit), 3)) byOffset.push(b.map((r) => r.n));
    expect(byOffset).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    const exact: number[][] = [];
    for await (const b of keysetBatches(async (after: number | null, limit) => data.filter((r) => after === null || r.n > after).slice(0, limit), (r) => r.n, 6)) {
      exact.push(b.map((r) => r.n));
    }
    expect(exact).toEqual([[0, 1, 2, 3, 4, 5], [6]]);
  });

  it('names headers in the user\'s language, records only real filters and builds safe file names', () => {
    expect(headersIn('en', { a: ['Navn', 'Name'] })).toEqual({ a: 'Name' });
    expect(headersIn(null, { a: ['Navn', 'Name'] })).toEqual({ a: 'Navn' });
    expect(exportFilters({ format: 'csv', lang: 'da', q: '', municipality: [], status: 'active', sort: undefined })).toEqual({ status: 'active' });
    expect(contentDisposition('Åbne "opgaver"', 'xlsx', new Date('2026-03-01T23:30:00Z')))
      .toBe('attachment; filename="Abne _opgaver_-2026-03-02.xlsx"; filename*=UTF-8\'\'%C3%85bne%20%22opgaver%22-2026-03-02.xlsx');
  });
});
