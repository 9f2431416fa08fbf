import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { buildApp } from '../server/app';
import type { Database, Engine } from '../server/db/client';
import { loadEnv } from '../server/env';
import { seedBuiltins } from '../server/seed';
import { generateEngagementWorld, sessionHeaders, type EngagementWorldOptions } from './engagement-synth';
import type { Metric } from './metrics';
import { freshDatabase, percentile, round } from './support';

export interface EngagementBenchOptions extends EngagementWorldOptions {
  engine: Engine;
  /** PGlite in memory instead of a data directory (the quick test run uses this). */
  inMemory?: boolean;
  /** Rows in the export and import measurements (100,000 in the real run). */
  transferRows: number;
  /** Requests per latency metric. */
  requests: number;
}

export const fullScale: EngagementWorldOptions & { transferRows: number; requests: number } = {
  companies: 300_000, interactions: 2_000_000, organisations: 40, consultantsPerOrg: 5, sectionC: 100_000, busyEvents: 2_000,
  transferRows: 100_000, requests: 100,
};


/** A manager of the organisation, signed in. */
async function benchManager(db: Database['db'], organisationId: string): Promise<Record<string, string>> {
  const [user] = (await db.execute<{ id: string }>(sql`
    insert into users (organisation_id, email, name, roles, status)
    values (${organisationId}, 'leder-' || ${organisationId} || '@bench.samspil.dk', 'Benchmark-leder', '{manager}', 'active') returning id`)).rows;
  return sessionHeaders(db, user.id);
}

