import { describe, expect, it } from 'vitest';
import { runExportBench } from './export';

describe('export benchmark (small run so the bench code cannot rot)', () => {
  it('seeds 3,000 companies and downloads them all as CSV and XLSX over HTTP', async () => {
    const metrics = await runExportBench({ engine: 'pglite', n: 3000, inMemory: true });
    expect(metrics.map((m) => m.metric)).toEqual(['seed_s', 'csv_s', 'xlsx_s', 'csv_mb', 'xlsx_mb', 'rss_peak_mb']);
    for (const m of metrics) expect(m.value).toBeGreaterThan(0);
  }, 120_000);
});
