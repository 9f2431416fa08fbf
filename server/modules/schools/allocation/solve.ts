import { cheapestHostWeeks, pairKey, priceOut } from './candidates';
import { explainAssignment } from './explain';
import { highsRuntime } from './highs';
import { RestrictedModel } from './model';
import { describeShortage, hasEligibleHost } from './shortage';
import { assignTutors, type PlacedClass } from './tutors';
import {
  defaultOptions, defaultWeights, type AllocationInput, type AllocationResult, type Assignment, type AllocationOptions,
} from './types';
import { validateAllocationInput } from './validate';
import { buildWorld, type World } from './world';

interface ColumnGeneration {
  /** Host-week of each solvable class, -1 = unassigned (slack). */
  hwOf: Map<number, number>;
  /** Proven lower bound on the free classes' cost. */
  bound: number;
  objective: number;
  mipStatus: string;
  mipGap: number;
  columns: number;
  priced: number;
  rounds: number;
  converged: boolean;
}

/**
 * Solves the free classes by column generation on the restricted transportation model:
 * 1. each class starts with its k cheapest host-weeks with places left;
 * 2. the LP is solved and every left-out pair is priced with its duals (reduced cost c − u_c − v_hw);
 *    negative ones are added (the most negative few per class) and the LP re-solved, until none is left;
 * 3. the final restricted model is solved as a MIP by HiGHS, starting from the LP vertex.
 * When pricing finds nothing, the restricted LP value equals the full LP value, which (the matrix being totally
 * unimodular) equals the full optimum: it is the bound. If pricing is cut short, the bound is the Lagrangian one,
 * LP value + Σ_c min(0, least reduced cost of c), still valid for the full problem.
 */
async function generateAndSolve(world: World, solvable: number[], options: AllocationOptions, deadline: number): Promise<ColumnGeneration> {
  const highs = await highsRuntime();
  const penalty = (solvable.length + 1) * (world.maxPairCost + 1);
  const model = new RestrictedModel(highs, world, solvable, penalty);
  const left = () => (deadline - performance.now()) / 1000;
  try {
    const inModel = new Set<number>();
    const initial = solvable.flatMap((ci) => cheapestHostWeeks(world, ci, options.initialCandidates));
    for (const c of initial) inModel.add(pairKey(world, c.ci, c.hw));
    model.addColumns(initial);
    let rounds = 0;
    let priced = 0;
    let bound = -Infinity;
    let converged = false;
    let lpValues: Float64Array | undefined;
    for (;;) {
      const lp = model.solveLp(left());
      if (lp.status !== 'optimal') break;
      lpValues = model.currentColValue();
      rounds++;
      const pricing = priceOut(world, solvable, lp.classDual, lp.hwDual, inModel, options.columnsPerRound);
      bound = lp.objective + pricing.lagrangianGap;
      if (pricing.columns.length === 0) {
        converged = true;
        bound = lp.objective;
        break;
      }
      if (rounds >= options.maxRounds || left() < 1) break;
      for (const c of pricing.columns) inModel.add(pairKey(world, c.ci, c.hw));
      model.addColumns(pricing.columns);
      priced += pricing.columns.length;
    }
    const mip = model.solveMip(options.relGap, Math.max(1, left()), lpValues);
    const hasMip = Number.isFinite(mip.objective) && mip.colValue.length === model.firstPair + model.numPairs;
    const values = hasMip ? mip.colValue : lpValues;
    if (!values) throw new Error(`Løseren fandt ingen løsning (${mip.status}).`);
    const hwOf = new Map<number, number>(solvable.map((ci) => [ci, -1]));
    for (let j = 0; j < model.numPairs; j++) {
      if (values[model.firstPair + j] > 0.5) hwOf.set(model.colCi[j], model.colHw[j]);
    }
    return {
      hwOf, bound, objective: mip.objective, mipStatus: mip.status, mipGap: mip.gap * 100,
      columns: model.numPairs, priced, rounds, converged,
    };
  } finally {
    model.dispose();
  }
}

