import type { ExportLanguage } from '../../../common/export';
import { headersIn, type ExportColumn } from '../../http/export';
import type { ReferralExportRow } from './referral-export.repo';

type Pair = readonly [da: string, en: string];
const statuses: Record<string, Pair> = {
  sendt: ['Sendt', 'Sent'], modtaget: ['Modtaget', 'Received'], igangsat: ['Igangsat', 'Started'],
  afsluttet: ['Afsluttet', 'Closed'], afvist: ['Afvist', 'Rejected'],
};

/** The columns of the effect-measurement export: CVR, offer, provider, start and end dates first. */
export function referralExportColumns(lang: ExportLanguage): ExportColumn<ReferralExportRow>[] {
  const h = headersIn(lang, {
    cvr: ['CVR-nummer', 'CVR number'], company: ['Virksomhed', 'Company'], offer: ['Ydelse', 'Offer'], provider: ['Udbyder', 'Provider'],
    start: ['Startdato', 'Start date'], end: ['Slutdato', 'End date'], sent: ['Henvist', 'Referred'], status: ['Status', 'Status'],
    themes: ['Temaer', 'Themes'], satisfaction: ['Tilfredshed (1-5)', 'Satisfaction (1-5)'],
  });
  const i = lang === 'en' ? 1 : 0;
  return [
    { key: 'cvr', header: h.cvr, value: (r) => r.cvr, kind: 'text' },
    { key: 'company', header: h.company, value: (r) => r.company_name },
    { key: 'offer', header: h.offer, value: (r) => r.offer_title },
    { key: 'provider', header: h.provider, value: (r) => r.provider_name },
    { key: 'start', header: h.start, value: (r) => r.start_day, kind: 'date' },
    { key: 'end', header: h.end, value: (r) => r.end_day, kind: 'date' },
    { key: 'sent', header: h.sent, value: (r) => r.sent_day, kind: 'date' },
    { key: 'status', header: h.status, value: (r) => statuses[r.status]?.[i] ?? r.status },
    { key: 'themes', header: h.themes, value: (r) => (r.offer_themes ?? []).join(', ') },
    { key: 'satisfaction', header: h.satisfaction, value: (r) => (r.satisfaction == null ? null : Number(r.satisfaction)), kind: 'number' },
  ];
}
