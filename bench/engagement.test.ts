import { describe, expect, it } from 'vitest';
import { runEngagementBench } from './engagement';

describe('engagement benchmark (small run so the bench code cannot rot)', () => {
  it('generates a small world and measures every metric over HTTP', async () => {
    const metrics = await runEngagementBench({
      engine: 'pglite', inMemory: true, companies: 2000, interactions: 12_000, organisations: 4, consultantsPerOrg: 3,
      sectionC: 700, busyEvents: 300, transferRows: 700, requests: 10,
    });
    const names = metrics.map((m) => m.metric);
    expect(names).toEqual(['generate_s', 'worklist_p95_ms', 'timeline_p95_ms', 'coverage_dashboard_ms', 'export_100k_rows_s', 'import_100k_rows_s']);
    for (const m of metrics) expect(m.value).toBeGreaterThan(0);
  }, 180_000);
});
