import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../server/app';
import type { Engine } from '../server/db/client';
import { loadEnv } from '../server/env';
import { countSheetRows, readCsvExport, readWorkbook } from '../server/http/export-read';
import { createActor } from '../server/test/helpers';
import { massMunicipality, seedMassCompanies } from '../server/test/mass-companies';
import type { Metric } from './metrics';
import { freshDatabase } from './support';

export interface ExportBenchOptions {
  engine: Engine;
  n: number;
  /** PGlite in memory instead of a data directory (the quick test run uses this). */
  inMemory?: boolean;
}

/**
 * Seeds n companies and downloads all of them over HTTP as CSV and as XLSX (the company register's
 * export, the largest list), checking each file's row count. Reports seconds per export, file sizes and
 * the server's peak RSS (the export streams, so memory must not grow with n).
 */
export async function runExportBench(options: ExportBenchOptions): Promise<Metric[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samspil-bench-export-'));
  const database = await freshDatabase(options.engine, dir, options.inMemory);
  const app = await buildApp(database, loadEnv({ LOG_LEVEL: 'silent', NODE_ENV: 'test', SAMSPIL_DEMO: 'false' }));
  try {
    const seedStart = performance.now();
    await seedMassCompanies(database.db, options.n);
    const seedSeconds = (performance.now() - seedStart) / 1000;
    const actor = await createActor(database.db, { roles: ['business_consultant'] });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 50);
    const download = async (format: 'csv' | 'xlsx') => {
      const start = performance.now();
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/companies/export?format=${format}&municipality=${massMunicipality}`, {
        headers: { cookie: actor.headers.cookie },
      });
      if (!res.ok) throw new Error(`${format}: HTTP ${res.status} ${await res.text()}`);
      const body = Buffer.from(await res.arrayBuffer());
      return { seconds: (performance.now() - start) / 1000, body };
    };
    const csv = await download('csv');
    const xlsx = await download('xlsx');
    clearInterval(sampler);
    const csvRows = (await readCsvExport(csv.body)).length - 1;
    const xlsxRows = countSheetRows(readWorkbook(xlsx.body).sheetXml) - 1;
    if (csvRows !== options.n || xlsxRows !== options.n) throw new Error(`Expected ${options.n} rows, CSV had ${csvRows}, XLSX ${xlsxRows}.`);
    return [
      { metric: 'seed_s', value: round(seedSeconds) },
      { metric: 'csv_s', value: round(csv.seconds) },
      { metric: 'xlsx_s', value: round(xlsx.seconds) },
      { metric: 'csv_mb', value: round(csv.body.length / 1e6) },
      { metric: 'xlsx_mb', value: round(xlsx.body.length / 1e6) },
      { metric: 'rss_peak_mb', value: Math.round(peakRss / 1e6) },
    ];
  } finally {
    await app.close();
    await database.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const round = (n: number) => Math.round(n * 100) / 100;
