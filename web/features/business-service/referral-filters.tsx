import { referralStatuses, type ReferralStatus } from '../../../common/referrals';
import { Select } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { referralStatusKey } from './referral-labels';

export type ReferralStatusFilter = ReferralStatus | 'open' | 'overdue' | '';

export function parseStatusFilter(value: string | null): ReferralStatusFilter {
  return value === 'open' || value === 'overdue' || (referralStatuses as readonly string[]).includes(value ?? '')
    ? value as ReferralStatusFilter : '';
}

/** "Vis henvisninger": all, open, overdue or one status. */
export function ReferralStatusSelect({ id, value, onChange }: { id: string; value: ReferralStatusFilter; onChange(value: ReferralStatusFilter): void }) {
  const { t } = useT();
  return (
    <Select
      id={id} label={t('referrals.statusFilter')} emptyLabel={t('common.all')} value={value}
      onChange={(e) => onChange(parseStatusFilter(e.target.value))}
      options={[
        { value: 'open', label: t('referrals.open') },
        { value: 'overdue', label: t('referrals.overdueFilter') },
        ...referralStatuses.map((s) => ({ value: s, label: t(referralStatusKey(s)) })),
      ]}
    />
  );
}
