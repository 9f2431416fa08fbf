import type { ReferralStatus } from '../../../common/referrals';
import { Badge, type BadgeTone } from '../../components/ui';
import { isMessageKey, useT, type MessageKey } from '../../i18n/i18n';

export const referralStatusKey = (s: ReferralStatus): MessageKey => `referralStatus.${s}`;

const tones: Record<ReferralStatus, BadgeTone> = {
  sendt: 'info', modtaget: 'info', igangsat: 'warning', afsluttet: 'success', afvist: 'neutral',
};

/** The status as a badge, plus "Svarfrist overskredet" in words (never colour alone) when overdue. */
export function ReferralStatusBadge({ status, overdue }: { status: ReferralStatus; overdue: boolean }) {
  const { t } = useT();
  return (
    <span className="referral-status">
      <Badge tone={tones[status]}>{t(referralStatusKey(status))}</Badge>
      {overdue ? <>{' '}<Badge tone="danger">{t('referrals.overdue')}</Badge></> : null}
    </span>
  );
}

const dayFormats = {
  da: new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
};
const danishDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' });

/** A calendar day (YYYY-MM-DD) or a timestamp's Danish day, as "9. mar. 2026". */
export function formatReferralDay(locale: 'da' | 'en', value: string | null | undefined): string {
  if (!value) return '–';
  const day = value.length > 10 ? danishDay.format(new Date(value)) : value;
  return dayFormats[locale].format(new Date(`${day}T00:00:00Z`));
}

/** A theme's label when the catalogue knows it; otherwise the key as stored. */
export function themeLabel(t: (key: MessageKey) => string, theme: string): string {
  const key = `theme.${theme}`;
  return isMessageKey(key) ? t(key) : theme;
}
