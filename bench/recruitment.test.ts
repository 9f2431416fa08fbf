import { describe, expect, it } from 'vitest';
import { runRecruitmentBench } from './recruitment';

describe('recruitment benchmark (small run so the bench code cannot rot)', () => {
  it('matches a small CV bank from the real ESCO profiles and ranks own-occupation candidates on top', async () => {
    const metrics = await runRecruitmentBench({ candidates: 3000, orders: 300, seed: 7 });
    expect(metrics.map((m) => m.metric)).toEqual(['match_p50_ms', 'match_p95_ms', 'rematch_all_s', 'index_build_s', 'index_mb', 'ndcg_at_10']);
    for (const m of metrics) expect(m.value).toBeGreaterThan(0);
    const value = (name: string) => metrics.find((m) => m.metric === name)?.value ?? Number.NaN;
    // A random ranking puts an own-occupation candidate in the top 10 with odds of about 10 in 3,000: NDCG near 0.
    expect(value('ndcg_at_10')).toBeGreaterThan(0.6);
    expect(value('ndcg_at_10')).toBeLessThanOrEqual(1);
    expect(value('match_p95_ms')).toBeGreaterThanOrEqual(value('match_p50_ms'));
  }, 120_000);
});
