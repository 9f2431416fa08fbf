import type { EngagementTheme, InteractionChannel, InteractionPurpose, TimelineKind } from '../../../common/engagement';
import type { Locale } from '../../../common/identity';
import type { MessageKey, Params } from '../../i18n/i18n';

type T = (key: MessageKey, params?: Params) => string;

export const channelKey = (c: InteractionChannel): MessageKey => `channel.${c}`;
export const purposeKey = (p: InteractionPurpose): MessageKey => `purpose.${p}`;
export const themeKey = (theme: EngagementTheme): MessageKey => `theme.${theme}`;
export const timelineKindKey = (k: TimelineKind): MessageKey => `timelineKind.${k}`;

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

/** "12 dage over", "I dag", "Om 3 dage": the worklist's urgency in words, never by colour alone. */
export function daysLabel(t: T, daysOverdue: number): string {
  if (daysOverdue === 0) return t('worklist.daysToday');
  if (daysOverdue === 1) return t('worklist.daysOverdueOne');
  if (daysOverdue > 1) return t('worklist.daysOverdue', { count: daysOverdue });
  if (daysOverdue === -1) return t('worklist.daysLeftOne');
  return t('worklist.daysLeft', { count: -daysOverdue });
}