/** A CRM export: semicolon CSV with Danish headers, one interaction per row on the synthetic companies. */
function crmFile(rows: number, cvrs: string[]): string {
  const channels = ['Besøg', 'Telefon', 'Møde', 'E-mail'];
  const purposes = ['Rekruttering', 'Fastholdelse', 'Opkvalificering', 'Erhvervsudvikling'];
  const lines = ['Ekstern id;CVR;Dato;Kontaktform;Formål;Note'];
  for (let i = 1; i <= rows; i += 1) {
    const cvr = cvrs[(i * 7919) % cvrs.length];
    const day = 1 + (i % 28);
    const month = 1 + (i % 12);
    lines.push(`CRM-${i};${cvr};${String(day).padStart(2, '0')}-${String(month).padStart(2, '0')}-2025;${channels[i % 4]};${purposes[i % 4]};"Importeret note ${i}; fra det gamle system"`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

interface JobState { status: string; errorRows: number; failure: string | null; result: { inserted: number } | null }

async function send(base: string, headers: Record<string, string>, method: string, url: string, body: string, type = 'application/json'): Promise<unknown> {
  const res = await fetch(base + url, { method, headers: { ...headers, 'content-type': type }, body });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${url} gav ${res.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

async function waitFor(base: string, headers: Record<string, string>, id: string, statuses: string[]): Promise<JobState> {
  for (;;) {
    const res = await fetch(`${base}/api/v1/engagement/imports/${id}`, { headers });
    const job = await res.json() as JobState;
    if (statuses.includes(job.status)) return job;
    if (job.status === 'failed') throw new Error(`the import failed: ${job.failure}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Generates the world, then measures the consultant's and the manager's read paths and the bulk transfers over HTTP. */
export async function runEngagementBench(options: EngagementBenchOptions, log: (line: string) => void = () => {}): Promise<Metric[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samspil-bench-engagement-'));
  const metrics: Metric[] = [];
  const database = await freshDatabase(options.engine, dir, options.inMemory);
  try {
    await seedBuiltins(database.db);
    const t0 = performance.now();
    const world = await generateEngagementWorld(database.db, options);
    log(`data generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    metrics.push({ metric: 'generate_s', value: round((performance.now() - t0) / 1000, 1) });

    const app = await buildApp(database, loadEnv({ LOG_LEVEL: 'silent', NODE_ENV: 'test', SAMSPIL_DEMO: 'false' }));
    await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const { port } = app.server.address() as AddressInfo;
      const base = `http://127.0.0.1:${port}`;
      const get = async (headers: Record<string, string>, url: string) => {
        const res = await fetch(base + url, { headers });
        const body = await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`GET ${url} gav ${res.status}: ${Buffer.from(body).toString('utf8').slice(0, 300)}`);
        return body;
      };
      const timed = async (headers: Record<string, string>, url: string) => {
        const started = performance.now();
        await get(headers, url);
        return performance.now() - started;
      };

      // Worklist: consultants spread over the organisations, each their own due/overdue list.
      const step = Math.max(1, Math.floor(world.consultants.length / 20));
      const sampled = world.consultants.filter((_, i) => i % step === 0).slice(0, 20);
      const consultantHeaders = await Promise.all(sampled.map((c) => sessionHeaders(database.db, c.userId)));
      for (const headers of consultantHeaders.slice(0, 3)) await get(headers, '/api/v1/engagement/worklist');
      const worklist: number[] = [];
      for (let i = 0; i < options.requests; i += 1) {
        worklist.push(await timed(consultantHeaders[i % consultantHeaders.length], `/api/v1/engagement/worklist?status=${i % 2 ? 'overdue' : 'due'}`));
      }
      metrics.push({ metric: 'worklist_p95_ms', value: round(percentile(worklist, 95)) });

      // Timeline: the busy company's first page, as consultants of different organisations (confidential items vary).
      const timeline: number[] = [];
      await get(consultantHeaders[0], `/api/v1/companies/${world.busyCompanyId}/timeline`);
      for (let i = 0; i < options.requests; i += 1) {
        timeline.push(await timed(consultantHeaders[i % consultantHeaders.length], `/api/v1/companies/${world.busyCompanyId}/timeline`));
      }
      metrics.push({ metric: 'timeline_p95_ms', value: round(percentile(timeline, 95)) });

      // Coverage: the whole KPI page's data (the dashboard and its map) for an organisation's manager; median of runs.
      const manager = await benchManager(database.db, world.organisationIds[0]);
      await Promise.all([get(manager, '/api/v1/engagement/coverage'), get(manager, '/api/v1/engagement/coverage/map')]);
      const coverage: number[] = [];
      for (let i = 0; i < Math.max(5, Math.ceil(options.requests / 10)); i += 1) {
        const started = performance.now();
        await Promise.all([get(manager, '/api/v1/engagement/coverage'), get(manager, '/api/v1/engagement/coverage/map')]);
        coverage.push(performance.now() - started);
      }
      metrics.push({ metric: 'coverage_dashboard_ms', value: round(percentile(coverage, 50)) });

      // Export: every company of DB07 section C (exactly `sectionC` rows) as CSV, as a consultant downloads it.
      const exportStarted = performance.now();
      const file = Buffer.from(await get(consultantHeaders[0], '/api/v1/companies/export?format=csv&industry=C')).toString('utf8');
      const exportedRows = file.split('\r\n').filter((line) => line.length > 0).length - 1;
      if (exportedRows !== options.sectionC) throw new Error(`the export had ${exportedRows} rows, expected ${options.sectionC}`);
      metrics.push({ metric: 'export_100k_rows_s', value: round((performance.now() - exportStarted) / 1000) });

      // Import: a CRM file of `transferRows` interactions through upload, mapping, dry run and apply.
      const cvrs = (await database.db.execute<{ cvr: string }>(sql`
        select cvr from companies where cvr between '60000000' and '69999999' order by cvr`)).rows.map((r) => r.cvr);
      const csv = crmFile(options.transferRows, cvrs);
      const importStarted = performance.now();
      const job = await send(base, manager, 'POST', '/api/v1/engagement/imports?kind=interactions&fileName=crm.csv', csv, 'text/csv') as { id: string };
      await send(base, manager, 'PUT', `/api/v1/engagement/imports/${job.id}/mapping`, JSON.stringify({
        mapping: { externalRef: 'Ekstern id', cvr: 'CVR', date: 'Dato', channel: 'Kontaktform', purpose: 'Formål', notes: 'Note' },
      }));
      const validated = await waitFor(base, manager, job.id, ['validated']);
      if (validated.errorRows !== 0) throw new Error(`the import's dry run found ${validated.errorRows} bad rows`);
      await send(base, manager, 'POST', `/api/v1/engagement/imports/${job.id}/apply`, '{}');
      const applied = await waitFor(base, manager, job.id, ['applied']);
      if (applied.result?.inserted !== options.transferRows) throw new Error(`the import wrote ${applied.result?.inserted} of ${options.transferRows} rows`);
      metrics.push({ metric: 'import_100k_rows_s', value: round((performance.now() - importStarted) / 1000) });
    } finally {
      await app.close();
    }
  } finally {
    await database.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return metrics;
}
