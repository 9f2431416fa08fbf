import type { MessageKey, Params } from '../../i18n/i18n';

type T = (key: MessageKey, params?: Params) => string;

/** "ANTAL_10_19" → "10–19 ansatte"; the CVR bands are the source's own codes. */
export function employeeBandLabel(t: T, band: string | null | undefined, formatNumber: (n: number) => string): string {
  const match = band ? /^ANTAL_(\d+)_(\d+)$/.exec(band) : null;
  if (!match) return band ?? t('common.none');
  const from = Number(match[1]);
  const to = Number(match[2]);
  if (from === to) return from === 0 ? t('band.none') : from === 1 ? t('band.one') : t('band.exact', { from: formatNumber(from) });
  if (to >= 999_999) return t('band.atLeast', { from: formatNumber(from) });
  return t('band.range', { from: formatNumber(from), to: formatNumber(to) });
}

export function addressLine(row: { street: string | null; postalCode: string | null; city: string | null }): string {
  const place = [row.postalCode, row.city].filter(Boolean).join(' ');
  return [row.street, place].filter(Boolean).join(', ');
}

export function statusKey(status: string): MessageKey {
  return status === 'ceased' ? 'companyStatus.ceased' : status === 'formation' ? 'companyStatus.formation' : 'companyStatus.active';
}
