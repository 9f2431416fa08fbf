import { describe, expect, it } from 'vitest';
import { runOffersBench } from './offers';

describe('offers benchmark (small run so the bench code cannot rot)', () => {
  it('generates a small world and measures matching over HTTP and batch ranking', async () => {
    const metrics = await runOffersBench({
      engine: 'pglite', inMemory: true, companies: 1500, offers: 120, referrals: 6000, providers: 6, offices: 3, requests: 10, batch: 500,
    });
    expect(metrics.map((m) => m.metric)).toEqual(['generate_s', 'rank_p95_ms', 'batch_rank_500_s', 'referral_kpis_ms']);
    for (const m of metrics) expect(m.value).toBeGreaterThan(0);
  }, 180_000);
});
