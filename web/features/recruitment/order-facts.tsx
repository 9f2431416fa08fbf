import type { ReactNode } from 'react';
import type { Order } from '../../../common/recruitment';
import { useT } from '../../i18n/i18n';
import { certificateLabel, formatDay, jobTypeLabel, serviceLabel, shiftKey } from './labels';

/** An order's fields as a description list; empty values show a dash. */
export function OrderFacts({ order, employer }: { order: Order; employer: boolean }) {
  const { t, locale, formatNumber } = useT();
  const none = t('common.none');
  const list = (items: string[]) => (items.length ? items.join(', ') : none);
  const rows: [string, ReactNode][] = [
    ...(employer ? [] : [[t('recruitment.order.company'), `${order.companyName} (CVR ${order.companyCvr})`] as [string, ReactNode]]),
    [t('recruitment.order.occupation'), order.occupation.label],
    [t('recruitment.order.jobType'), jobTypeLabel(locale, order.jobType)],
    [t('recruitment.order.openings'), formatNumber(order.openings)],
    [t('recruitment.order.hours'), order.hoursPerWeek === null ? none : formatNumber(order.hoursPerWeek)],
    [t('recruitment.order.shifts'), list(order.shifts.map((s) => t(shiftKey(s))))],
    [t('recruitment.order.startDate'), formatDay(locale, order.startDate)],
    [t('recruitment.order.deadline'), formatDay(locale, order.deadline)],
    [t('recruitment.order.requiredSkills'), list(order.requiredSkills.map((s) => s.label))],
    [t('recruitment.order.wantedSkills'), list(order.wantedSkills.map((s) => s.label))],
    [t('recruitment.order.certificates'), list(order.certificates.map((c) => certificateLabel(locale, c)))],
    [t('recruitment.order.languages'), list(order.languages)],
    [t('recruitment.order.services'), list(order.services.map((s) => serviceLabel(locale, s)))],
    [t('recruitment.order.anonymousEmployer'), order.anonymousEmployer ? t('common.yes') : t('common.no')],
    [t('recruitment.order.workplace'), [order.workplaceStreet, [order.workplacePostalCode, order.workplaceMunicipalityName].filter(Boolean).join(' ')].filter(Boolean).join(', ') || none],
    [t('recruitment.order.contact'), [order.contactName, order.contactEmail, order.contactPhone].filter(Boolean).join(' · ') || none],
    [t('recruitment.order.holdingCentre'), order.holdingOrganisationName],
    [t('recruitment.order.createdVia'), order.createdVia === 'employer' ? t('recruitment.order.viaEmployer') : t('recruitment.order.viaConsultant')],
    [t('recruitment.order.created'), formatDay(locale, order.createdAt)],
  ];
  return (
    <dl className="facts">
      {rows.map(([term, value]) => <div key={term}><dt>{term}</dt><dd>{value}</dd></div>)}
    </dl>
  );
}
