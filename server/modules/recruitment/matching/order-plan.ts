import { dayNumber } from './geo';
import { relatedPoints, scorePlan, type ScorePlan } from './score';
import type { CandidateStore } from './store';
import type { RelatedOccupation } from './taxonomy';
import type { MatchOrder } from './types';

/** An order resolved against the taxonomy and the store's interned ids, once per match. */
export interface OrderPlan {
  score: ScorePlan;
  occupation: number;
  group: number;
  required: Int32Array;
  wanted: Int32Array;
  /** Related occupations (not the order's own) with the points they give. */
  related: Map<number, RelatedOccupation & { points: number }>;
  /** Certificate codes the order requires, with their interned ids (-1 = no candidate holds it). */
  certificates: { code: string; id: number }[];
  languageMask: number;
  /** Required languages no candidate has ever named (missing for everyone). */
  languagesUnknown: number;
  languages: string[];
  /** Target group ids admitted, or null for everyone. */
  targets: Set<number> | null;
  /** Workplace [lat, lon], or null when unknown. */
  place: [number, number] | null;
  todayDay: number;
  today: string;
  startDate: string | null;
}

const unique = (values: readonly string[] | undefined) => [...new Set((values ?? []).map((v) => v.trim()).filter(Boolean))];

/** Resolves an order: occupation (URI or DISCO/ISCO code), default required skills, related occupations, place and filters. */
export function planOrder(store: CandidateStore, order: MatchOrder, today: string): OrderPlan {
  const t = store.taxonomy;
  const todayDay = dayNumber(today);
  const { occupation, group } = t.resolveOccupation(order.occupation.trim());
  let required: Int32Array = Int32Array.from(new Set(unique(order.requiredSkills).map((s) => t.internSkill(s)))).sort();
  if (required.length === 0) {
    if (occupation >= 0 && t.essentialSkills(occupation).length > 0) required = t.essentialSkills(occupation);
    else if (group >= 0) required = t.groupEssentialSkills(group);
  }
  const requiredSet = new Set(required);
  const wanted = Int32Array.from(new Set(unique(order.wantedSkills).map((s) => t.internSkill(s))))
    .filter((s) => !requiredSet.has(s)).sort();
  const related = new Map<number, RelatedOccupation & { points: number }>();
  for (const r of t.relatedOccupations(required)) {
    if (r.occupation !== occupation) related.set(r.occupation, { ...r, points: relatedPoints(r.strength) });
  }
  let languageMask = 0;
  let languagesUnknown = 0;
  const languages = unique(order.languages);
  for (const l of languages) {
    const bit = store.languageBit(l);
    if (bit === 0) languagesUnknown += 1;
    languageMask |= bit;
  }
  const startDay = order.startDate ? dayNumber(order.startDate) : todayDay;
  const targetNames = order.targetGroups ?? null;
  return {
    score: scorePlan(required.length, wanted.length, Math.max(startDay, todayDay), order.hoursPerWeek),
    occupation,
    group,
    required,
    wanted,
    related,
    certificates: unique(order.certificates).map((code) => ({ code, id: store.certificateId(code) })),
    languageMask,
    languagesUnknown,
    languages,
    targets: targetNames === null ? null : new Set(targetNames.map((n) => store.targetId(n)).filter((id) => id >= 0)),
    place: t.postalCentroid(order.workplacePostalCode) ?? t.municipalityCentroid(order.workplaceMunicipalityCode),
    todayDay,
    today,
    startDate: order.startDate ?? null,
  };
}
