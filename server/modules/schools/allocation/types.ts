/**
 * Input and output of the school-visit allocator. Everything here is plain data: the engine does no I/O, so
 * the service layer maps rows to these shapes and the result back to rows and wire shapes.
 */

/** Where a coordinate comes from: a geocoded address, or the centroid of the postal code. */
export type LocationPrecision = 'address' | 'postal_code';

/** A school class that should visit one host in one week. */
export interface SchoolClass {
  id: string;
  /** Shown to people, e.g. "8.B, Vestre Skole". */
  label: string;
  /** The school's municipality (kommunekode, e.g. "751"). */
  municipalityCode: string;
  lat: number;
  lon: number;
  /** Defaults to 'postal_code'. */
  precision?: LocationPrecision;
  pupils: number;
  /** ISO week numbers the class can come; empty = any week the host offers. A hard rule. */
  suitableWeeks: number[];
  /** Weeks the class would rather have (a soft wish inside suitableWeeks); empty = no wish. */
  preferredWeeks?: number[];
  /** Themes the class is interested in (compared case-insensitively). */
  themes: string[];
}

/** A company's offer to host classes at one address in some weeks. */
export interface HostOffer {
  id: string;
  companyId: string;
  companyName: string;
  municipalityCode: string;
  /** The address where the class comes. */
  lat: number;
  lon: number;
  precision?: LocationPrecision;
  /** ISO week numbers offered. */
  weeks: number[];
  /** Classes the offer takes in each of its weeks. */
  classesPerWeek: number;
  /** Largest class (pupils) the host can take. */
  maxPupils: number;
  themes: string[];
}

/** A vocational-school pupil or teacher who can go along with a class in given weeks. */
export interface Tutor {
  id: string;
  label: string;
  municipalityCode: string;
  lat: number;
  lon: number;
  weeks: number[];
  /** Classes in the whole school year. */
  maxClasses: number;
  /** Classes in one week; default 1 (a tutor follows one class through its week). */
  maxClassesPerWeek?: number;
}

/** A coordinator's fixed assignment, kept as it is when the rest is re-run. */
export interface AllocationLock {
  classId: string;
  hostOfferId: string;
  week: number;
}

/** A pair the coordinator has ruled out: a class with one offer, or with every offer of a company. */
export type ForbiddenPair = { classId: string; companyId: string } | { classId: string; hostOfferId: string };

/** Costs in one unit ("km-equivalent points"); the solver minimises their sum. */
export interface AllocationWeights {
  /** Per km between the school and the host address. */
  perKm: number;
  /** For a host sharing none of the class's themes; a partial match costs the missing share. */
  themeMismatch: number;
  /** For a week outside the class's preferred weeks (only when it has any). */
  unpreferredWeek: number;
  /** For a host outside the class's own municipality. */
  outsideMunicipality: number;
  /** Per km between a tutor and the host address (second stage). */
  tutorPerKm: number;
}

export const defaultWeights: AllocationWeights = {
  perKm: 1,
  themeMismatch: 25,
  unpreferredWeek: 15,
  outsideMunicipality: 20,
  tutorPerKm: 1,
};

export interface AllocationOptions {
  /** Wall-clock limit for the whole run (seconds). */
  timeLimitS: number;
  /** Relative MIP gap at which HiGHS may stop (0.001 = 0.1 %). */
  relGap: number;
  /** Cheapest host-weeks per class in the first restricted model (grown by pricing). */
  initialCandidates: number;
  /** Most columns one class may gain in one pricing round. */
  columnsPerRound: number;
  /** Pricing rounds before the run stops with the bound it has. */
  maxRounds: number;
  /** Nearest available tutors per class offered to the tutor stage. */
  tutorCandidates: number;
}

export const defaultOptions: AllocationOptions = {
  timeLimitS: 60,
  relGap: 0.001,
  initialCandidates: 5,
  columnsPerRound: 8,
  maxRounds: 60,
  tutorCandidates: 10,
};

