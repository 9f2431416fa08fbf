import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { BulkPreview, BulkSampleRow } from '../../../common/engagement-bulk';
import { Alert, Badge, Button, Table, type Column } from '../../components/ui';
import { useT } from '../../i18n/i18n';

type Split = BulkPreview['consultants'][number];

/** What applying would do: the counts, the split per consultant, the first companies, then "Anvend" with a confirmation. */
export function BulkPreviewPanel({ preview, organisation, draftChanged, busy, onApply }: {
  preview: BulkPreview; organisation: string; draftChanged: boolean; busy: boolean; onApply(): void;
}) {
  const { t, formatNumber } = useT();
  const [confirming, setConfirming] = useState(false);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const n = formatNumber;
  useEffect(() => setConfirming(false), [preview, draftChanged]);
  // A new preview takes the focus, so keyboard and screen reader users land on what it says.
  useEffect(() => { document.getElementById('bulk-preview-heading')?.focus(); }, [preview]);
  useEffect(() => { if (confirming) confirmHeading.current?.focus(); }, [confirming]);

  const none = t('common.none');
  const splitColumns: Column<Split>[] = [
    { key: 'name', header: t('bulk.colConsultant'), rowHeader: true, cell: (c) => c.name },
    { key: 'before', header: t('bulk.colPortfolioBefore'), numeric: true, cell: (c) => n(c.portfolioBefore) },
    { key: 'assigned', header: t('bulk.colAssigned'), numeric: true, cell: (c) => n(c.assigned) },
    { key: 'gained', header: t('bulk.colGained'), numeric: true, cell: (c) => n(c.gained) },
    { key: 'released', header: t('bulk.colReleased'), numeric: true, cell: (c) => n(c.released) },
    { key: 'after', header: t('bulk.colPortfolioAfter'), numeric: true, cell: (c) => n(c.portfolioAfter) },
  ];
  const sampleColumns: Column<BulkSampleRow>[] = [
    {
      key: 'company', header: t('bulk.colCompany'), rowHeader: true,
      cell: (r) => <><Link to={`/virksomheder/${r.companyId}`}>{r.name}</Link>{r.changed ? null : <> <Badge tone="neutral">{t('bulk.unchangedBadge')}</Badge></>}</>,
    },
    { key: 'cvr', header: t('bulk.colCvr'), cell: (r) => r.cvr ?? none },
    { key: 'city', header: t('bulk.colCity'), cell: (r) => r.city ?? none },
    { key: 'employees', header: t('bulk.colEmployees'), numeric: true, cell: (r) => (r.employees === null ? none : n(r.employees)) },
    ...(preview.responsibles ? [
      { key: 'rb', header: t('bulk.colResponsibleBefore'), cell: (r: BulkSampleRow) => r.responsibleBefore?.name ?? none },
      { key: 'ra', header: t('bulk.colResponsibleAfter'), cell: (r: BulkSampleRow) => r.responsibleAfter?.name ?? none },
    ] : []),
    ...(preview.tiers ? [
      { key: 'tb', header: t('bulk.colTierBefore'), cell: (r: BulkSampleRow) => r.tierBefore?.name ?? none },
      { key: 'ta', header: t('bulk.colTierAfter'), cell: (r: BulkSampleRow) => r.tierAfter?.name ?? none },
    ] : []),
  ];

  const summary = preview.total === 0 ? t('bulk.summaryNone')
    : t(preview.total === 1 ? 'bulk.summaryOne' : 'bulk.summary', { total: n(preview.total), changed: n(preview.changed), unchanged: n(preview.unchanged) });
  return (
    <section aria-labelledby="bulk-preview-heading" className="card">
      <h2 id="bulk-preview-heading" tabIndex={-1}>{t('bulk.previewHeading')}</h2>
      <p>{summary}</p>
      {preview.responsibles ? (
        <p>{t('bulk.summaryResponsibles', { new: n(preview.responsibles.new), reassigned: n(preview.responsibles.reassigned), unchanged: n(preview.responsibles.unchanged) })}</p>
      ) : null}
      {preview.tiers && preview.tier ? (
        <p>{t('bulk.summaryTiers', { tier: preview.tier.name, new: n(preview.tiers.new), changed: n(preview.tiers.changed), unchanged: n(preview.tiers.unchanged) })}</p>
      ) : null}
      {preview.consultants.length > 0 ? (
        <Table caption={t('bulk.splitCaption')} columns={splitColumns} rows={preview.consultants} rowKey={(c) => c.id} />
      ) : null}
      {preview.releasedBy.length > 0 ? (
        <p>{t('bulk.releasedBy', { list: preview.releasedBy.map((r) => t('bulk.nameCount', { name: r.name, count: n(r.count) })).join(', ') })}</p>
      ) : null}
      {preview.sample.length > 0 ? (
        <Table
          caption={t('bulk.sampleCaption', { shown: n(preview.sample.length), total: n(preview.total) })}
          columns={sampleColumns} rows={preview.sample} rowKey={(r) => r.companyId}
        />
      ) : null}

      {draftChanged ? <Alert tone="warning">{t('bulk.draftChanged')}</Alert> : null}
      {!draftChanged && preview.total > 0 && preview.changed === 0 ? <Alert tone="info">{t('bulk.nothingToDo')}</Alert> : null}
      {!draftChanged && preview.changed > 0 && !confirming ? (
        <div className="form-actions">
          <Button id="bulk-apply" disabled={busy} onClick={() => setConfirming(true)}>{t('bulk.apply')}</Button>
        </div>
      ) : null}
      {!draftChanged && confirming ? (
        <div className="alert alert-warning" role="group" aria-labelledby="bulk-confirm-heading">
          <h3 id="bulk-confirm-heading" ref={confirmHeading} tabIndex={-1}>{t('bulk.confirmHeading')}</h3>
          <p>{t('bulk.confirmBody', { changed: n(preview.changed), organisation })}</p>
          <div className="form-actions">
            <Button disabled={busy} onClick={onApply}>{busy ? t('bulk.applying') : t('bulk.confirmYes')}</Button>
            <Button variant="secondary" disabled={busy} onClick={() => { setConfirming(false); window.setTimeout(() => document.getElementById('bulk-apply')?.focus(), 0); }}>
              {t('common.cancel')}
            </Button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
