import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { buildApp } from '../server/app';
import type { Engine } from '../server/db/client';
import { loadEnv } from '../server/env';
import { forgetMatchingCache, rankAllAssessments, referralKpis } from '../server/modules/business-service';
import { seedBuiltins } from '../server/seed';
import { sessionHeaders } from './engagement-synth';
import type { Metric } from './metrics';
import { generateOffersWorld, type OffersWorldOptions } from './offers-synth';
import { freshDatabase, percentile, round } from './support';

export interface OffersBenchOptions extends OffersWorldOptions {
  engine: Engine;
  /** PGlite in memory instead of a data directory (the quick test run uses this). */
  inMemory?: boolean;
  /** Match requests measured for rank_p95_ms. */
  requests: number;
  /** Assessments ranked in the batch measurement (10,000 in the real run). */
  batch: number;
}

export const offersFullScale: OffersWorldOptions & { requests: number; batch: number } = {
  companies: 50_000, offers: 2_000, referrals: 200_000, providers: 40, offices: 10, requests: 200, batch: 10_000,
};


/**
 * Generates the world, then measures matching one assessment against every offer with reasons through the
 * HTTP route (`GET /api/v1/assessments/:id/matches`, as a consultant) and ranking `batch` assessments with
 * `topOffers` (rankAllAssessments: reads offers, capacity and outcomes once, assessments in pages).
 */
export async function runOffersBench(options: OffersBenchOptions, log: (line: string) => void = () => {}): Promise<Metric[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samspil-bench-offers-'));
  const metrics: Metric[] = [];
  const database = await freshDatabase(options.engine, dir, options.inMemory);
  try {
    await seedBuiltins(database.db);
    const t0 = performance.now();
    const world = await generateOffersWorld(database.db, options);
    log(`data generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    metrics.push({ metric: 'generate_s', value: round((performance.now() - t0) / 1000, 1) });

    const app = await buildApp(database, loadEnv({ LOG_LEVEL: 'silent', NODE_ENV: 'test', SAMSPIL_DEMO: 'false' }));
    await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const { port } = app.server.address() as AddressInfo;
      const consultant = world.consultants[0];
      const headers = await sessionHeaders(database.db, consultant.userId);
      // Assessments the consultant may read: its own organisation's and those shared with consent, spread over the companies.
      const sample = (await database.db.execute<{ id: string }>(sql`
        select a.id from needs_assessments a
        where a.consent_to_share or a.organisation_id = ${consultant.organisationId}
        order by md5(a.id::text) limit ${options.requests + 5}`)).rows.map((r) => r.id);
      const match = async (id: string) => {
        const started = performance.now();
        const res = await fetch(`http://127.0.0.1:${port}/api/v1/assessments/${id}/matches`, { headers });
        const body = await res.json() as { eligible?: { reasons: unknown[] }[]; eligibleTotal?: number; ineligibleTotal?: number };
        if (res.status !== 200 || !body.eligible) throw new Error(`matches ${id}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
        if (body.eligible.length > 0 && body.eligible[0].reasons.length === 0) throw new Error('a ranked offer without reasons');
        return { ms: performance.now() - started, ranked: (body.eligibleTotal ?? 0) + (body.ineligibleTotal ?? 0) };
      };
      // The first request loads the partnership's offers and referral aggregates (see matches.cache.ts): reported apart.
      log(`matches: first (cold) request ${(await match(sample[0])).ms.toFixed(1)} ms`);
      for (const id of sample.slice(1, 5)) await match(id);
      const times: number[] = [];
      let ranked = 0;
      // CPU time of this process (server and client) per request: the work itself, apart from waiting for a busy machine.
      const cpu = process.cpuUsage();
      for (const id of sample.slice(5)) {
        const r = await match(id);
        times.push(r.ms);
        ranked = r.ranked;
      }
      const used = process.cpuUsage(cpu);
      log(`matches: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms over ${times.length} requests, `
        + `${ranked} offers ranked each; ${((used.user + used.system) / 1000 / times.length).toFixed(1)} ms CPU per request (load ${os.loadavg()[0].toFixed(1)})`);
      metrics.push({ metric: 'rank_p95_ms', value: round(percentile(times, 95)) });
    } finally {
      await app.close();
    }

    // The batch reads offers, capacity and outcomes afresh (the match requests above left them cached).
    forgetMatchingCache(database.db, world.partnershipId);
    const t1 = performance.now();
    let best = 0;
    const count = await rankAllAssessments(database.db, world.partnershipId, {
      top: 10, maxAssessments: options.batch,
      onRanked: (page) => { for (const a of page) if (a.offers.length > 0) best += 1; },
    });
    const seconds = (performance.now() - t1) / 1000;
    if (count !== Math.min(options.batch, options.companies)) throw new Error(`batch ranked ${count} assessments`);
    log(`batch: ${count} assessments in ${seconds.toFixed(2)} s, ${best} with at least one offer`);
    metrics.push({ metric: `batch_rank_${options.batch >= 1000 ? `${Math.round(options.batch / 1000)}k` : options.batch}_s`, value: round(seconds) });

    // Referral KPIs over every referral (three years back): the KPI page's one query and its roll-up; median of runs.
    const today = new Date().toISOString().slice(0, 10);
    const range = { from: `${Number(today.slice(0, 4)) - 3}${today.slice(4)}`, to: today };
    await referralKpis(database.db, world.partnershipId, range);
    const kpiTimes: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const started = performance.now();
      await referralKpis(database.db, world.partnershipId, range);
      kpiTimes.push(performance.now() - started);
    }
    metrics.push({ metric: 'referral_kpis_ms', value: round(percentile(kpiTimes, 50)) });
  } finally {
    await database.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return metrics;
}
