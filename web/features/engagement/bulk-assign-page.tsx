import { useMemo, useRef, useState } from 'react';
import type { BulkAssignment, BulkPreview, BulkResult } from '../../../common/engagement-bulk';
import { Alert, PageHeader, Spinner } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { ApiError } from '../../lib/api';
import { useSession } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { bulkApi, emptyDraft, toAssignment, type BulkDraft } from './bulk-api';
import { BulkForm } from './bulk-form';
import { BulkPreviewPanel } from './bulk-preview';
import { engagementApi } from './engagement-api';

/**
 * /portefoelje/fordel: a manager places the companies matching a filter in a contact tier and splits them between
 * the organisation's consultants. Nothing changes until the preview is applied, and then only what the preview showed:
 * the server refuses (409) if the selection changed in between.
 */
export function BulkAssignPage() {
  const { t, problem, formatNumber } = useT();
  const { user } = useSession();
  const reference = useAsync(() => bulkApi.reference(), 'bulk-reference');
  const tiers = useAsync(() => engagementApi.tiers().then((r) => r.items), 'bulk-tiers');
  const consultants = useAsync(() => bulkApi.consultants(), 'bulk-consultants');
  const [draft, setDraft] = useState<BulkDraft>(emptyDraft);
  const [previewed, setPreviewed] = useState<{ request: BulkAssignment; preview: BulkPreview } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [success, setSuccess] = useState('');
  const [busy, setBusy] = useState<'preview' | 'apply' | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const request = useMemo(() => toAssignment(draft), [draft]);
  const draftChanged = previewed !== null && JSON.stringify(request) !== JSON.stringify(previewed.request);
  const organisation = user?.organisation.name ?? '';
  const focusMessage = () => window.setTimeout(() => messageRef.current?.focus(), 0);

  async function showPreview() {
    setError(null);
    setSuccess('');
    const min = draft.minEmployees.trim();
    if (min && !/^\d+$/.test(min)) {
      setError(new ApiError({ status: 400, code: 'validation', detail: t('problem.validation'), errors: [{ path: 'filter.minEmployees', message: t('bulk.minEmployeesInvalid') }] }));
      focusMessage();
      return;
    }
    setBusy('preview');
    try {
      setPreviewed({ request, preview: await bulkApi.preview(request) });
    } catch (e) {
      setError(e);
      focusMessage();
    } finally {
      setBusy(null);
    }
  }

  function appliedMessage(result: BulkResult): string {
    const split = result.consultants.map((c) => t('bulk.nameCount', { name: c.name, count: formatNumber(c.assigned) })).join(', ');
    const counts = t('bulk.applied', { changed: formatNumber(result.changed), unchanged: formatNumber(result.unchanged) });
    return split ? `${counts} ${t('bulk.appliedSplit', { list: split })}` : counts;
  }

  async function apply() {
    if (!previewed) return;
    setError(null);
    setBusy('apply');
    try {
      const result = await bulkApi.apply(previewed.request, previewed.preview.fingerprint);
      setSuccess(appliedMessage(result));
      setPreviewed(null);
      consultants.reload();
      tiers.reload();
    } catch (e) {
      // A stale preview must not be applied by a second click: it goes, the form stays.
      if (e instanceof ApiError && e.code === 'bulk_stale') setPreviewed(null);
      setError(e);
    } finally {
      setBusy(null);
      focusMessage();
    }
  }

  const apiError = error instanceof ApiError ? error : null;
  const fieldError = (path: string) => apiError?.errors.find((e) => e.path === path || e.path.startsWith(`${path}.`))?.message;
  const loadError = reference.error ?? tiers.error ?? consultants.error;
  const ready = reference.data && tiers.data && consultants.data;

  return (
    <>
      <PageHeader title={t('bulk.title')} intro={t('bulk.intro', { organisation })} />
      <div ref={messageRef} tabIndex={-1} aria-live="polite">
        {error ? <Alert tone="error">{problem(error)}</Alert> : null}
        {success ? <Alert tone="success">{success}</Alert> : null}
      </div>
      {loadError ? <Alert tone="error">{problem(loadError)}</Alert> : null}
      {!ready && !loadError ? <Spinner label={t('app.loading')} /> : null}
      {ready ? (
        <BulkForm
          draft={draft} onChange={setDraft} onSubmit={() => void showPreview()} busy={busy !== null} organisation={organisation}
          municipalities={reference.data?.municipalities ?? []} sections={reference.data?.sections ?? []}
          tiers={tiers.data ?? []} consultants={consultants.data ?? []} fieldError={fieldError}
        />
      ) : null}
      {previewed ? (
        <BulkPreviewPanel
          preview={previewed.preview} organisation={organisation} draftChanged={draftChanged} busy={busy === 'apply'}
          onApply={() => void apply()}
        />
      ) : null}
    </>
  );
}
