import {
  certificateLabels, jobTypeLabels, orderServiceLabels, orderStatusLabels, placementStatusLabels, type Certificate, type JobType,
  type OrderService, type OrderStatus, type PlacementStatus,
} from '../../../common/recruitment';
import type { Locale } from '../../../common/identity';
import { Badge, type BadgeTone } from '../../components/ui';
import { useT, type MessageKey } from '../../i18n/i18n';

/** Labels of recruitment's vocabularies: common/recruitment.ts carries them in Danish and English. */
export const jobTypeLabel = (locale: Locale, v: JobType) => jobTypeLabels[v]?.[locale] ?? v;
export const orderStatusLabel = (locale: Locale, v: OrderStatus) => orderStatusLabels[v]?.[locale] ?? v;
export const placementStatusLabel = (locale: Locale, v: PlacementStatus) => placementStatusLabels[v]?.[locale] ?? v;
export const certificateLabel = (locale: Locale, v: Certificate) => certificateLabels[v]?.[locale] ?? v;
export const serviceLabel = (locale: Locale, v: OrderService) => orderServiceLabels[v]?.[locale] ?? v;

/** Vocabularies without labels in common: their words live in the message catalogues. */
export const shiftKey = (v: string) => `recruitment.shift.${v}` as MessageKey;
export const educationKey = (v: string) => `recruitment.education.${v}` as MessageKey;
export const targetGroupKey = (v: string) => `recruitment.targetGroup.${v}` as MessageKey;
export const consentMethodKey = (v: string) => `recruitment.consentMethod.${v}` as MessageKey;
export const purposeKey = (v: string) => `recruitment.purpose.${v}` as MessageKey;

const orderTones: Record<OrderStatus, BadgeTone> = {
  kladde: 'neutral', oprettet: 'info', under_behandling: 'warning', inaktiveret: 'neutral',
  afsluttet_behov_opfyldt: 'success', afsluttet_frist_udloebet: 'danger', annulleret: 'neutral',
};
const placementTones: Record<PlacementStatus, BadgeTone> = {
  udsøgt: 'neutral', samtykke_givet: 'info', præsenteret: 'info', samtale: 'warning', ansat: 'success',
  afvist_af_virksomhed: 'neutral', fravalgt_af_kandidat: 'neutral',
};

/** The status in words on a badge (the colour only repeats it). */
export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const { locale } = useT();
  return <Badge tone={orderTones[status] ?? 'neutral'}>{orderStatusLabel(locale, status)}</Badge>;
}

export function PlacementStatusBadge({ status }: { status: PlacementStatus }) {
  const { locale } = useT();
  return <Badge tone={placementTones[status] ?? 'neutral'}>{placementStatusLabel(locale, status)}</Badge>;
}

/** A share 0–1 as "45,5 %" (Danish decimal comma) or "45.5%"; null as a dash. */
export function formatPercent(locale: Locale, value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  return new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

/** A match score (the engine scores 0–100) as a whole number. */
export const scoreText = (score: number): string => String(Math.round(score));

/** "1. december 2026" for a day; "1. dec. 2026 14.05" for a timestamp. */
export { formatDay, todayIso } from '../../lib/dates';
