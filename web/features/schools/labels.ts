import {
  agreementActivityLabels, agreementStatusLabels, evaluationQuestionLabels, evaluationRespondentLabels, parseSchoolTheme, planStatusLabels,
  schoolKindLabels, schoolThemeLabels, tutorKindLabels, type AgreementActivity, type AgreementStatus, type EvaluationRespondent,
  type PlanStatus, type SchoolKind, type SchoolTheme, type TutorKind,
} from '../../../common/schools';
import type { Locale } from '../../../common/identity';
import { todayIso } from '../../lib/dates';

export { formatDay, todayIso } from '../../lib/dates';

/*
 * Labels of the school vocabulary. The contract (common/schools.ts) carries each label in Danish and English,
 * so the server's exports and e-mails and this app say the same words.
 */
export const themeLabel = (locale: Locale, theme: SchoolTheme): string => schoolThemeLabels[theme][locale];
export const kindLabel = (locale: Locale, kind: SchoolKind): string => schoolKindLabels[kind][locale];
export const tutorKindLabel = (locale: Locale, kind: TutorKind): string => tutorKindLabels[kind][locale];
export const planStatusLabel = (locale: Locale, status: PlanStatus): string => planStatusLabels[status][locale];
export const activityLabel = (locale: Locale, activity: AgreementActivity): string => agreementActivityLabels[activity][locale];
export const agreementStatusLabel = (locale: Locale, status: AgreementStatus): string => agreementStatusLabels[status][locale];
export const respondentLabel = (locale: Locale, respondent: EvaluationRespondent): string => evaluationRespondentLabels[respondent][locale];
export const questionLabel = (locale: Locale, key: string): string => evaluationQuestionLabels[key]?.[locale] ?? key;

/** A theme named by code or label (as the engine's reasons carry them) in the user's language. */
export function anyThemeLabel(locale: Locale, text: string): string {
  const theme = parseSchoolTheme(text);
  return theme ? themeLabel(locale, theme) : text;
}

/** [10, 11, 12, 14] → "10–12, 14": weeks as people write them. */
export function weeksText(weeks: readonly number[]): string {
  const sorted = [...new Set(weeks)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i += 1) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j += 1;
    parts.push(j > i + 1 ? `${sorted[i]}–${sorted[j]}` : j === i + 1 ? `${sorted[i]}, ${sorted[j]}` : String(sorted[i]));
    i = j;
  }
  return parts.join(', ');
}

/** "10, 11, 14-16" → [10, 11, 14, 15, 16]; null when a part is not a week number (1–53) or a range of them. */
export function parseWeeks(text: string): number[] | null {
  const weeks = new Set<number>();
  for (const raw of text.split(/[,;\s]+/)) {
    const part = raw.trim();
    if (!part) continue;
    const range = /^(\d{1,2})\s*[-–]\s*(\d{1,2})$/.exec(part);
    const from = range ? Number(range[1]) : Number(part);
    const to = range ? Number(range[2]) : from;
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || to > 53 || from > to) return null;
    for (let w = from; w <= to; w += 1) weeks.add(w);
  }
  return [...weeks].sort((a, b) => a - b);
}

/** The school year a day falls in: from 1 August "2026/27", before it the year that started the August before. */
export function schoolYearOf(day: string = todayIso()): string {
  const year = Number(day.slice(0, 4));
  const first = Number(day.slice(5, 7)) >= 8 ? year : year - 1;
  return `${first}/${String((first + 1) % 100).padStart(2, '0')}`;
}

/** The school years offered in the pickers: last year, this year and the next two. */
export function schoolYearChoices(current: string = schoolYearOf()): string[] {
  const first = Number(current.slice(0, 4));
  return [first - 1, first, first + 1, first + 2].map((y) => `${y}/${String((y + 1) % 100).padStart(2, '0')}`);
}

/** "12,5 %" / "12.5%" with one decimal. */
export function percentText(locale: Locale, share: number | null, none = '–'): string {
  if (share === null || Number.isNaN(share)) return none;
  const value = new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 1 }).format(share * 100);
  return locale === 'da' ? `${value} %` : `${value}%`;
}

/** A decimal number with at most `digits` decimals in the user's language. */
export function decimalText(locale: Locale, value: number, digits = 1): string {
  return new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: digits }).format(value);
}

const shortDays = {
  da: new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'short', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }),
};

/** Monday and Friday of a week, short and without the year: "8. mar.–12. mar.". */
export function weekDatesText(locale: Locale, from: string, to: string): string {
  const day = (iso: string) => shortDays[locale].format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
  return `${day(from)}–${day(to)}`;
}

const numericDays = {
  da: new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' }),
};

/** A period in a table cell, compact: "1.8.2025–31.7.2028" (Danish), "01/08/2025–31/07/2028" (English). */
export function periodText(locale: Locale, from: string, to: string | null, openEnded: string): string {
  const day = (iso: string) => numericDays[locale].format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
  return `${day(from)}–${to ? day(to) : openEnded}`;
}
