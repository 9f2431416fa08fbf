import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { toQuery } from '../../lib/api';
import { useSession } from '../../lib/session';

type Query = Parameters<typeof toQuery>[0];

/**
 * "Eksportér ▾": a disclosure with two download links (CSV, Excel) for ALL rows of a list, built from the
 * list's current filters (`GET /api/v1<path>/export?format=…&<query>`; see docs/architecture.md, Exports).
 * A plain button and links (no ARIA menu): Tab reaches the links, Escape closes and returns focus.
 * Shown only to users who may export; the page shows it only where the user may read the list.
 */
export function ExportMenu({ path, query = {}, total, label }: {
  /** The list's API path without /api/v1 and without /export, e.g. "/companies". */
  path: string;
  /** The list's current filters (paging left out: an export has every row). */
  query?: Query;
  /** How many rows the export will have, when the page knows it exactly. */
  total?: number | null;
  /** The button text when a page has more than one export. */
  label?: string;
}) {
  const { t, locale, formatNumber } = useT();
  const { can } = useSession();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return undefined;
    const onPointer = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('mousedown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  if (!can('data.export')) return null;
  const href = (format: 'csv' | 'xlsx') => `/api/v1${path}/export${toQuery({ ...query, format, lang: locale })}`;
  const rows = total === undefined || total === null ? t('export.allMatching')
    : total === 1 ? t('export.oneRow') : t('export.allRows', { count: formatNumber(total) });

  return (
    <div className="export-menu" ref={root}>
      <button
        type="button" ref={button} className="btn btn-secondary" aria-expanded={open} aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        {label ?? t('export.button')}<span aria-hidden="true"> ▾</span>
      </button>
      <div className="export-menu-panel" id={panelId} hidden={!open}>
        <p className="small muted">{rows}</p>
        <ul className="plain-list">
          <li>
            <a href={href('csv')} download onClick={() => setOpen(false)} data-format="csv">{t('export.csv')}</a>
            <span className="small muted"> {t('export.csvHint')}</span>
          </li>
          <li>
            <a href={href('xlsx')} download onClick={() => setOpen(false)} data-format="xlsx">{t('export.xlsx')}</a>
          </li>
        </ul>
      </div>
    </div>
  );
}
