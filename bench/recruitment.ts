import v8 from 'node:v8';
import vm from 'node:vm';
import { buildMatchTaxonomy, CandidateIndex, haversineKm, type CandidateProfile, type CentroidInput } from '../server/modules/recruitment/matching';
import type { Metric } from './metrics';
import { readEscoTaxonomy, readPostalCentroids, RecruitmentWorld } from './recruitment-synth';
import { percentile, round } from './support';

export interface RecruitmentBenchOptions {
  /** Registrations in the CV bank (Jobnet's is about 150,000). */
  candidates?: number;
  orders?: number;
  seed?: number;
  /** The day matched on; fixed so runs compare. */
  today?: string;
  log?: (line: string) => void;
}

export const recruitmentFullScale = { candidates: 150_000, orders: 10_000 };

/** A full collection, so heap figures count only what is still reachable. */
function collector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  return () => {
    gc();
    gc();
  };
}

const km = (a: CentroidInput, b: CentroidInput) => haversineKm(a.lat, a.lon, b.lat, b.lon);

/** NDCG@10 with gains 2^rel − 1 and the usual log2 discount. */
function dcg(relevances: readonly number[]): number {
  let sum = 0;
  for (let k = 0; k < Math.min(10, relevances.length); k += 1) sum += (2 ** relevances[k] - 1) / Math.log2(k + 2);
  return sum;
}

/**
 * The candidate matcher on a synthetic CV bank drawn from the real ESCO occupation profiles:
 * builds the index, then matches every order (top 50 with reasons and 20 near misses), measuring each.
 * `ndcg_at_10` judges the top 10 of each order against relevance 2 for a candidate generated from the
 * order's own occupation and 1 for the same ISCO unit group; the ideal ranking is taken over the
 * candidates that pass the order's hard filters (certificates, their own max commute, target group),
 * one entry per person.
 */
export async function runRecruitmentBench(options: RecruitmentBenchOptions = {}): Promise<Metric[]> {
  const log = options.log ?? (() => {});
  const candidates = options.candidates ?? recruitmentFullScale.candidates;
  const orderCount = options.orders ?? recruitmentFullScale.orders;
  const seed = options.seed ?? 1;
  const today = options.today ?? '2026-03-02';
  const gc = collector();

  const t0 = performance.now();
  const esco = await readEscoTaxonomy();
  const postalCodes = await readPostalCentroids();
  const taxonomy = buildMatchTaxonomy({ ...esco, postalCodes });
  const world = new RecruitmentWorld(esco, postalCodes, candidates, seed, today);
  const orders = world.orders(orderCount);
  log(`ESCO read and world drawn in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${taxonomy.occupationCount} occupations, `
    + `${taxonomy.skillCount} skills, ${world.occupations.length} occupation profiles used, ${postalCodes.length} postal codes`);

  // Profiles are drawn in batches outside the clock; only upserts are timed. Heap is measured around the whole build.
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const index = new CandidateIndex(taxonomy);
  let buildMs = 0;
  for (let from = 0; from < candidates; from += 10_000) {
    const batch: CandidateProfile[] = [];
    for (let i = from; i < Math.min(candidates, from + 10_000); i += 1) batch.push(world.profile(i));
    const started = performance.now();
    for (const p of batch) index.upsert(p);
    buildMs += performance.now() - started;
  }
  gc();
  const indexMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  log(`index: ${index.size} registrations in ${(buildMs / 1000).toFixed(2)} s, ${indexMb.toFixed(1)} MB heap`);

  const byGroup = new Map<string, number[]>();
  for (let i = 0; i < candidates; i += 1) {
    const group = world.occupations[world.source[i]].group ?? `none:${world.source[i]}`;
    const list = byGroup.get(group);
    if (list) list.push(i);
    else byGroup.set(group, [i]);
  }
  const places = new Map(postalCodes.map((p) => [p.code, p]));
  const relevance = (i: number, source: number) => {
    if (world.source[i] === source) return 2;
    const group = world.occupations[source].group;
    return group !== null && world.occupations[world.source[i]].group === group ? 1 : 0;
  };

  const options50 = { today, limit: 50, nearMisses: 20 };
  for (const { order } of orders.slice(0, Math.min(200, orders.length))) index.match(order, options50);
  const times: number[] = [];
  let ndcgSum = 0;
  let judged = 0;
  let considered = 0;
  let withMatches = 0;
  let nearMisses = 0;
  const started = performance.now();
  for (const { order, source } of orders) {
    const t = performance.now();
    const result = index.match(order, options50);
    times.push(performance.now() - t);
    considered += result.considered;
    nearMisses += result.nearMisses.length;
    if (result.matches.length > 0) withMatches += 1;
    const group = world.occupations[source].group ?? `none:${source}`;
    const place = order.workplacePostalCode ? places.get(order.workplacePostalCode) : undefined;
    const best = new Map<number, number>();
    for (const i of byGroup.get(group) ?? []) {
      if (!world.feasible(i, order, place, km)) continue;
      best.set(world.person[i], Math.max(best.get(world.person[i]) ?? 0, relevance(i, source)));
    }
    const ideal = dcg([...best.values()].sort((a, b) => b - a));
    if (ideal === 0) continue;
    const got = dcg(result.matches.slice(0, 10).map((m) => relevance(Number(m.candidateId.slice(1)), source)));
    ndcgSum += got / ideal;
    judged += 1;
  }
  const allSeconds = (performance.now() - started) / 1000;
  log(`matched ${orders.length} orders in ${allSeconds.toFixed(1)} s (including NDCG bookkeeping): p50 ${percentile(times, 50).toFixed(2)} ms, `
    + `p95 ${percentile(times, 95).toFixed(2)} ms, max ${Math.max(...times).toFixed(1)} ms; ${Math.round(considered / orders.length)} candidates reached per order, `
    + `${withMatches} orders with matches, ${(nearMisses / orders.length).toFixed(1)} near misses per order; NDCG judged on ${judged} orders`);
  return [
    { metric: 'match_p50_ms', value: round(percentile(times, 50)) },
    { metric: 'match_p95_ms', value: round(percentile(times, 95)) },
    { metric: 'rematch_all_s', value: round(times.reduce((a, b) => a + b, 0) / 1000) },
    { metric: 'index_build_s', value: round(buildMs / 1000) },
    { metric: 'index_mb', value: round(indexMb, 1) },
    { metric: 'ndcg_at_10', value: round(judged === 0 ? 0 : ndcgSum / judged, 3) },
  ];
}
