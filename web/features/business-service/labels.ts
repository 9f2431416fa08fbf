import type { MatchReason, OfferFinancing, OfferStatus, Segment } from '../../../common/business-service';
import type { EngagementTheme } from '../../../common/engagement';
import type { Locale } from '../../../common/identity';
import type { OrganisationKind } from '../../../common/roles';
import type { MessageKey, Params } from '../../i18n/i18n';
import { formatDay } from '../../lib/dates';

type T = (key: MessageKey, params?: Params) => string;

export const themeKey = (theme: EngagementTheme): MessageKey => `theme.${theme}`;
export const kindKey = (kind: OrganisationKind): MessageKey => `kind.${kind}`;
export const financingKey = (f: OfferFinancing): MessageKey => `financing.${f}`;
export const offerStatusKey = (s: OfferStatus): MessageKey => `offerStatus.${s}`;
export const segmentKey = (s: Segment): MessageKey => `segment.${s}`;
export const priorityKey = (p: number): MessageKey => `priority.${Math.max(0, Math.min(5, p)) as 0 | 1 | 2 | 3 | 4 | 5}`;

/** DB07 code "251100" → "25.11.00" (as the matching reasons write it). */
export const formatIndustryCode = (code: string): string =>
  (code.length === 6 ? `${code.slice(0, 2)}.${code.slice(2, 4)}.${code.slice(4)}` : code);

export { formatDay, todayIso } from '../../lib/dates';

/** "10–249", "mindst 10", "højst 9" or null when there is no limit. */
export function rangeText(t: T, min: number | null, max: number | null, format: (n: number) => string): string | null {
  if (min !== null && max !== null) return t('offer.range', { min: format(min), max: format(max) });
  if (min !== null) return t('offer.rangeMin', { min: format(min) });
  if (max !== null) return t('offer.rangeMax', { max: format(max) });
  return null;
}

/** The financing of an offer in words: "Medfinansieret (50 % egenbetaling)". */
export function financingText(t: T, financing: OfferFinancing, rate: number | null): string {
  return financing === 'co_financed' && rate !== null ? t('financing.coFinancedRate', { rate }) : t(financingKey(financing));
}

const reasonKeys: Record<string, MessageKey> = {
  theme: 'reason.theme', theme_none: 'reason.theme_none', employees_within: 'reason.employees_within', employees_outside: 'reason.employees_outside',
  employees_unknown: 'reason.employees_unknown', industry_included: 'reason.industry_included', industry_excluded: 'reason.industry_excluded',
  industry_unknown: 'reason.industry_unknown', place_included: 'reason.place_included', place_excluded: 'reason.place_excluded',
  place_unknown: 'reason.place_unknown', turnover_ok: 'reason.turnover_ok', turnover_too_low: 'reason.turnover_too_low',
  turnover_unknown: 'reason.turnover_unknown', segment_ok: 'reason.segment_ok', segment_mismatch: 'reason.segment_mismatch', age_ok: 'reason.age_ok',
  age_outside: 'reason.age_outside', age_unknown: 'reason.age_unknown', not_published: 'reason.not_published', not_yet_active: 'reason.not_yet_active',
  expired: 'reason.expired', capacity_free: 'reason.capacity_free', capacity_full: 'reason.capacity_full', outcomes: 'reason.outcomes',
  outcomes_no_score: 'reason.outcomes_no_score', rejections: 'reason.rejections',
};

/**
 * A matching reason in the user's language. Danish shows the server's own sentence; English is built from
 * the reason's stable code and parameters (an unknown code falls back to the Danish sentence).
 */
export function reasonText(t: T, locale: Locale, reason: MatchReason, formatNumber: (n: number) => string): string {
  const key = reasonKeys[reason.code];
  if (locale === 'da' || !key) return reason.text;
  const p = reason.params;
  const num = (name: string) => (typeof p[name] === 'number' ? formatNumber(p[name] as number) : String(p[name] ?? ''));
  const n = (name: string) => (p[name] === '' || p[name] === undefined ? null : Number(p[name]));
  const range = rangeText(t, n('min'), n('max'), formatNumber) ?? '';
  return t(key, {
    theme: typeof p.theme === 'string' ? t(themeKey(p.theme as EngagementTheme)).toLowerCase() : '',
    priority: num('priority'), employees: num('employees'), range, code: String(p.code ?? ''), allowed: String(p.allowed ?? ''),
    name: String(p.name ?? ''), min: num('min'), turnover: num('turnover'), segment: typeof p.segment === 'string' ? t(segmentKey(p.segment as Segment)).toLowerCase() : '',
    years: num('years'), from: formatDay(locale, String(p.from ?? '')), to: formatDay(locale, String(p.to ?? '')), free: num('free'),
    capacity: num('capacity'), completed: num('completed'), satisfaction: num('satisfaction'), rejected: num('rejected'),
  });
}
