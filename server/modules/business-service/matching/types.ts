import type { EngagementTheme } from '../../../../common/engagement';

/** What the matcher knows about the company being matched. */
export interface MatchCompany {
  employees: number | null;
  /** DB07 code without dots, e.g. "251100". */
  industryCode: string | null;
  /** DB07 section letter, e.g. "C". */
  industrySection: string | null;
  municipalityCode: number | null;
  municipalityName: string | null;
  regionCode: number | null;
  /** ISO date the company started (CVR). */
  startDate: string | null;
}

/** The needs assessment being matched: a priority 0–5 per theme, segment and stated turnover. */
export interface MatchAssessment {
  /** The day eligibility is judged on (active periods, company age); the service passes today. */
  date: string;
  priorities: Partial<Record<EngagementTheme, number>>;
  segment: 'growth' | 'operations' | null;
  turnoverDkk: number | null;
}

/** Outcomes of earlier referrals of similar companies (same industry section and size class) to one offer. */
export interface OfferOutcomes {
  /** Referrals of similar companies that reached `afsluttet`. */
  completed: number;
  /** Mean satisfaction (1–5) of those with a score; null when none gave one. */
  meanSatisfaction: number | null;
  /** Referrals of similar companies the provider rejected. */
  rejected: number;
}

export interface MatchOffer {
  id: string;
  title: string;
  providerName: string;
  themes: readonly EngagementTheme[];
  minEmployees: number | null;
  maxEmployees: number | null;
  /** DB07 section letters or code prefixes (digits); empty = every industry. */
  industries: readonly string[];
  municipalities: readonly number[];
  regions: readonly number[];
  minTurnoverDkk: number | null;
  segment: 'growth' | 'operations' | null;
  minCompanyAgeYears: number | null;
  maxCompanyAgeYears: number | null;
  capacityPerQuarter: number | null;
  /** Referrals started (or accepted) in the quarter of the day matched on (`MatchAssessment.date`). */
  usedThisQuarter: number;
  activeFrom: string | null;
  activeTo: string | null;
  status: 'draft' | 'published' | 'archived';
}

/** One plain-language reason: a stable code, its parameters, and the Danish sentence shown to users. */
export interface Reason {
  code: string;
  params: Record<string, string | number>;
  text: string;
}

export interface RankedOffer {
  offerId: string;
  /** 0–100+, higher is better; equal scores are ordered by title in Danish order. */
  score: number;
  reasons: Reason[];
}

export interface ExcludedOffer {
  offerId: string;
  /** The rules the offer fails, first the decisive one. */
  rules: Reason[];
}

export interface MatchResult {
  eligible: RankedOffer[];
  ineligible: ExcludedOffer[];
  /** How many offers are eligible and ineligible in all (the lists may be cut at `RankOptions.limit`). */
  eligibleTotal: number;
  ineligibleTotal: number;
}