/**
 * Allocates school classes to host-weeks and tutors to classes. Pure: the caller passes all data in and gets
 * a discriminated result back: a plan with reasons, gap and bound; the input problems; or the exact shortage.
 * Never returns a partial plan as a success.
 */
export async function allocateSchools(input: AllocationInput): Promise<AllocationResult> {
  const started = performance.now();
  const weights = { ...defaultWeights, ...input.weights };
  const options = { ...defaultOptions, ...input.options };
  const problems = validateAllocationInput(input, weights, options);
  if (problems.length > 0) return { status: 'invalid', problems };
  const deadline = started + options.timeLimitS * 1000;

  const world = buildWorld(input, weights);
  const free = world.classes.map((_, ci) => ci).filter((ci) => world.lockedHw[ci] < 0);
  const noHost = free.filter((ci) => !hasEligibleHost(world, ci));
  const noHostSet = new Set(noHost);
  const solvable = free.filter((ci) => !noHostSet.has(ci));
  const solved = solvable.length > 0 ? await generateAndSolve(world, solvable, options, deadline) : null;
  const hwOf = solved?.hwOf ?? new Map<number, number>();

  const unassigned = solvable.filter((ci) => (hwOf.get(ci) ?? -1) < 0);
  if (unassigned.length > 0 || noHost.length > 0) {
    const assignedHw = new Map([...hwOf].filter(([, hw]) => hw >= 0));
    return { status: 'infeasible', ...describeShortage(world, assignedHw, unassigned, noHost) };
  }

  const placed: PlacedClass[] = world.classes.map((_, ci) => ({ ci, hw: world.lockedHw[ci] >= 0 ? world.lockedHw[ci] : hwOf.get(ci) as number }));
  const assignments: Assignment[] = placed.map(({ ci, hw }) => {
    const hi = world.hwHost[hw];
    const locked = world.lockedHw[ci] >= 0;
    return {
      classId: world.classes[ci].id, hostOfferId: world.hosts[hi].id, companyId: world.hosts[hi].companyId,
      week: world.hwWeek[hw], locked, reasons: explainAssignment(world, ci, hi, world.hwWeek[hw], locked),
    };
  });
  const objective = assignments.reduce((sum, a) => sum + a.reasons.cost.total, 0);
  const lockedCost = assignments.filter((a) => a.locked).reduce((sum, a) => sum + a.reasons.cost.total, 0);
  const bound = Math.min(objective, (solved?.bound ?? 0) + lockedCost);
  const gapPct = objective > 1e-9 ? ((objective - bound) / objective) * 100 : 0;

  const highs = await highsRuntime();
  const tutorsStage = assignTutors(highs, world, placed, input.tutors ?? [], options.tutorCandidates, Math.max(1, (deadline - performance.now()) / 1000));
  const optimal = (solved === null || (solved.converged && solved.mipStatus === 'optimal')) && gapPct <= options.relGap * 100 + 1e-9;
  return {
    status: optimal ? 'optimal' : 'feasible',
    assignments,
    tutorAssignments: tutorsStage.tutorAssignments,
    warnings: tutorsStage.warnings,
    objective,
    bound,
    gapPct,
    solveSeconds: (performance.now() - started) / 1000,
    stats: {
      classes: world.classes.length,
      hostOffers: world.hosts.length,
      hostWeeks: world.hwHost.length,
      lockedClasses: world.classes.length - free.length,
      columns: solved?.columns ?? 0,
      pricedColumns: solved?.priced ?? 0,
      pricingRounds: solved?.rounds ?? 0,
      pricingConverged: solved?.converged ?? true,
      mipStatus: solved?.mipStatus ?? 'optimal',
      mipGapPct: solved?.mipGap ?? 0,
      classesWithoutTutor: (input.tutors ?? []).length > 0 ? tutorsStage.warnings.length : 0,
    },
  };
}
