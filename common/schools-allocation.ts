import { z } from 'zod';
import { municipalityCode, optionalText, planStatusSchema, schoolMessageSchema, schoolYearSchema, uuid, gradeSchema } from './schools-base';

/* The allocation part of the schools contract: runs, plans, assignments and their reasons, constraints (re-exported by common/schools.ts). */

// ---------------------------------------------------------------- allocation

/** Costs in km-equivalent points (see the engine); omitted weights take the defaults. */
export const allocationWeightsSchema = z.object({
  perKm: z.number().min(0).max(1000),
  themeMismatch: z.number().min(0).max(10_000),
  unpreferredWeek: z.number().min(0).max(10_000),
  /** The penalty for a host outside the class's municipality ("stay within the municipality where possible"). */
  outsideMunicipality: z.number().min(0).max(10_000),
  tutorPerKm: z.number().min(0).max(1000),
}).partial();
export type AllocationWeightsInput = z.infer<typeof allocationWeightsSchema>;

export const allocationRunSchema = z.object({
  schoolYear: schoolYearSchema,
  /** One municipality's classes (hosts of the whole partnership are eligible), or null for the whole partnership. */
  municipalityCode: municipalityCode.nullable().default(null),
  /** Only these grades' classes (default: 7th grade). */
  grade: gradeSchema.default(7),
  weights: allocationWeightsSchema.optional(),
  /** Solver time limit in seconds (default 60). */
  timeLimitS: z.number().min(1).max(300).optional(),
});
export type AllocationRun = z.input<typeof allocationRunSchema>;

export const allocationProblemSchema = schoolMessageSchema.extend({
  severity: z.enum(['error', 'warning']),
  ref: z.object({
    classId: z.string().optional(), hostOfferId: z.string().optional(), companyId: z.string().optional(),
    tutorId: z.string().optional(), municipalityCode: z.string().optional(), week: z.number().optional(),
  }).optional(),
});
export type AllocationProblem = z.infer<typeof allocationProblemSchema>;

/** The exact shortage of an infeasible run (the engine's Hall bottlenecks): how many classes are short, where. */
export const allocationShortageSchema = z.object({
  shortClasses: z.number().int(),
  totalClasses: z.number().int(),
  totalCapacity: z.number().int(),
  noEligibleHost: z.array(z.object({ classId: z.string(), label: z.string(), causes: z.array(z.string()) })),
  bottlenecks: z.array(z.object({
    short: z.number().int(), classes: z.number().int(), capacity: z.number().int(), weeks: z.array(z.number().int()),
    allWeeks: z.boolean(),
    municipalities: z.array(z.object({ municipalityCode: z.string(), classes: z.number().int(), capacity: z.number().int() })),
    classIds: z.array(z.string()),
  })),
});
export type AllocationShortage = z.infer<typeof allocationShortageSchema>;

/**
 * The 422 body of a run that cannot make a plan (nothing is stored): problem+json with code `allocation_invalid`
 * (bad input: `problems`) or `allocation_infeasible` (more classes than places: `shortage` and `problems`).
 */
export const allocationFailureSchema = z.object({
  type: z.string(), title: z.string(), status: z.literal(422), code: z.enum(['allocation_invalid', 'allocation_infeasible']),
  detail: z.string(),
  problems: z.array(allocationProblemSchema),
  shortage: allocationShortageSchema.nullable(),
});
export type AllocationFailure = z.infer<typeof allocationFailureSchema>;

export const assignmentReasonsSchema = z.object({
  distanceKm: z.number(),
  precision: z.enum(['address', 'postal_code']),
  sharedThemes: z.array(z.string()),
  missingThemes: z.array(z.string()),
  preferredWeek: z.boolean().nullable(),
  suitableWeek: z.boolean(),
  sameMunicipality: z.boolean(),
  cost: z.object({ distance: z.number(), themes: z.number(), week: z.number(), municipality: z.number(), total: z.number() }),
  items: z.array(schoolMessageSchema),
  summary: z.string(),
});
export type AssignmentReasons = z.infer<typeof assignmentReasonsSchema>;

