import type { MatchList, OfferFinancing, Segment } from '../../../common/business-service';
import type { EngagementTheme } from '../../../common/engagement';
import type { OrganisationKind } from '../../../common/roles';
import type { Db } from '../../db/client';
import type { Actor } from '../../policy';
import { assertReadable } from './assessments.service';
import { fullPriorities } from './assessments.presenter';
import { quarterOf, todayInDenmark } from './matches.dates';
import * as cache from './matches.cache';
import * as repo from './matches.repo';
import {
  rankOffers, topOffers, type MatchAssessment, type MatchCompany, type MatchOffer, type OfferOutcomes, type PreparedOffers,
} from './matching';
import type { OfferRow } from './offers.repo';

/** "Kolding Kommune"; the two municipalities whose names do not take "Kommune" plainly are spelt out. */
export function municipalityDisplayName(code: number, name: string): string {
  if (code === 101) return 'Københavns Kommune';
  if (code === 400) return 'Bornholms Regionskommune';
  return `${name} Kommune`;
}

function toMatchOffer(row: OfferRow): MatchOffer {
  return {
    id: row.id, title: row.title, providerName: row.provider_name, themes: row.themes as EngagementTheme[],
    minEmployees: row.min_employees, maxEmployees: row.max_employees, industries: row.industries,
    municipalities: row.municipalities, regions: row.regions,
    minTurnoverDkk: row.min_turnover_dkk === null ? null : Number(row.min_turnover_dkk),
    segment: row.segment as Segment | null, minCompanyAgeYears: row.min_company_age_years, maxCompanyAgeYears: row.max_company_age_years,
    capacityPerQuarter: row.capacity_per_quarter, usedThisQuarter: 0,
    activeFrom: row.active_from, activeTo: row.active_to, status: row.status as MatchOffer['status'],
  };
}

const preparedByCapacity = new WeakMap<ReadonlyMap<string, number>, WeakMap<cache.CachedOffers, PreparedOffers>>();

/**
 * The cached offers with this quarter's capacity used filled in (only offers with a capacity are copied),
 * kept while both the offers and the capacity figures are the cached ones.
 */
function withCapacity(offers: cache.CachedOffers, used: ReadonlyMap<string, number>): PreparedOffers {
  let byOffers = preparedByCapacity.get(used);
  if (!byOffers) preparedByCapacity.set(used, (byOffers = new WeakMap()));
  let result = byOffers.get(offers);
  if (!result) {
    result = {
      offers: offers.matchOffers.map((o) => (o.capacityPerQuarter !== null && used.has(o.id) ? { ...o, usedThisQuarter: used.get(o.id)! } : o)),
      sortKeys: offers.sortKeys,
      order: offers.order,
    };
    byOffers.set(offers, result);
  }
  return result;
}

const none: ReadonlyMap<string, OfferOutcomes> = new Map();

const presentMatchOffer = (row: OfferRow, providers: ReadonlyMap<string, repo.Provider>) => {
  const provider = providers.get(row.provider_id) ?? { id: row.provider_id, name: row.provider_name, kind: row.provider_kind };
  return {
    id: row.id, title: row.title, provider: { id: provider.id, name: provider.name, kind: provider.kind as OrganisationKind },
    themes: row.themes as EngagementTheme[], financing: row.financing as OfferFinancing, coFinancingRate: row.co_financing_rate,
    responseDays: row.response_days, virksomhedsguidenUrl: row.virksomhedsguiden_url,
  };
};

/**
 * The partnership's published offers ranked for one assessment, with reasons. Eligibility, active periods
 * and capacity are judged as of today (the day a referral would be sent); the assessment gives the needs,
 * segment and turnover, the company record the rest. Outcomes come from earlier referrals of companies
 * in the same DB07 section and size class.
 */
