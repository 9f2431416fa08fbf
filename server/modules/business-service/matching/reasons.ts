import type { EngagementTheme } from '../../../../common/engagement';
import type { Reason } from './types';

/** Short Danish theme names as they read inside a sentence ("tema automatisering, prioritet 5"). */
export const themeWords: Record<EngagementTheme, string> = {
  automation_digitalisation: 'automatisering og digitalisering',
  green_transition: 'grøn omstilling',
  leadership: 'ledelse',
  export: 'eksport',
  financing: 'finansiering',
  skills_recruitment: 'kompetencer og rekruttering',
  production_lean: 'produktion og lean',
  innovation: 'innovation',
  ownership_change: 'ejerskifte',
};

const numberDa = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });
/** 7800 → "7.800", 4.6 → "4,6". Small whole numbers (most reasons) skip Intl, which is slow per call. */
export const formatNumber = (value: number): string =>
  (Number.isInteger(value) && value > -1000 && value < 1000 ? String(value) : numberDa.format(value));

const monthsDa = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
/** "2027-01-01" → "1. januar 2027". */
export function formatDateDa(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}. ${monthsDa[m - 1]} ${y}`;
}

function range(min: number | null, max: number | null): string {
  if (min !== null && max !== null) return `${formatNumber(min)}–${formatNumber(max)}`;
  if (min !== null) return `mindst ${formatNumber(min)}`;
  return `højst ${formatNumber(max ?? 0)}`;
}

type Params = Record<string, string | number>;
const make = (code: string, params: Params, text: string): Reason => ({ code, params, text });

/** Every reason the matcher gives, in one place so the wording stays consistent. */
export const reasons = {
  theme: (theme: EngagementTheme, priority: number) =>
    make('theme', { theme, priority }, `tema ${themeWords[theme]}, prioritet ${priority}`),
  noPrioritisedTheme: () =>
    make('theme_none', {}, 'ingen af ydelsens temaer er prioriteret i behovsafdækningen'),
  employeesWithin: (employees: number, min: number | null, max: number | null) =>
    make('employees_within', { employees, min: min ?? '', max: max ?? '' }, `${formatNumber(employees)} ansatte, inden for ${range(min, max)}`),
  employeesOutside: (employees: number, min: number | null, max: number | null) =>
    make('employees_outside', { employees, min: min ?? '', max: max ?? '' }, `${formatNumber(employees)} ansatte, uden for ${range(min, max)}`),
  employeesUnknown: (min: number | null, max: number | null) =>
    make('employees_unknown', { min: min ?? '', max: max ?? '' }, `antal ansatte ukendt (ydelsen kræver ${range(min, max)})`),
  industryIncluded: (code: string) => make('industry_included', { code }, `branche ${code} er omfattet`),
  industryExcluded: (code: string, allowed: readonly string[]) =>
    make('industry_excluded', { code, allowed: allowed.join(', ') }, `branche ${code} er ikke omfattet (kun ${allowed.join(', ')})`),
  industryUnknown: () => make('industry_unknown', {}, 'virksomhedens branche er ukendt'),
  placeIncluded: (name: string) => make('place_included', { name }, `${name} er omfattet`),
  placeExcluded: (name: string) => make('place_excluded', { name }, `${name} er ikke omfattet af ydelsens geografi`),
  placeUnknown: () => make('place_unknown', {}, 'virksomhedens kommune er ukendt'),
  turnoverOk: (min: number) => make('turnover_ok', { min }, `omsætning over ${formatNumber(min)} kr.`),
  turnoverTooLow: (turnover: number, min: number) =>
    make('turnover_too_low', { turnover, min }, `omsætning ${formatNumber(turnover)} kr., under kravet på ${formatNumber(min)} kr.`),
  turnoverUnknown: (min: number) => make('turnover_unknown', { min }, `omsætning ukendt (ydelsen kræver mindst ${formatNumber(min)} kr.)`),
  segmentOk: (segment: string) => make('segment_ok', { segment }, segment === 'growth' ? 'vækstvirksomhed, som ydelsen er til' : 'driftsvirksomhed, som ydelsen er til'),
  segmentMismatch: (segment: string) =>
    make('segment_mismatch', { segment }, segment === 'growth' ? 'ydelsen er kun for vækstvirksomheder' : 'ydelsen er kun for driftsvirksomheder'),
  ageOk: (years: number) => make('age_ok', { years }, `virksomheden er ${formatNumber(years)} år`),
  ageOutside: (years: number, min: number | null, max: number | null) =>
    make('age_outside', { years, min: min ?? '', max: max ?? '' }, `virksomheden er ${formatNumber(years)} år, ydelsen kræver ${range(min, max)} år`),
  ageUnknown: () => make('age_unknown', {}, 'virksomhedens alder er ukendt'),
  notPublished: () => make('not_published', {}, 'ydelsen er ikke offentliggjort'),
  notYetActive: (from: string) => make('not_yet_active', { from }, `ydelsen gælder først fra ${formatDateDa(from)}`),
  expired: (to: string) => make('expired', { to }, `ydelsen udløb ${formatDateDa(to)}`),
  capacityFree: (free: number, capacity: number) =>
    make('capacity_free', { free, capacity }, `ledig kapacitet i kvartalet (${formatNumber(free)} af ${formatNumber(capacity)})`),
  capacityFull: (capacity: number) =>
    make('capacity_full', { capacity }, `ingen ledig kapacitet i kvartalet (${formatNumber(capacity)} pladser brugt) – venteliste`),
  outcomes: (completed: number, satisfaction: number) =>
    make('outcomes', { completed, satisfaction }, `${formatNumber(completed)} lignende ${completed === 1 ? 'virksomhed' : 'virksomheder'} afsluttede forløbet med tilfredshed ${formatNumber(satisfaction)}`),
  outcomesNoScore: (completed: number) =>
    make('outcomes_no_score', { completed }, `${formatNumber(completed)} lignende ${completed === 1 ? 'virksomhed' : 'virksomheder'} afsluttede forløbet`),
  rejections: (rejected: number) =>
    make('rejections', { rejected }, `${formatNumber(rejected)} lignende ${rejected === 1 ? 'henvisning' : 'henvisninger'} blev afvist af udbyderen`),
} as const;
