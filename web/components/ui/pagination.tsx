import { useT } from '../../i18n/i18n';
import { Button } from './button';

/** Previous/next with "page X of Y"; offsets, not page numbers, are what the API takes. */
export function Pagination({ total, limit, offset, onChange }: {
  total: number; limit: number; offset: number; onChange(offset: number): void;
}) {
  const { t, formatNumber } = useT();
  if (total <= limit) return null;
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.max(1, Math.ceil(total / limit));
  return (
    <nav className="pagination" aria-label={t('common.pagination')}>
      <Button variant="secondary" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>
        {t('common.previous')}
      </Button>
      <span>{t('common.pageOf', { page: formatNumber(page), pages: formatNumber(pages) })}</span>
      <Button variant="secondary" disabled={page >= pages} onClick={() => onChange(offset + limit)}>
        {t('common.next')}
      </Button>
    </nav>
  );
}
