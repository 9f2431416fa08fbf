import type { z } from 'zod';
import type { allocationRunSchema, PlanAssignment } from '../../../common/schools';
import type { Db } from '../../db/client';
import { audit } from '../../http/audit';
import { notFound, ProblemError } from '../../http/errors';
import type { Actor } from '../../policy';
import {
  allocateSchools, defaultWeights, type AllocationInput, type AllocationResult, type ForbiddenPair, type Success,
} from './allocation';
import * as input from './allocation-input.repo';
import { presentPlan, presentPlanSummary, type StoredResult } from './allocation.presenter';
import { inTransaction, type Context } from './db';
import * as repo from './plans.repo';
import { classLabel } from './schools.presenter';

type RunInput = z.output<typeof allocationRunSchema>;

/** Reads classes, hosts, tutors and the coordinator's locks and forbidden pairs into the engine's input. */
export async function buildAllocationInput(db: Db, partnershipId: string, run: RunInput): Promise<AllocationInput> {
  const [classes, hosts, tutors, constraints] = await Promise.all([
    input.classesInScope(db, partnershipId, run.schoolYear, run.grade, run.municipalityCode),
    input.activeHosts(db, partnershipId, run.schoolYear),
    input.tutorsOfYear(db, partnershipId, run.schoolYear),
    input.constraintsOfYear(db, partnershipId, run.schoolYear),
  ]);
  const inScope = new Set(classes.map((c) => c.id));
  const forbidden: ForbiddenPair[] = constraints.filter((k) => k.kind === 'forbid' && inScope.has(k.class_id))
    .map((k) => (k.host_offer_id ? { classId: k.class_id, hostOfferId: k.host_offer_id } : { classId: k.class_id, companyId: k.company_id! }));
  // A forbidden company without offers this year forbids nothing: leave it out rather than fail the run.
  const companies = new Set(hosts.map((h) => h.company_id));
  const hostIds = new Set(hosts.map((h) => h.id));
  return {
    classes: classes.map((c) => ({
      id: c.id, label: `${classLabel(c.grade, c.letter)}, ${c.school_name}`, municipalityCode: String(c.municipality_code),
      lat: c.lat ?? Number.NaN, lon: c.lon ?? Number.NaN, precision: c.precise ? 'address' : 'postal_code', pupils: c.pupils,
      suitableWeeks: c.suitable_weeks, themes: c.themes,
    })),
    hosts: hosts.map((h) => ({
      id: h.id, companyId: h.company_id, companyName: h.company_name, municipalityCode: h.municipality_code === null ? '' : String(h.municipality_code),
      lat: h.lat ?? Number.NaN, lon: h.lon ?? Number.NaN, precision: h.precise ? 'address' : 'postal_code', weeks: h.weeks,
      classesPerWeek: h.classes_per_week, maxPupils: h.max_pupils, themes: h.themes,
    })),
    tutors: tutors.filter((t) => t.lat !== null && t.lon !== null).map((t) => ({
      id: t.id, label: `${t.name} (${t.institution})`, municipalityCode: t.municipality_code === null ? '' : String(t.municipality_code),
      lat: t.lat!, lon: t.lon!, weeks: t.weeks, maxClasses: t.max_classes,
    })),
    locks: constraints.filter((k) => k.kind === 'lock' && inScope.has(k.class_id) && k.host_offer_id && k.week !== null)
      .map((k) => ({ classId: k.class_id, hostOfferId: k.host_offer_id!, week: k.week! })),
    forbidden: forbidden.filter((f) => ('companyId' in f ? companies.has(f.companyId) : hostIds.has(f.hostOfferId))),
    weights: run.weights,
    options: run.timeLimitS ? { timeLimitS: run.timeLimitS } : undefined,
  };
}

