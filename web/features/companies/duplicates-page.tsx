import { useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { CompanyDuplicatePair } from '../../../common/duplicates';
import { Alert, EmptyState, ExportMenu, PageHeader, Pagination, Spinner } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { duplicatesApi, duplicatesPageSize } from './duplicates-api';
import { ConfirmDialog } from './duplicates-confirm-dialog';
import { DuplicatePairCard } from './duplicates-pair';

type Pending = { pair: CompanyDuplicatePair; survivorId: string; trigger: HTMLElement };
type Done = { text: string; survivor?: { id: string; name: string } };

/** /dubletter: likely duplicate companies side by side with the reasons; merge (choose survivor, confirm) or "Ikke en dublet". */
export function DuplicatesPage() {
  const { t, problem, formatNumber } = useT();
  const { can } = useSession();
  const canMerge = can('company.merge');
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const list = useAsync(() => duplicatesApi.companies(page), `duplicates-${page}`);
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Done | null>(null);
  const [error, setError] = useState<unknown>(null);
  const statusRef = useRef<HTMLDivElement>(null);

  const key = (p: CompanyDuplicatePair) => `${p.a.id}:${p.b.id}`;
  const survivorOf = (p: CompanyDuplicatePair) => choices[key(p)] ?? p.suggestedSurvivorId;
  const announce = () => window.setTimeout(() => statusRef.current?.focus(), 0);

  async function merge() {
    if (!pending) return;
    const { pair, survivorId } = pending;
    const survivor = survivorId === pair.a.id ? pair.a : pair.b;
    const merged = survivor === pair.a ? pair.b : pair.a;
    setBusy(true);
    setError(null);
    try {
      const result = await duplicatesApi.merge(survivor.id, merged.id);
      const count = Object.values(result.moved).reduce((sum, n) => sum + n, 0);
      setDone({ text: t('duplicates.merged', { merged: merged.name, survivor: survivor.name, count: formatNumber(count) }), survivor });
      setPending(null);
      list.reload();
      announce();
    } catch (e) {
      setError(e);
      setPending(null);
      announce();
    } finally {
      setBusy(false);
    }
  }

  async function dismiss(pair: CompanyDuplicatePair) {
    setBusy(true);
    setError(null);
    try {
      await duplicatesApi.dismiss(pair.a.id, pair.b.id);
      setDone({ text: t('duplicates.dismissed', { a: pair.a.name, b: pair.b.name }) });
      list.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      announce();
    }
  }

  function cancel() {
    const trigger = pending?.trigger;
    setPending(null);
    window.setTimeout(() => trigger?.focus(), 0);
  }

  const data = list.data;
  const pendingSurvivor = pending ? (pending.survivorId === pending.pair.a.id ? pending.pair.a : pending.pair.b) : null;
  const pendingMerged = pending && pendingSurvivor ? (pendingSurvivor === pending.pair.a ? pending.pair.b : pending.pair.a) : null;

  return (
    <>
      <PageHeader
        title={t('duplicates.title')} intro={t('duplicates.lead')}
        actions={<ExportMenu path="/duplicates/companies" total={data?.total} />}
      />
      {!canMerge ? <Alert tone="info">{t('duplicates.readOnly')}</Alert> : null}
      <div ref={statusRef} tabIndex={-1} aria-live="polite">
        {done ? (
          <Alert tone="success">
            {done.text}
            {done.survivor ? <> <Link to={`/virksomheder/${done.survivor.id}`}>{t('duplicates.goToSurvivor', { name: done.survivor.name })}</Link></> : null}
          </Alert>
        ) : null}
        {error ? <Alert tone="error">{problem(error)}</Alert> : null}
      </div>
      {list.error ? <Alert tone="error">{problem(list.error)}</Alert> : null}
      {list.loading && !data ? <Spinner label={t('app.loading')} /> : null}
      {data && data.total === 0 ? <EmptyState title={t('duplicates.none')}>{t('duplicates.noneBody')}</EmptyState> : null}
      {data && data.total > 0 ? (
        <>
          <p className="results-count">{t('duplicates.total', { count: formatNumber(data.total) })}</p>
          <ol className="plain-list duplicate-list">
            {data.items.map((pair) => (
              <DuplicatePairCard
                key={key(pair)} pair={pair} survivorId={survivorOf(pair)} canMerge={canMerge} busy={busy}
                onSurvivor={(id) => setChoices((c) => ({ ...c, [key(pair)]: id }))}
                onMerge={(trigger) => { setDone(null); setError(null); setPending({ pair, survivorId: survivorOf(pair), trigger }); }}
                onDismiss={() => void dismiss(pair)}
              />
            ))}
          </ol>
          <Pagination
            total={data.total} limit={duplicatesPageSize} offset={(page - 1) * duplicatesPageSize}
            onChange={(offset) => setParams(offset > 0 ? { page: String(offset / duplicatesPageSize + 1) } : {})}
          />
        </>
      ) : null}
      {pending && pendingSurvivor && pendingMerged ? (
        <ConfirmDialog
          title={t('duplicates.confirmTitle')} busy={busy} onCancel={cancel} onConfirm={() => void merge()}
          confirmLabel={busy ? t('duplicates.merging') : t('duplicates.confirm')}
        >
          <p>{t('duplicates.confirmBody', { merged: pendingMerged.name, survivor: pendingSurvivor.name })}</p>
          {pendingSurvivor.cvr ? <p>{t('duplicates.confirmCvr', { survivor: pendingSurvivor.name })}</p> : null}
        </ConfirmDialog>
      ) : null}
    </>
  );
}
