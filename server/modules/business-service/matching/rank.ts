import { daSortKey } from '../../../../common/text';
import { engagementThemes, type EngagementTheme } from '../../../../common/engagement';
import { checkEligibility, yearsBetween } from './eligibility';
import { reasons } from './reasons';
import type { MatchAssessment, MatchCompany, MatchOffer, MatchResult, OfferOutcomes, Reason } from './types';

/**
 * The score of an eligible offer, 0–100 (a little above with excellent outcomes):
 *   100 × theme fit × capacity × outcomes × eligibility
 * - theme fit: 0.7 × (highest priority among the offer's themes ÷ 5) + 0.3 × (mean priority over its themes ÷ 5),
 *   so one strongly prioritised theme counts most and broad offers are not favoured for listing many themes;
 * - capacity: 1 when there is room this quarter (or no limit), 0.5 when full (a waiting list);
 * - outcomes: earlier referrals of similar companies to the offer: ±25 % by mean satisfaction around 3,
 *   weighted by how many completed (full weight from 5), −10 % at most for rejections;
 * - eligibility: +2 % per rule the company is known to meet (a targeted offer fits better), −5 % per rule
 *   that could not be checked (unknown employees, turnover, age).
 */
export const weights = {
  themeMax: 0.7, themeMean: 0.3, capacityFull: 0.5, outcomeSpan: 0.25, outcomeFullAt: 5, rejectionPenalty: 0.1,
  definiteRule: 0.02, unknownRule: 0.05,
} as const;

const unknownCodes = new Set(['employees_unknown', 'industry_unknown', 'place_unknown', 'turnover_unknown', 'age_unknown']);

function themeFit(offer: MatchOffer, priorities: MatchAssessment['priorities']): number {
  if (offer.themes.length === 0) return 0;
  let max = 0;
  let sum = 0;
  for (const theme of offer.themes) {
    const p = priorities[theme] ?? 0;
    if (p > max) max = p;
    sum += p;
  }
  return weights.themeMax * (max / 5) + weights.themeMean * (sum / offer.themes.length / 5);
}

function outcomeFactor(o: OfferOutcomes | undefined): number {
  if (!o) return 1;
  let factor = 1;
  if (o.completed > 0 && o.meanSatisfaction !== null) {
    factor += weights.outcomeSpan * ((o.meanSatisfaction - 3) / 2) * (Math.min(o.completed, weights.outcomeFullAt) / weights.outcomeFullAt);
  }
  if (o.rejected > 0) factor *= 1 - weights.rejectionPenalty * (Math.min(o.rejected, weights.outcomeFullAt) / weights.outcomeFullAt);
  return factor;
}

const free = (offer: MatchOffer) => (offer.capacityPerQuarter === null ? null : offer.capacityPerQuarter - offer.usedThisQuarter);

function score(fit: number, offer: MatchOffer, outcomes: OfferOutcomes | undefined, definite: number, unknown: number): number {
  const room = free(offer);
  const capacity = room === null || room > 0 ? 1 : weights.capacityFull;
  const eligibility = (1 + weights.definiteRule * definite) * (1 - weights.unknownRule * unknown);
  return Math.round(1000 * fit * capacity * outcomeFactor(outcomes) * eligibility) / 10;
}

function themeReasons(offer: MatchOffer, priorities: MatchAssessment['priorities']): Reason[] {
  const matched = offer.themes
    .map((theme) => ({ theme, p: priorities[theme] ?? 0 }))
    .filter((x) => x.p > 0)
    .sort((a, b) => b.p - a.p || engagementThemes.indexOf(a.theme) - engagementThemes.indexOf(b.theme));
  return matched.length ? matched.map((x) => reasons.theme(x.theme as EngagementTheme, x.p)) : [reasons.noPrioritisedTheme()];
}

