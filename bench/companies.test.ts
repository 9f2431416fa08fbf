import { describe, expect, it } from 'vitest';
import { buildQueries, runCompaniesBench } from './companies';

describe('companies benchmark (small run so the bench code cannot rot)', () => {
  it('generates, imports 2,000 companies and runs searches over HTTP', async () => {
    const metrics = await runCompaniesBench({ engine: 'pglite', n: 2000, searches: 60, inMemory: true });
    const names = metrics.map((m) => m.metric);
    expect(names).toEqual(['import_s', 'search_p50_ms', 'search_p95_ms', 'rss_mb']);
    for (const m of metrics) expect(m.value).toBeGreaterThan(0);
  }, 180_000);

  it('builds a deterministic mixed workload', () => {
    const samples = [{ name: 'Trekant Stålindustri A/S', cvr: '91000006', municipality_code: 621, industry_code: '251100', p_number: '9800000000', street: 'Industrivej 4', city: 'Kolding' }];
    const a = buildQueries(samples, 200);
    expect(a).toEqual(buildQueries(samples, 200));
    expect(a.some((q) => q.includes('q=91000006'))).toBe(true);
    expect(a.some((q) => q.includes('q=9800000000'))).toBe(true);
    expect(a.some((q) => q.includes('municipality=621'))).toBe(true);
  });
});