/** The 422 of a run without a plan: the engine's problems (and shortage), nothing stored. */
function refuse(result: Exclude<AllocationResult, Success>, classes: number): never {
  if (result.status === 'invalid') {
    const first = result.problems.find((p) => p.severity === 'error') ?? result.problems[0];
    throw new ProblemError(422, 'allocation_invalid', first ? `Fordelingen kan ikke køres: ${first.text}` : 'Fordelingen kan ikke køres.',
      { problems: result.problems, shortage: null });
  }
  const s = result.shortage;
  throw new ProblemError(422, 'allocation_infeasible',
    `Der er ikke plads til alle klasser: ${s.shortClasses} af ${classes} klasser mangler en værtsuge. Intet er gemt.`,
    { problems: result.problems, shortage: s });
}

/**
 * Runs the allocator for one municipality's (or the whole partnership's) classes of a year and stores the plan as a
 * new draft version with its assignments. Invalid or infeasible input stores nothing: 422 with what is wrong or short.
 */
export async function runAllocation(db: Db, ctx: Context, run: RunInput) {
  const partnershipId = ctx.actor.partnershipId;
  const data = await buildAllocationInput(db, partnershipId, run);
  if (data.classes.length === 0) {
    throw new ProblemError(422, 'allocation_invalid', `Der er ingen ${run.grade}.-klasser i ${run.schoolYear} at fordele.`,
      { problems: [{ code: 'input.no_classes', severity: 'error', params: {}, text: `Der er ingen ${run.grade}.-klasser i ${run.schoolYear} at fordele.` }], shortage: null });
  }
  const result = await allocateSchools(data);
  if (result.status === 'invalid' || result.status === 'infeasible') refuse(result, data.classes.length);
  const weights = { ...defaultWeights, ...(run.weights ?? {}) };
  const stored: StoredResult = {
    status: result.status, objective: result.objective, bound: result.bound, gapPct: result.gapPct, solveSeconds: result.solveSeconds,
    classes: data.classes.length, grade: run.grade, warnings: result.warnings, stats: { ...result.stats },
  };
  const tutorOf = new Map(result.tutorAssignments.map((t) => [t.classId, t.tutorId]));
  const planId = await inTransaction(db, async (tx) => {
    const version = await repo.nextVersion(tx, partnershipId, run.schoolYear, run.municipalityCode);
    const id = await repo.insertPlan(tx, {
      partnershipId, schoolYear: run.schoolYear, municipalityCode: run.municipalityCode, version, status: 'draft', weights,
      result: stored, createdByUserId: ctx.actor.id,
    }, result.assignments.map((a) => ({
      classId: a.classId, hostOfferId: a.hostOfferId, week: a.week, tutorId: tutorOf.get(a.classId) ?? null, locked: a.locked,
      distanceKm: a.reasons.distanceKm, reasons: a.reasons,
    })));
    await audit(tx, ctx, {
      action: 'allocation.run', entity: 'allocation_plan', entityId: id,
      after: { schoolYear: run.schoolYear, municipalityCode: run.municipalityCode, version, weights, status: result.status,
        objective: result.objective, gapPct: result.gapPct, assignments: result.assignments.length },
    });
    return id;
  });
  return getPlan(db, ctx.actor, planId);
}

export async function listPlans(db: Db, actor: Actor, schoolYear?: string) {
  return { items: (await repo.listPlans(db, actor.partnershipId, schoolYear)).map(presentPlanSummary) };
}

export async function loadPlan(db: Db, actor: Actor, id: string) {
  const plan = await repo.getPlan(db, actor.partnershipId, id);
  if (!plan) throw notFound('Fordelingen findes ikke.');
  return plan;
}

export async function getPlan(db: Db, actor: Actor, id: string) {
  const plan = await loadPlan(db, actor, id);
  return presentPlan(plan, await repo.assignmentsOf(db, { planId: id }));
}

export async function planAssignments(db: Db, actor: Actor, id: string): Promise<PlanAssignment[]> {
  return (await getPlan(db, actor, id)).assignments;
}