function outcomeReasons(o: OfferOutcomes | undefined): Reason[] {
  if (!o) return [];
  const out: Reason[] = [];
  if (o.completed > 0) out.push(o.meanSatisfaction === null ? reasons.outcomesNoScore(o.completed) : reasons.outcomes(o.completed, Math.round(o.meanSatisfaction * 10) / 10));
  if (o.rejected > 0) out.push(reasons.rejections(o.rejected));
  return out;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** One offer judged with reasons (the full, explained path). */
function explain(offer: MatchOffer, company: MatchCompany, assessment: MatchAssessment, outcomes: ReadonlyMap<string, OfferOutcomes>)
  : { rules: Reason[] } | { score: number; reasons: Reason[] } {
  const check = checkEligibility(offer, company, assessment);
  if (check.failed.length) return { rules: check.failed };
  const unknown = check.passed.filter((r) => unknownCodes.has(r.code)).length;
  const definite = check.passed.length - unknown;
  const room = free(offer);
  const capacity = room === null ? [] : [room > 0 ? reasons.capacityFree(room, offer.capacityPerQuarter!) : reasons.capacityFull(offer.capacityPerQuarter!)];
  const o = outcomes.get(offer.id);
  return {
    score: score(themeFit(offer, assessment.priorities), offer, o, definite, unknown),
    reasons: [...themeReasons(offer, assessment.priorities), ...check.passed, ...capacity, ...outcomeReasons(o)],
  };
}

export interface RankOptions {
  /**
   * Explain only the best `limit` eligible and the first `limit` ineligible offers (what a page shows).
   * Every offer is still judged, scored, ordered and counted; the result equals the full ranking cut at `limit`.
   */
  limit?: number;
}

/**
 * Ranks every offer for one assessment, with reasons: the eligible ones by score (ties by title in Danish
 * order), the ineligible ones apart, in title order, with the rules that exclude them. Pure: same input,
 * same output. Pass `prepareOffers(offers)` (kept while the offers do not change) to skip computing the
 * titles' Danish sort keys on every call.
 */
export function rankOffers(
  offers: readonly MatchOffer[] | PreparedOffers, company: MatchCompany, assessment: MatchAssessment,
  outcomes: ReadonlyMap<string, OfferOutcomes> = new Map(), options: RankOptions = {},
): MatchResult {
  const prepared = 'sortKeys' in offers ? offers : prepareOffers(offers);
  const list = prepared.offers;
  const eligible: { i: number; score: number; reasons?: Reason[] }[] = [];
  const ineligible: { i: number; rules?: Reason[] }[] = [];
  const age = company.startDate ? yearsBetween(company.startDate, assessment.date) : null;
  // Offers are visited in title order, so the ineligible list needs no sort and equal scores keep title order.
  for (const i of prepared.order) {
    const offer = list[i];
    if (options.limit === undefined) {
      const judged = explain(offer, company, assessment, outcomes);
      if ('rules' in judged) ineligible.push({ i, rules: judged.rules });
      else eligible.push({ i, ...judged });
    } else {
      // The fast path decides and scores every offer; only what is returned gets its reasons below.
      const verdict = judge(offer, company, assessment, age);
      if (verdict < 0) ineligible.push({ i });
      else eligible.push({ i, score: score(themeFit(offer, assessment.priorities), offer, outcomes.get(offer.id), verdict >> 3, verdict & 7) });
    }
  }
  // A stable sort: ties stay in title order.
  eligible.sort((a, b) => b.score - a.score);
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const explained = (i: number) => explain(list[i], company, assessment, outcomes);
  return {
    eligible: eligible.slice(0, limit).map((e) => {
      const judged = e.reasons ? e : explained(e.i) as { score: number; reasons: Reason[] };
      return { offerId: list[e.i].id, score: judged.score, reasons: judged.reasons! };
    }),
    ineligible: ineligible.slice(0, limit).map((x) => ({ offerId: list[x.i].id, rules: x.rules ?? (explained(x.i) as { rules: Reason[] }).rules })),
    eligibleTotal: eligible.length,
    ineligibleTotal: ineligible.length,
  };
}

/**
 * The fast form of `checkEligibility`, without reasons: -1 when a rule excludes the offer, otherwise
 * (rules known to be met) × 8 + (rules that could not be checked). `rankOffers` with a limit and
 * `topOffers` use it; tests hold it to the explained path.
 */
function judge(offer: MatchOffer, company: MatchCompany, assessment: MatchAssessment, age: number | null): number {
  let definite = 0;
  let unknown = 0;
  if (offer.status !== 'published') return -1;
  if (offer.activeFrom && assessment.date < offer.activeFrom) return -1;
  if (offer.activeTo && assessment.date > offer.activeTo) return -1;
  if (offer.minEmployees !== null || offer.maxEmployees !== null) {
    if (company.employees === null) unknown += 1;
    else if ((offer.minEmployees !== null && company.employees < offer.minEmployees) || (offer.maxEmployees !== null && company.employees > offer.maxEmployees)) return -1;
    else definite += 1;
  }
  if (offer.industries.length > 0) {
    if (!company.industryCode && !company.industrySection) unknown += 1;
    else if (offer.industries.some((rule) => (/^[A-Z]$/.test(rule) ? company.industrySection === rule : company.industryCode !== null && company.industryCode.startsWith(rule.replaceAll('.', ''))))) definite += 1;
    else return -1;
  }
  if (offer.municipalities.length > 0 || offer.regions.length > 0) {
    if (company.municipalityCode === null) unknown += 1;
    else if (offer.municipalities.includes(company.municipalityCode) || (company.regionCode !== null && offer.regions.includes(company.regionCode))) definite += 1;
    else return -1;
  }
  if (offer.minTurnoverDkk !== null) {
    if (assessment.turnoverDkk === null) unknown += 1;
    else if (assessment.turnoverDkk < offer.minTurnoverDkk) return -1;
    else definite += 1;
  }
  if (offer.segment !== null && assessment.segment !== null) {
    if (assessment.segment !== offer.segment) return -1;
    definite += 1;
  }
  if (offer.minCompanyAgeYears !== null || offer.maxCompanyAgeYears !== null) {
    if (age === null) unknown += 1;
    else if ((offer.minCompanyAgeYears !== null && age < offer.minCompanyAgeYears) || (offer.maxCompanyAgeYears !== null && age > offer.maxCompanyAgeYears)) return -1;
    else definite += 1;
  }
  return definite * 8 + unknown;
}

/** Offers prepared once for many assessments: their titles' Danish sort keys and the offers' indices in that order. */
export interface PreparedOffers {
  offers: readonly MatchOffer[];
  sortKeys: readonly string[];
  /** Indices into `offers` by title in Danish order (then by id). */
  order: readonly number[];
}

export function prepareOffers(offers: readonly MatchOffer[]): PreparedOffers {
  const sortKeys = offers.map((o) => daSortKey(o.title));
  return { offers, sortKeys, order: titleOrder(offers, sortKeys) };
}

/** Indices of `offers` by sort key, then id. */
export function titleOrder(offers: readonly { id: string }[], sortKeys: readonly string[]): number[] {
  return offers.map((_, i) => i).sort((a, b) => compare(sortKeys[a], sortKeys[b]) || compare(offers[a].id, offers[b].id));
}

/** The most the factors besides theme fit can multiply a score by: room, outcomes all 5, all six rules known to be met. */
const ceiling = (1 + weights.outcomeSpan) * (1 + weights.definiteRule * 6);

/**
 * The same decision and score as `rankOffers` without building reasons: for ranking thousands of
 * assessments at once (a nightly "best offers" list, the benchmark). Returns the best `limit` offers.
 */
export function topOffers(
  prepared: PreparedOffers, company: MatchCompany, assessment: MatchAssessment, outcomes: ReadonlyMap<string, OfferOutcomes>, limit: number,
): { offerId: string; score: number }[] {
  const best: { offerId: string; score: number; key: string }[] = [];
  const age = company.startDate ? yearsBetween(company.startDate, assessment.date) : null;
  for (let i = 0; i < prepared.offers.length; i += 1) {
    const offer = prepared.offers[i];
    const fit = themeFit(offer, assessment.priorities);
    // The best score this offer could reach (room, top outcomes, every rule met) cannot beat the worst kept: skip it.
    if (best.length >= limit && Math.round(1000 * fit * ceiling) / 10 < best[best.length - 1].score) continue;
    const verdict = judge(offer, company, assessment, age);
    if (verdict < 0) continue;
    const s = score(fit, offer, outcomes.get(offer.id), verdict >> 3, verdict & 7);
    const key = prepared.sortKeys[i];
    if (best.length < limit) best.push({ offerId: offer.id, score: s, key });
    else {
      const worst = best[best.length - 1];
      if (s < worst.score || (s === worst.score && key >= worst.key)) continue;
      best[best.length - 1] = { offerId: offer.id, score: s, key };
    }
    best.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
  return best.map(({ offerId, score: s }) => ({ offerId, score: s }));
}
