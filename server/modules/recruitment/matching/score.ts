/**
 * The score, 0–100 with one decimal. Points for fit are earned, then normalised by what the order
 * makes possible (an order without skills cannot give skill points); penalties come off afterwards.
 *
 *   occupation   30 same occupation · 20 same ISCO unit group · 5–15 related (by the share of the
 *                order's required skills that are essential to the candidate's occupation)
 *   skills       45 × share of required skills held + 10 × share of wanted skills held
 *                (all 55 to whichever of the two the order has)
 *   distance     10 at the workplace, falling to 5 at the candidate's max; no max stated: 10 → 0 over 60 km;
 *                unknown postal code on either side: 5
 *   availability 5 when available by the start (or today); 1 point less per week later, down to −10
 *   hours        −15 × shortfall share when the candidate wants fewer hours than the job (2 hours' grace);
 *                −3 when the candidate wants more than 5 hours above them
 *   languages    −10 for each language the job needs that the candidate lacks
 *
 * Hard filters (never a match): a missing certificate, a commute beyond the candidate's own max, a
 * target group the job type does not admit. The candidate's max is respected rather than penalised:
 * the consultant can widen it in the profile. Candidates one or two certificates or required skills
 * short are offered as near misses instead (see candidate-index.ts).
 */
export const weights = {
  occupationExact: 30,
  occupationGroup: 20,
  occupationRelatedBase: 5,
  occupationRelatedRange: 10,
  skills: 55,
  requiredSkills: 45,
  wantedSkills: 10,
  distance: 10,
  distanceUnknown: 5,
  /** Without a stated max, distance points run out at this distance. */
  distanceFreeKm: 60,
  availability: 5,
  availabilityMin: -10,
  hoursShortfall: 15,
  hoursGrace: 2,
  hoursExcess: 3,
  hoursExcessFrom: 5,
  language: 10,
} as const;

/** What an order makes possible, computed once per order. */
export interface ScorePlan {
  required: number;
  wanted: number;
  requiredWeight: number;
  wantedWeight: number;
  /** The most points a candidate can earn before normalising. */
  maxPoints: number;
  /** The day from which the job needs the candidate: max(start, today). */
  neededDay: number;
  hours: number;
}

export function scorePlan(required: number, wanted: number, neededDay: number, hours: number | null | undefined): ScorePlan {
  const requiredWeight = required === 0 ? 0 : wanted === 0 ? weights.skills : weights.requiredSkills;
  const wantedWeight = wanted === 0 ? 0 : required === 0 ? weights.skills : weights.wantedSkills;
  return {
    required, wanted, requiredWeight, wantedWeight, neededDay,
    maxPoints: weights.occupationExact + requiredWeight + wantedWeight + weights.distance + weights.availability,
    hours: hours ?? Number.NaN,
  };
}

/** Occupation points for a fit found through a related occupation of the given strength (0–1). */
export function relatedPoints(strength: number): number {
  return weights.occupationRelatedBase + weights.occupationRelatedRange * Math.min(1, strength);
}

/** Distance points; NaN distance = unknown, NaN max = none stated. */
export function distancePoints(km: number, maxKm: number): number {
  if (Number.isNaN(km)) return weights.distanceUnknown;
  if (Number.isNaN(maxKm)) return weights.distance * Math.max(0, 1 - km / weights.distanceFreeKm);
  if (maxKm <= 0) return weights.distance;
  return weights.distance * (1 - 0.5 * Math.min(1, km / maxKm));
}

/** Availability points: the candidate's first day against the day the job needs them. */
export function availabilityPoints(availableDay: number, neededDay: number): number {
  const late = availableDay - neededDay;
  if (late <= 0) return weights.availability;
  return Math.max(weights.availabilityMin, weights.availability - late / 7);
}

/** Hours penalty (≤ 0); NaN on either side = no penalty. */
export function hoursPenalty(wanted: number, jobHours: number): number {
  if (Number.isNaN(wanted) || Number.isNaN(jobHours) || jobHours <= 0) return 0;
  if (wanted < jobHours - weights.hoursGrace) return -weights.hoursShortfall * ((jobHours - wanted) / jobHours);
  if (wanted > jobHours + weights.hoursExcessFrom) return -weights.hoursExcess;
  return 0;
}

/** The inputs of one candidate's score. */
export interface ScoreInput {
  occupationPoints: number;
  requiredHeld: number;
  wantedHeld: number;
  distanceKm: number;
  maxCommuteKm: number;
  availableDay: number;
  hoursWanted: number;
  missingLanguages: number;
}

/** The score in tenths (0–1000), so equal scores compare exactly. */
export function scoreTenths(plan: ScorePlan, c: ScoreInput): number {
  let points = c.occupationPoints + distancePoints(c.distanceKm, c.maxCommuteKm) + availabilityPoints(c.availableDay, plan.neededDay);
  if (plan.required > 0) points += plan.requiredWeight * (c.requiredHeld / plan.required);
  if (plan.wanted > 0) points += plan.wantedWeight * (c.wantedHeld / plan.wanted);
  const score = (100 * points) / plan.maxPoints + hoursPenalty(c.hoursWanted, plan.hours) - weights.language * c.missingLanguages;
  return Math.round(10 * Math.min(100, Math.max(0, score)));
}
