import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { Tier } from '../../../common/engagement';
import { Alert, Button, EmptyState, PageHeader, Spinner, Table, TextField, type Column } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { ApiError } from '../../lib/api';
import { useSession } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { coverageApi } from './coverage-api';

/** The target field's text as the API wants it: empty → no target; anything else must be a whole number. */
function parseTarget(text: string): number | null | 'invalid' {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : 'invalid';
}

/**
 * Create or edit a tier. Name and cadence need tier.manage, the target target.manage: a field the user may
 * not change is not shown. Saving sends only what changed; server messages (Danish) appear at their fields.
 */
function TierForm({ tier, onSaved, onCancel }: { tier: Tier | null; onSaved(message: string): void; onCancel?(): void }) {
  const { t, problem } = useT();
  const { can } = useSession();
  const manageTier = can('tier.manage');
  const manageTarget = can('target.manage');
  const [name, setName] = useState(tier?.name ?? '');
  const [cadence, setCadence] = useState(tier ? String(tier.cadenceDays) : '');
  const [target, setTarget] = useState(tier?.targetCompanies === null || !tier ? '' : String(tier.targetCompanies));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const prefix = tier ? `tier-${tier.id}` : 'tier-new';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const targetValue = parseTarget(target);
    const fail = (e: unknown) => { setError(e); window.setTimeout(() => errorRef.current?.focus(), 0); };
    if (targetValue === 'invalid') {
      fail(new ApiError({ status: 422, code: 'invalid_target', detail: t('tiers.targetInvalid'), errors: [{ path: 'targetCompanies', message: t('tiers.targetInvalid') }] }));
      return;
    }
    const cadenceDays = Number(cadence.trim());
    if (manageTier && !/^\d+$/.test(cadence.trim())) {
      fail(new ApiError({ status: 400, code: 'validation', detail: t('problem.validation'), errors: [{ path: 'cadenceDays', message: t('tiers.cadenceInvalid') }] }));
      return;
    }
    setBusy(true);
    try {
      let saved = tier;
      if (!saved) saved = await coverageApi.createTier({ name: name.trim(), cadenceDays });
      else if (manageTier && (name.trim() !== saved.name || cadenceDays !== saved.cadenceDays)) {
        saved = await coverageApi.updateTier(saved.id, { name: name.trim(), cadenceDays });
      }
      if (manageTarget && targetValue !== saved.targetCompanies) saved = await coverageApi.setTarget(saved.id, targetValue);
      onSaved(t(tier ? 'tiers.saved' : 'tiers.created', { name: saved.name }));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  }

  const apiError = error instanceof ApiError ? error : null;
  const fieldError = (path: string) => apiError?.fieldError(path);
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="form">
      <div ref={errorRef} tabIndex={-1}>{error ? <Alert tone="error">{problem(error)}</Alert> : null}</div>
      {manageTier ? (
        <>
          <TextField id={`${prefix}-name`} label={t('tiers.name')} required value={name} maxLength={100}
            onChange={(e) => setName(e.target.value)} error={fieldError('name')} />
          <TextField id={`${prefix}-cadence`} label={t('tiers.cadence')} hint={t('tiers.cadenceHint')} required inputMode="numeric"
            value={cadence} onChange={(e) => setCadence(e.target.value)} error={fieldError('cadenceDays')} />
        </>
      ) : null}
      {manageTarget ? (
        <TextField id={`${prefix}-target`} label={t('tiers.target')} hint={t('tiers.targetHint')} inputMode="numeric"
          value={target} onChange={(e) => setTarget(e.target.value)} error={fieldError('targetCompanies')} />
      ) : null}
      <div className="form-actions">
        <Button type="submit" disabled={busy}>{busy ? t('common.saving') : tier ? t('common.save') : t('tiers.create')}</Button>
        {onCancel ? <Button variant="secondary" onClick={onCancel}>{t('common.cancel')}</Button> : null}
      </div>
    </form>
  );
}

/** /kontaktniveauer: the organisation's contact tiers, their cadence and targets. */
export function TiersPage() {
  const { t, problem, formatNumber } = useT();
  const { can } = useSession();
  const tiers = useAsync(() => coverageApi.tiers(), 'tiers-page');
  const [editing, setEditing] = useState<Tier | null>(null);
  const [creating, setCreating] = useState(0);
  const [saved, setSaved] = useState('');
  const savedRef = useRef<HTMLDivElement>(null);
  const editHeading = useRef<HTMLHeadingElement>(null);
  const mayEdit = can('tier.manage') || can('target.manage');

  useEffect(() => { if (editing) editHeading.current?.focus(); }, [editing]);

  function done(message: string) {
    setSaved(message);
    setEditing(null);
    setCreating((n) => n + 1);
    tiers.reload();
    window.setTimeout(() => savedRef.current?.focus(), 0);
  }

  const columns: Column<Tier>[] = [
    { key: 'name', header: t('tiers.name'), rowHeader: true, cell: (r) => r.name },
    { key: 'cadence', header: t('tiers.colCadence'), numeric: true, cell: (r) => t('tiers.days', { count: formatNumber(r.cadenceDays) }) },
    { key: 'companies', header: t('tiers.colCompanies'), numeric: true, cell: (r) => formatNumber(r.companyCount) },
    { key: 'target', header: t('tiers.colTarget'), numeric: true, cell: (r) => (r.targetCompanies === null ? t('tiers.noTarget') : formatNumber(r.targetCompanies)) },
    ...(mayEdit ? [{
      key: 'actions', header: t('common.actions'),
      cell: (r: Tier) => (
        <Button variant="secondary" aria-label={t('tiers.editFor', { name: r.name })} onClick={() => { setSaved(''); setEditing(r); }}>
          {t('common.edit')}
        </Button>
      ),
    }] : []),
  ];

  return (
    <>
      <PageHeader title={t('tiers.title')} intro={t('tiers.intro')} actions={can('coverage.read') ? <Link to="/daekning">{t('tiers.toCoverage')}</Link> : undefined} />
      <div ref={savedRef} tabIndex={-1} aria-live="polite">{saved ? <Alert tone="success">{saved}</Alert> : null}</div>
      {tiers.error ? <Alert tone="error">{problem(tiers.error)}</Alert> : null}
      {tiers.loading && !tiers.data ? <Spinner label={t('app.loading')} /> : null}
      {tiers.data && tiers.data.items.length === 0 ? <EmptyState title={t('tiers.emptyTitle')}>{t('tiers.emptyBody')}</EmptyState> : null}
      {tiers.data && tiers.data.items.length > 0 ? (
        <Table caption={t('tiers.caption')} columns={columns} rows={tiers.data.items} rowKey={(r) => r.id} />
      ) : null}
      {editing ? (
        <section aria-labelledby="tier-edit-heading" className="card">
          <h2 id="tier-edit-heading" ref={editHeading} tabIndex={-1}>{t('tiers.editHeading', { name: editing.name })}</h2>
          <TierForm key={editing.id} tier={editing} onSaved={done} onCancel={() => setEditing(null)} />
        </section>
      ) : null}
      {can('tier.manage') ? (
        <section aria-labelledby="tier-create-heading" className="card">
          <h2 id="tier-create-heading">{t('tiers.createHeading')}</h2>
          <TierForm key={`new-${creating}`} tier={null} onSaved={done} />
        </section>
      ) : null}
    </>
  );
}
