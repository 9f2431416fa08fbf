import { allocateSchools, type AllocationResult } from '../server/modules/schools/allocation';
import type { Metric } from './metrics';
import { generateSchoolsWorld, midtjylland, readPostalCodes, type SchoolsWorldOptions } from './schools-synth';
import { round } from './support';

export type SchoolsScale = 'region' | 'national';

/** The two worlds of the issue: a region (300 classes, 600 offers) and the country (3,000 classes, 6,000 offers). */
export const schoolsScales: Record<SchoolsScale, Omit<SchoolsWorldOptions, 'seed'>> = {
  region: { classes: 300, hosts: 600, tutors: 120, weeks: 20, firstWeek: 6, municipalities: midtjylland },
  national: { classes: 3000, hosts: 6000, tutors: 1200, weeks: 20, firstWeek: 6, municipalities: [] },
};

export interface SchoolsBenchOptions {
  scale?: SchoolsScale | 'both';
  seed?: number;
  /** Shrinks every count (the quick test uses 0.05); 1 = the sizes. */
  factor?: number;
}

function unassigned(result: AllocationResult, classes: number): number {
  if (result.status === 'infeasible') return result.shortage.shortClasses;
  if (result.status === 'invalid') return classes;
  return classes - result.assignments.length;
}

/**
 * `npm run bench -- schools`: allocates each scale's synthetic school year (real postal-code centroids) and reports
 * `<scale>_solve_s` (whole allocateSchools call: validation, candidates, pricing, MIP, reasons, tutors), the largest
 * `gap_pct` (objective vs. the proven global bound), `unassigned_classes` (0 when capacity allows), and
 * `classes_without_tutor`.
 */
export async function runSchoolsBench(options: SchoolsBenchOptions = {}, log: (line: string) => void = () => {}): Promise<Metric[]> {
  const scales: SchoolsScale[] = !options.scale || options.scale === 'both' ? ['region', 'national'] : [options.scale];
  const factor = options.factor ?? 1;
  const postalCodes = readPostalCodes();
  const metrics: Metric[] = [];
  let gap = 0;
  let short = 0;
  let withoutTutor = 0;
  for (const scale of scales) {
    const base = schoolsScales[scale];
    const world = generateSchoolsWorld(postalCodes, {
      ...base, seed: options.seed ?? 1,
      classes: Math.max(2, Math.round(base.classes * factor)), hosts: Math.max(2, Math.round(base.hosts * factor)), tutors: Math.round(base.tutors * factor),
    });
    const started = performance.now();
    const result = await allocateSchools(world);
    const seconds = (performance.now() - started) / 1000;
    metrics.push({ metric: `${scale}_solve_s`, value: round(seconds, 2) });
    short += unassigned(result, world.classes.length);
    if (result.status === 'optimal' || result.status === 'feasible') {
      gap = Math.max(gap, result.gapPct);
      withoutTutor += result.stats.classesWithoutTutor;
      log(`${scale}: ${result.status}, ${world.classes.length} classes, ${result.stats.hostWeeks} host-weeks, ${result.stats.columns} columns `
        + `(${result.stats.pricedColumns} priced in ${result.stats.pricingRounds} rounds), objective ${result.objective.toFixed(1)}, bound ${result.bound.toFixed(1)}, ${seconds.toFixed(2)} s`);
    } else log(`${scale}: ${result.status}`);
  }
  metrics.push({ metric: 'gap_pct', value: round(gap, 4) });
  metrics.push({ metric: 'unassigned_classes', value: short });
  metrics.push({ metric: 'classes_without_tutor', value: withoutTutor });
  return metrics;
}
