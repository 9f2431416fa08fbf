import type { Locale } from '../../common/identity';

/** Today as YYYY-MM-DD in Danish time: the server judges "today", "due" and "overdue" the same way. */
export function todayIso(now: Date = new Date()): string {
  // Swedish formats dates as ISO (YYYY-MM-DD); the time zone makes it the Danish calendar day.
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(now);
}

const dayFormats: Record<Locale, Intl.DateTimeFormat> = {
  da: new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/**
 * A calendar day ("2026-11-21" or a timestamp's date part) in the user's language. Read as UTC so the
 * browser's own time zone never moves it to the day before.
 */
export function formatDay(locale: Locale, iso: string | null | undefined, none = '–'): string {
  if (!iso) return none;
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? iso : dayFormats[locale].format(date);
}
