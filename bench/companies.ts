import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { buildApp } from '../server/app';
import type { Engine } from '../server/db/client';
import { loadEnv } from '../server/env';
import { seededRandom } from '../common/random';
import { importCvr } from '../server/modules/companies';
import { createActor } from '../server/test/helpers';
import { writeSyntheticCvrFile } from './cvr-synth';
import type { Metric } from './metrics';
import { freshDatabase } from './support';

export interface CompaniesBenchOptions {
  engine: Engine;
  /** PGlite in memory instead of a data directory (the quick test run uses this). */
  inMemory?: boolean;
  n: number;
  searches: number;
}

interface Sample { name: string; cvr: string; municipality_code: number; industry_code: string; p_number: string | null; street: string; city: string }

/** A fresh database: PGlite in a temp dir, or a new PostgreSQL database that is dropped afterwards. */
/** A realistic typo: drop, swap or double a letter, or write å as aa. */
function typo(random: () => number, name: string): string {
  const base = name.replace(/ (A\/S|ApS|I\/S)$/, '');
  const r = random();
  if (r < 0.25 && /å/i.test(base)) return base.replace(/å/i, 'aa');
  const i = 1 + Math.floor(random() * Math.max(1, base.length - 2));
  if (r < 0.5) return base.slice(0, i) + base.slice(i + 1);
  if (r < 0.75) return base.slice(0, i) + base[i + 1] + base[i] + base.slice(i + 2);
  return base.slice(0, i) + base[i] + base.slice(i);
}

/** The mixed query workload: names with typos, exact CVR and P-numbers, filters and combinations. */
export function buildQueries(samples: Sample[], count: number, seed = 7): string[] {
  const random = seededRandom(seed);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const withUnits = samples.filter((s) => s.p_number);
  const bands = ['ANTAL_2_4', 'ANTAL_10_19', 'ANTAL_20_49', 'ANTAL_50_99'];
  const queries: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const s = pick(samples);
    const r = random();
    const params = new URLSearchParams();
    if (r < 0.35) params.set('q', typo(random, s.name));
    else if (r < 0.45) params.set('q', s.name.split(' ').slice(0, 2).join(' '));
    else if (r < 0.6) params.set('q', s.cvr);
    else if (r < 0.7) params.set('q', (withUnits.length ? pick(withUnits) : s).p_number ?? s.cvr);
    else if (r < 0.8) {
      params.append('municipality', String(s.municipality_code));
      params.set('industry', random() < 0.5 ? 'C' : s.industry_code.slice(0, 2));
      params.set('sort', 'name');
    } else if (r < 0.9) {
      params.set('q', typo(random, s.name));
      params.append('municipality', String(s.municipality_code));
      params.append('employeeBand', pick(bands));
    } else if (r < 0.95) {
      params.set('q', `${s.street} ${s.city}`);
    } else {
      params.set('industry', s.industry_code.slice(0, 4));
      params.append('employeeBand', pick(bands));
      params.set('status', 'active');
    }
    queries.push(params.toString());
  }
  return queries;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Generates, imports and searches; returns the metrics (the runner prints them). */
export async function runCompaniesBench(options: CompaniesBenchOptions): Promise<Metric[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samspil-bench-'));
  const file = path.join(dir, 'cvr.jsonl');
  const metrics: Metric[] = [];
  const database = await freshDatabase(options.engine, dir, options.inMemory);
  try {
    await writeSyntheticCvrFile(file, options.n);
    const started = performance.now();
    const report = await importCvr(database.db, file, {});
    metrics.push({ metric: 'import_s', value: Number(((performance.now() - started) / 1000).toFixed(2)) });
    if (report.written !== options.n) throw new Error(`importen skrev ${report.written} af ${options.n} virksomheder`);
    fs.rmSync(file);
    await database.db.execute(sql`analyze`);

    const sampleResult = await database.db.execute(sql`
      select c.name, c.cvr, c.municipality_code, c.industry_code, c.street, c.city,
        (select p.p_number from production_units p where p.company_id = c.id limit 1) as p_number
      from companies c order by c.cvr limit 500 offset ${Math.floor(options.n / 3)}`);
    const samples = (sampleResult as unknown as { rows: Sample[] }).rows;
    const app = await buildApp(database, loadEnv({ LOG_LEVEL: 'silent', NODE_ENV: 'test', SAMSPIL_DEMO: 'false' }));
    await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const { port } = app.server.address() as AddressInfo;
      const actor = await createActor(database.db, { roles: ['business_consultant'] });
      const queries = buildQueries(samples, options.searches);
      const timings: number[] = [];
      for (const [i, query] of queries.entries()) {
        const t0 = performance.now();
        const res = await fetch(`http://127.0.0.1:${port}/api/v1/companies?${query}`, { headers: actor.headers });
        await res.arrayBuffer();
        // The first few requests warm up caches and the JIT; they are not measured.
        if (i >= 20) timings.push(performance.now() - t0);
        if (res.status !== 200) throw new Error(`søgning ${query} gav ${res.status}`);
      }
      timings.sort((a, b) => a - b);
      metrics.push({ metric: 'search_p50_ms', value: Number(percentile(timings, 50).toFixed(2)) });
      metrics.push({ metric: 'search_p95_ms', value: Number(percentile(timings, 95).toFixed(2)) });
      metrics.push({ metric: 'rss_mb', value: Math.round(process.memoryUsage().rss / 1024 / 1024) });
    } finally {
      await app.close();
    }
  } finally {
    await database.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return metrics;
}
