import type { EngagementTheme, InteractionChannel, InteractionPurpose, TimelineKind } from '../../../common/engagement';
import type { MessageKey, Params } from '../../i18n/i18n';

type T = (key: MessageKey, params?: Params) => string;

export const channelKey = (c: InteractionChannel): MessageKey => `channel.${c}`;
export const purposeKey = (p: InteractionPurpose): MessageKey => `purpose.${p}`;
export const themeKey = (theme: EngagementTheme): MessageKey => `theme.${theme}`;
export const timelineKindKey = (k: TimelineKind): MessageKey => `timelineKind.${k}`;

export { formatDay, todayIso } from '../../lib/dates';

/** "12 dage over", "I dag", "Om 3 dage": the worklist's urgency in words, never by colour alone. */
export function daysLabel(t: T, daysOverdue: number): string {
  if (daysOverdue === 0) return t('worklist.daysToday');
  if (daysOverdue === 1) return t('worklist.daysOverdueOne');
  if (daysOverdue > 1) return t('worklist.daysOverdue', { count: daysOverdue });
  if (daysOverdue === -1) return t('worklist.daysLeftOne');
  return t('worklist.daysLeft', { count: -daysOverdue });
}