export async function matchesFor(db: Db, actor: Actor, assessmentId: string, limit: number): Promise<MatchList> {
  const subject = assertReadable(actor, await repo.matchSubject(db, actor.partnershipId, assessmentId));
  const today = todayInDenmark();
  const [{ offers, providers }, used, outcomes] = await Promise.all([
    cache.publishedOffers(db, actor.partnershipId, toMatchOffer),
    cache.capacityUsed(db, actor.partnershipId, quarterOf(today)),
    cache.outcomesByGroup(db, actor.partnershipId),
  ]);
  const group = cache.outcomeGroup(subject.industry_section, subject.employees);
  const municipalityName = subject.municipality_code !== null && subject.municipality_name
    ? municipalityDisplayName(subject.municipality_code, subject.municipality_name) : null;
  const matchCompany: MatchCompany = {
    employees: subject.employees, industryCode: subject.industry_code, industrySection: subject.industry_section,
    municipalityCode: subject.municipality_code, municipalityName, regionCode: subject.region_code, startDate: subject.start_date,
  };
  const matchAssessment: MatchAssessment = {
    date: today, priorities: fullPriorities(subject.priorities), segment: subject.segment as Segment | null,
    turnoverDkk: subject.turnover_dkk === null ? null : Number(subject.turnover_dkk),
  };
  const result = rankOffers(withCapacity(offers, used), matchCompany, matchAssessment, (group && outcomes.get(group)) || none, { limit });
  const { byId } = offers;
  return {
    assessment: { id: subject.id, companyId: subject.company_id, companyName: subject.company_name, date: subject.date },
    company: {
      employees: subject.employees, industryCode: subject.industry_code, industrySection: subject.industry_section,
      municipalityName, regionName: subject.region_name, startDate: subject.start_date,
    },
    matchedOn: today,
    eligible: result.eligible.map((e) => ({ offer: presentMatchOffer(byId.get(e.offerId)!, providers), score: e.score, reasons: e.reasons })),
    ineligible: result.ineligible.map((x) => ({ offer: presentMatchOffer(byId.get(x.offerId)!, providers), rules: x.rules })),
    eligibleTotal: result.eligibleTotal,
    ineligibleTotal: result.ineligibleTotal,
  };
}

/**
 * Ranks every assessment of a partnership at once without reasons (`topOffers`): offers, capacity and the
 * outcomes of every section and size class are read once, assessments in pages of `pageSize`. Calls
 * `onRanked` per page with each assessment's best `top` offers (a nightly "best offers" list, the benchmark).
 */
export async function rankAllAssessments(db: Db, partnershipId: string, options: {
  top: number; pageSize?: number; maxAssessments?: number;
  onRanked?(page: { assessmentId: string; offers: { offerId: string; score: number }[] }[]): void;
}): Promise<number> {
  const today = todayInDenmark();
  const [{ offers }, used, outcomes] = await Promise.all([
    cache.publishedOffers(db, partnershipId, toMatchOffer), cache.capacityUsed(db, partnershipId, quarterOf(today)), cache.outcomesByGroup(db, partnershipId),
  ]);
  const ranking = withCapacity(offers, used);
  let after: string | null = null;
  let ranked = 0;
  for (;;) {
    const size = Math.min(options.pageSize ?? 5000, (options.maxAssessments ?? Number.POSITIVE_INFINITY) - ranked);
    if (size <= 0) return ranked;
    const page = await repo.assessmentBatch(db, partnershipId, after, size);
    if (page.length === 0) return ranked;
    const results = page.map((a) => {
      const company: MatchCompany = {
        employees: a.employees, industryCode: a.industry_code, industrySection: a.industry_section, municipalityCode: a.municipality_code,
        municipalityName: null, regionCode: a.region_code, startDate: a.start_date,
      };
      const assessment: MatchAssessment = {
        date: today, priorities: fullPriorities(a.priorities), segment: a.segment as Segment | null,
        turnoverDkk: a.turnover_dkk === null ? null : Number(a.turnover_dkk),
      };
      const group = cache.outcomeGroup(a.industry_section, a.employees);
      return { assessmentId: a.assessment_id, offers: topOffers(ranking, company, assessment, (group && outcomes.get(group)) || none, options.top) };
    });
    options.onRanked?.(results);
    ranked += page.length;
    after = page[page.length - 1].assessment_id;
  }
}
