import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CompanyEngagement } from '../../../common/engagement';
import { Alert, Button, Select } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { engagementApi } from './engagement-api';

/** The signed-in user's organisation and this company: responsible consultant and contact tier. */
export function OwnEngagementPanel({ companyId, engagement, onChanged }: {
  companyId: string; engagement: CompanyEngagement | undefined; onChanged(): void;
}) {
  const { t, problem } = useT();
  const { user, can } = useSession();
  const tiers = useAsync(() => engagementApi.tiers().then((r) => r.items), 'tiers');
  const [tierId, setTierId] = useState('');
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const messageRef = useRef<HTMLDivElement>(null);
  const ownTierId = engagement?.ownTier?.tierId ?? '';
  useEffect(() => setTierId(ownTierId), [ownTierId]);
  if (!user) return null;

  const own = engagement?.items.find((r) => r.organisation.id === user.organisation.id);
  const responsible = own?.responsible ?? null;

  async function run(action: () => Promise<unknown>, success: string) {
    setBusy(true);
    setMessage(null);
    try {
      await action();
      setMessage({ tone: 'success', text: success });
      onChanged();
    } catch (e) {
      setMessage({ tone: 'error', text: problem(e) });
    } finally {
      setBusy(false);
      window.setTimeout(() => messageRef.current?.focus(), 0);
    }
  }

  function saveTier(event: FormEvent) {
    event.preventDefault();
    void run(() => (tierId ? engagementApi.setTier(companyId, tierId) : engagementApi.removeTier(companyId)), t('engagement.tierSaved'));
  }

  const tierList = tiers.data ?? [];
  return (
    <section aria-labelledby="own-heading" className="card">
      <h2 id="own-heading">{t('engagement.ownFor', { organisation: user.organisation.name })}</h2>
      <div ref={messageRef} tabIndex={-1} aria-live="polite">
        {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      </div>
      <h3>{t('engagement.responsible')}</h3>
      <p>
        {responsible
          ? t('engagement.responsibleIs', { name: responsible.name, organisation: user.organisation.name })
          : t('engagement.responsibleNone')}
      </p>
      {can('responsible.manage') ? (
        <p className="form-actions">
          {responsible?.id !== user.id ? (
            <Button variant="secondary" disabled={busy} onClick={() => void run(() => engagementApi.setResponsible(companyId, user.id), t('engagement.responsibleSet'))}>
              {t('engagement.responsibleSetMe')}
            </Button>
          ) : null}
          {responsible ? (
            <Button variant="danger" disabled={busy} onClick={() => void run(() => engagementApi.removeResponsible(companyId), t('engagement.responsibleRemoved'))}>
              {t('engagement.responsibleRemove')}
            </Button>
          ) : null}
        </p>
      ) : null}
      <h3>{t('engagement.tier')}</h3>
      {tiers.error ? <Alert tone="error">{problem(tiers.error)}</Alert> : null}
      {tiers.data && tierList.length === 0 ? <p>{t('engagement.tierNoTiers')}</p> : null}
      {tierList.length > 0 && can('tier.manage') ? (
        <form onSubmit={saveTier} className="form">
          <Select
            id="company-tier" label={t('engagement.tierChoose')} value={tierId} emptyLabel={t('engagement.tierNone')}
            onChange={(e) => setTierId(e.target.value)}
            options={tierList.map((x) => ({ value: x.id, label: t('engagement.tierCadence', { name: x.name, days: x.cadenceDays }) }))}
          />
          <div className="form-actions"><Button type="submit" variant="secondary" disabled={busy}>{t('engagement.tierSave')}</Button></div>
        </form>
      ) : null}
      {tierList.length > 0 && !can('tier.manage') ? (
        <p>{engagement?.ownTier
          ? t('engagement.tierCadence', { name: engagement.ownTier.tierName, days: engagement.ownTier.cadenceDays })
          : t('engagement.tierNone')}</p>
      ) : null}
    </section>
  );
}