export const planAssignmentSchema = z.object({
  id: uuid,
  classId: uuid,
  classLabel: z.string(),
  pupils: z.number().int(),
  schoolId: uuid,
  schoolName: z.string(),
  schoolMunicipalityCode: z.number().int(),
  hostOfferId: uuid,
  companyId: uuid,
  companyName: z.string(),
  /** The host address: "Vejlevej 12, 6000 Kolding". */
  address: z.string(),
  hostMunicipalityCode: z.number().int().nullable(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  week: z.number().int(),
  /** Monday and Friday of the week (ISO dates). */
  weekStart: z.string(),
  weekEnd: z.string(),
  tutor: z.object({ id: uuid, name: z.string(), institution: z.string() }).nullable(),
  locked: z.boolean(),
  /** The lock constraint behind `locked`, when it still exists (delete it to unlock). */
  lockConstraintId: uuid.nullable(),
  distanceKm: z.number().nullable(),
  reasons: assignmentReasonsSchema,
});
export type PlanAssignment = z.infer<typeof planAssignmentSchema>;

export const planSummarySchema = z.object({
  id: uuid,
  schoolYear: z.string(),
  municipalityCode: z.number().int().nullable(),
  municipalityName: z.string().nullable(),
  version: z.number().int(),
  status: planStatusSchema,
  /** optimal (proven within the gap) or feasible (time limit reached). */
  solverStatus: z.enum(['optimal', 'feasible']),
  objective: z.number(),
  bound: z.number(),
  gapPct: z.number(),
  solveSeconds: z.number(),
  classes: z.number().int(),
  assigned: z.number().int(),
  /** Classes without a host week: always 0 (an infeasible run stores no plan). */
  unassigned: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  publishedAt: z.string().nullable(),
});
export type PlanSummary = z.infer<typeof planSummarySchema>;

export const planSchema = planSummarySchema.extend({
  weights: z.object({
    perKm: z.number(), themeMismatch: z.number(), unpreferredWeek: z.number(), outsideMunicipality: z.number(), tutorPerKm: z.number(),
  }),
  warnings: z.array(allocationProblemSchema),
  stats: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
  assignments: z.array(planAssignmentSchema),
});
export type Plan = z.infer<typeof planSchema>;

export const planListQuerySchema = z.object({ schoolYear: schoolYearSchema.optional() });
export const planListSchema = z.object({ items: z.array(planSummarySchema) });

export const planPublishResultSchema = z.object({
  plan: planSummarySchema,
  /** The published plan it replaced (now superseded), if any. */
  previousPlanId: uuid.nullable(),
  changes: z.number().int(),
  emailsQueued: z.number().int(),
});
export type PlanPublishResult = z.infer<typeof planPublishResultSchema>;

export const planChangeSchema = z.object({
  id: uuid,
  classId: uuid,
  classLabel: z.string(),
  schoolName: z.string(),
  before: z.object({ companyName: z.string(), week: z.number().int(), hostOfferId: uuid }).nullable(),
  after: z.object({ companyName: z.string(), week: z.number().int(), hostOfferId: uuid }).nullable(),
  at: z.string(),
});
export type PlanChange = z.infer<typeof planChangeSchema>;
export const planChangeListSchema = z.object({ previousPlanId: uuid.nullable(), items: z.array(planChangeSchema) });

// ---------------------------------------------------------------- constraints (locks and forbidden pairs)

export const constraintKinds = ['lock', 'forbid'] as const;
export type ConstraintKind = (typeof constraintKinds)[number];

/** Lock an assignment of a plan (its class stays at that host week), or forbid a class with a company or one offer. */
export const constraintCreateSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('lock'), assignmentId: uuid, note: optionalText(500).optional() }),
  z.object({
    kind: z.literal('forbid'), classId: uuid, companyId: uuid.optional(), hostOfferId: uuid.optional(), note: optionalText(500).optional(),
  }).refine((v) => (v.companyId ? 1 : 0) + (v.hostOfferId ? 1 : 0) === 1, {
    message: 'Angiv enten en virksomhed eller et værtstilbud, som klassen ikke må komme til.', path: ['companyId'],
  }),
], { error: 'Vælg at låse en fordeling eller at udelukke et par.' });
export type ConstraintCreate = z.input<typeof constraintCreateSchema>;

export const constraintSchema = z.object({
  id: uuid,
  kind: z.enum(constraintKinds),
  schoolYear: z.string(),
  classId: uuid,
  classLabel: z.string(),
  schoolName: z.string(),
  hostOfferId: uuid.nullable(),
  companyId: uuid.nullable(),
  companyName: z.string().nullable(),
  week: z.number().int().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type Constraint = z.infer<typeof constraintSchema>;
/** Without `schoolYear`: the current school year. */
export const constraintListQuerySchema = z.object({ schoolYear: schoolYearSchema.optional() });
export const constraintListSchema = z.object({ items: z.array(constraintSchema) });


