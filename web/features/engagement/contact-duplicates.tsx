import { useRef, useState } from 'react';
import type { ContactDuplicatePair, ContactMergeResult, DuplicateReason } from '../../../common/duplicates';
import { Alert, Button } from '../../components/ui';
import { useT, type MessageKey } from '../../i18n/i18n';
import { api, apiGet } from '../../lib/api';
import { useSession } from '../../lib/session';
import { useAsync } from '../../lib/use-async';

const contactsOf = (companyId: string) => `/companies/${encodeURIComponent(companyId)}/contacts`;

/**
 * The hint above a company's contact list when two contacts look like the same person: why, and merge
 * (after an inline confirmation) or "Ikke en dublet". `refreshKey` changes when the list changes.
 */
export function ContactDuplicates({ companyId, refreshKey, onMerged }: { companyId: string; refreshKey: number; onMerged(): void }) {
  const { t, problem, formatNumber } = useT();
  const { can } = useSession();
  const [tick, setTick] = useState(0);
  const list = useAsync(
    () => (can('duplicate.read') ? apiGet<{ items: ContactDuplicatePair[] }>(`${contactsOf(companyId)}/duplicates`) : Promise.resolve({ items: [] })),
    `contact-duplicates-${companyId}-${refreshKey}-${tick}`,
  );
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<unknown>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const reasonText = (r: DuplicateReason) => t(`duplicates.reason.${r.code}` as MessageKey, { similarity: formatNumber(r.similarity) });
  const key = (p: ContactDuplicatePair) => `${p.a.id}:${p.b.id}`;

  async function act(pair: ContactDuplicatePair, kind: 'merge' | 'dismiss') {
    setBusy(true);
    setError(null);
    try {
      if (kind === 'merge') {
        await api<ContactMergeResult>('POST', `${contactsOf(companyId)}/${encodeURIComponent(pair.a.id)}/merge`, { mergedId: pair.b.id });
        setMessage(t('contactDuplicates.merged', { merged: pair.b.name, survivor: pair.a.name }));
        onMerged();
      } else {
        await api<void>('POST', `${contactsOf(companyId)}/duplicates/dismiss`, { aId: pair.a.id, bId: pair.b.id });
        setMessage(t('contactDuplicates.dismissed', { a: pair.a.name, b: pair.b.name }));
      }
      setConfirming(null);
      setTick((n) => n + 1);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      window.setTimeout(() => statusRef.current?.focus(), 0);
    }
  }

  const pairs = list.data?.items ?? [];
  const mayMerge = can('contact.merge');
  return (
    <div ref={statusRef} tabIndex={-1} aria-live="polite">
      {message ? <Alert tone="success">{message}</Alert> : null}
      {error ? <Alert tone="error">{problem(error)}</Alert> : null}
      {pairs.length > 0 ? (
        <Alert tone="warning" title={t('contactDuplicates.title')}>
          <ul className="plain-list">
            {pairs.map((pair) => (
              <li key={key(pair)}>
                <p>
                  <strong>{t('contactDuplicates.pair', { a: pair.a.name, b: pair.b.name })}</strong>
                  {' – '}{pair.reasons.map(reasonText).join(', ')}
                </p>
                {mayMerge && confirming === key(pair) ? (
                  <>
                    <p>{t('contactDuplicates.confirm', { merged: pair.b.name, survivor: pair.a.name })}</p>
                    <div className="form-actions">
                      <Button disabled={busy} onClick={() => void act(pair, 'merge')}>{t('contactDuplicates.confirmButton')}</Button>
                      <Button variant="link" disabled={busy} onClick={() => setConfirming(null)}>{t('common.cancel')}</Button>
                    </div>
                  </>
                ) : null}
                {mayMerge && confirming !== key(pair) ? (
                  <div className="form-actions">
                    <Button variant="secondary" disabled={busy} onClick={() => { setMessage(''); setConfirming(key(pair)); }}>
                      {t('contactDuplicates.merge', { merged: pair.b.name, survivor: pair.a.name })}
                    </Button>
                    <Button variant="link" disabled={busy} onClick={() => void act(pair, 'dismiss')}>{t('contactDuplicates.dismiss')}</Button>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
    </div>
  );
}
