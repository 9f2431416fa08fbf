import { reasons } from './reasons';
import type { MatchAssessment, MatchCompany, MatchOffer, Reason } from './types';

export interface Eligibility {
  /** Rules the offer fails; empty = eligible. */
  failed: Reason[];
  /** Rules it passes (or cannot check: unknown facts never exclude), shown as reasons. */
  passed: Reason[];
}

/** Whole years between two ISO dates. */
export function yearsBetween(fromIso: string, toIso: string): number {
  const years = Number(toIso.slice(0, 4)) - Number(fromIso.slice(0, 4));
  // Month and day compare as text ("03-01" < "11-20"): the birthday this year has not come yet.
  return years - (toIso.slice(5, 10) < fromIso.slice(5, 10) ? 1 : 0);
}

/** DB07 code "251100" → "25.11.00" for display. */
export function formatIndustryCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 2)}.${code.slice(2, 4)}.${code.slice(4)}` : code;
}

function industryMatches(company: MatchCompany, rule: string): boolean {
  if (/^[A-Z]$/.test(rule)) return company.industrySection === rule;
  return company.industryCode !== null && company.industryCode.startsWith(rule.replaceAll('.', ''));
}

/**
 * Checks every eligibility rule of an offer for a company and its assessment. A rule that needs a fact
 * the company record lacks (employees, turnover, start date) passes with an "unknown" reason: the consultant
 * can check it with the company, while a known fact outside the rule excludes the offer.
 */
export function checkEligibility(offer: MatchOffer, company: MatchCompany, assessment: MatchAssessment): Eligibility {
  const failed: Reason[] = [];
  const passed: Reason[] = [];

  if (offer.status !== 'published') failed.push(reasons.notPublished());
  if (offer.activeFrom && assessment.date < offer.activeFrom) failed.push(reasons.notYetActive(offer.activeFrom));
  if (offer.activeTo && assessment.date > offer.activeTo) failed.push(reasons.expired(offer.activeTo));

  if (offer.minEmployees !== null || offer.maxEmployees !== null) {
    if (company.employees === null) passed.push(reasons.employeesUnknown(offer.minEmployees, offer.maxEmployees));
    else if ((offer.minEmployees !== null && company.employees < offer.minEmployees)
      || (offer.maxEmployees !== null && company.employees > offer.maxEmployees)) {
      failed.push(reasons.employeesOutside(company.employees, offer.minEmployees, offer.maxEmployees));
    } else passed.push(reasons.employeesWithin(company.employees, offer.minEmployees, offer.maxEmployees));
  }

  if (offer.industries.length > 0) {
    const shown = company.industryCode ? formatIndustryCode(company.industryCode) : company.industrySection;
    if (!company.industryCode && !company.industrySection) passed.push(reasons.industryUnknown());
    else if (offer.industries.some((rule) => industryMatches(company, rule))) {
      passed.push(reasons.industryIncluded(`${shown}${company.industrySection && shown !== company.industrySection ? ` (${company.industrySection})` : ''}`));
    } else failed.push(reasons.industryExcluded(shown ?? '', offer.industries));
  }

  if (offer.municipalities.length > 0 || offer.regions.length > 0) {
    const name = company.municipalityName ?? `kommune ${company.municipalityCode ?? ''}`.trim();
    if (company.municipalityCode === null) passed.push(reasons.placeUnknown());
    else if (offer.municipalities.includes(company.municipalityCode)
      || (company.regionCode !== null && offer.regions.includes(company.regionCode))) passed.push(reasons.placeIncluded(name));
    else failed.push(reasons.placeExcluded(name));
  }

  if (offer.minTurnoverDkk !== null) {
    if (assessment.turnoverDkk === null) passed.push(reasons.turnoverUnknown(offer.minTurnoverDkk));
    else if (assessment.turnoverDkk < offer.minTurnoverDkk) failed.push(reasons.turnoverTooLow(assessment.turnoverDkk, offer.minTurnoverDkk));
    else passed.push(reasons.turnoverOk(offer.minTurnoverDkk));
  }

  if (offer.segment !== null) {
    if (assessment.segment === offer.segment) passed.push(reasons.segmentOk(offer.segment));
    else if (assessment.segment !== null) failed.push(reasons.segmentMismatch(offer.segment));
  }

  if (offer.minCompanyAgeYears !== null || offer.maxCompanyAgeYears !== null) {
    if (!company.startDate) passed.push(reasons.ageUnknown());
    else {
      const years = yearsBetween(company.startDate, assessment.date);
      if ((offer.minCompanyAgeYears !== null && years < offer.minCompanyAgeYears)
        || (offer.maxCompanyAgeYears !== null && years > offer.maxCompanyAgeYears)) {
        failed.push(reasons.ageOutside(years, offer.minCompanyAgeYears, offer.maxCompanyAgeYears));
      } else passed.push(reasons.ageOk(years));
    }
  }
  return { failed, passed };
}