export interface AllocationInput {
  classes: SchoolClass[];
  hosts: HostOffer[];
  tutors?: Tutor[];
  locks?: AllocationLock[];
  forbidden?: ForbiddenPair[];
  weights?: Partial<AllocationWeights>;
  options?: Partial<AllocationOptions>;
}

/** A Danish sentence with a stable code and the values it was built from. */
export interface Message {
  code: string;
  params: Record<string, string | number>;
  text: string;
}

/** Something wrong with the input or the plan; `ref` names what it is about. */
export interface Problem extends Message {
  severity: 'error' | 'warning';
  ref?: { classId?: string; hostOfferId?: string; companyId?: string; tutorId?: string; municipalityCode?: string; week?: number };
}

/** Why an assignment was chosen: structured facts plus Danish sentences. */
export interface AssignmentReasons {
  distanceKm: number;
  precision: LocationPrecision;
  sharedThemes: string[];
  missingThemes: string[];
  /** True/false when the class has preferred weeks, null when it has none. */
  preferredWeek: boolean | null;
  /** False only for a locked assignment outside the class's suitable weeks. */
  suitableWeek: boolean;
  sameMunicipality: boolean;
  /** The weighted cost of each part (km-equivalent points). */
  cost: { distance: number; themes: number; week: number; municipality: number; total: number };
  items: Message[];
  /** The items joined into one line: "12,4 km fra skolen · temaer: robotter · uge 12 passer klassen". */
  summary: string;
}

export interface Assignment {
  classId: string;
  hostOfferId: string;
  companyId: string;
  week: number;
  locked: boolean;
  reasons: AssignmentReasons;
}

export interface TutorAssignment {
  tutorId: string;
  classId: string;
  week: number;
  distanceKm: number;
  text: string;
}

export interface AllocationStats {
  classes: number;
  hostOffers: number;
  hostWeeks: number;
  lockedClasses: number;
  /** Candidate pairs in the final restricted model, and how many pricing added. */
  columns: number;
  pricedColumns: number;
  pricingRounds: number;
  /** True when pricing proved that no left-out pair could improve the LP: the bound is global. */
  pricingConverged: boolean;
  mipStatus: string;
  mipGapPct: number;
  classesWithoutTutor: number;
}

export interface Success {
  status: 'optimal' | 'feasible';
  assignments: Assignment[];
  tutorAssignments: TutorAssignment[];
  /** Non-blocking remarks, e.g. classes without a tutor. */
  warnings: Problem[];
  /** Total cost of the plan, locked assignments included. */
  objective: number;
  /** Proven lower bound on the cost of any plan (see solve.ts for how it is obtained). */
  bound: number;
  gapPct: number;
  solveSeconds: number;
  stats: AllocationStats;
}

export interface MunicipalityShortage {
  municipalityCode: string;
  /** Classes of the bottleneck from this municipality. */
  classes: number;
  /** Places (class-weeks) the bottleneck's hosts in this municipality have. */
  capacity: number;
}

/**
 * A set of classes that together can only use a set of host-weeks with too few places (Hall's condition):
 * `classes - capacity = short`. Exact for the solved plan.
 */
export interface Bottleneck {
  short: number;
  classes: number;
  capacity: number;
  weeks: number[];
  /** True when the bottleneck spans every week any host offers (not a week problem). */
  allWeeks: boolean;
  municipalities: MunicipalityShortage[];
  classIds: string[];
}

export type NoHostCause = 'all_forbidden' | 'no_week_overlap' | 'too_many_pupils';

export interface Shortage {
  /** Classes that cannot get a place in any plan. */
  shortClasses: number;
  totalClasses: number;
  /** Sum of places over all host-weeks (after locks). */
  totalCapacity: number;
  /** Classes that have no eligible host-week at all, by class. */
  noEligibleHost: { classId: string; label: string; causes: NoHostCause[] }[];
  bottlenecks: Bottleneck[];
}

export type AllocationResult =
  | Success
  | { status: 'invalid'; problems: Problem[] }
  | { status: 'infeasible'; shortage: Shortage; problems: Problem[] };
