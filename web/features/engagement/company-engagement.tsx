import { useRef, useState } from 'react';
import type { Interaction } from '../../../common/engagement';
import { Alert } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { ContactsPanel } from './contacts-panel';
import { engagementApi } from './engagement-api';
import { InteractionForm } from './interaction-form';
import { formatDay } from './labels';
import { OwnEngagementPanel } from './own-engagement-panel';
import { TimelinePanel } from './timeline-panel';
import { WhoElsePanel } from './who-else-panel';

/**
 * Engagement on the company page (composed in web/app): who else works with the company, the user's own
 * organisation's responsible consultant and tier, "Registrér kontakt", the timeline and contact persons.
 */
export function CompanyEngagementPanels({ companyId, companyName }: { companyId: string; companyName: string }) {
  const { t, locale } = useT();
  const { user, can } = useSession();
  const [version, setVersion] = useState(0);
  const [saved, setSaved] = useState('');
  const savedRef = useRef<HTMLDivElement>(null);
  const engagement = useAsync(() => engagementApi.whoElse(companyId), `engagement-${companyId}-${version}`);
  if (!user || !can('engagement.read')) return null;

  function onSaved(interaction: Interaction) {
    setSaved(interaction.followUpDate
      ? t('interaction.savedFollowUp', { name: companyName, date: formatDay(locale, interaction.followUpDate) })
      : t('interaction.saved', { name: companyName }));
    setVersion((v) => v + 1);
    window.setTimeout(() => savedRef.current?.focus(), 0);
  }

  return (
    <>
      <WhoElsePanel companyName={companyName} engagement={engagement} ownOrganisationId={user.organisation.id} />
      <OwnEngagementPanel companyId={companyId} engagement={engagement.data} onChanged={() => setVersion((v) => v + 1)} />
      {can('interaction.write') ? (
        <section aria-labelledby="log-contact-heading" className="card">
          <h2 id="log-contact-heading">{t('interaction.title')}</h2>
          <div ref={savedRef} tabIndex={-1} aria-live="polite">
            {saved ? <Alert tone="success">{saved}</Alert> : null}
          </div>
          <InteractionForm idPrefix="interaction" companyId={companyId} onSaved={onSaved} />
        </section>
      ) : null}
      {can('interaction.read') ? <TimelinePanel companyId={companyId} companyName={companyName} version={version} /> : null}
      {can('contact.read') ? <ContactsPanel companyId={companyId} companyName={companyName} /> : null}
    </>
  );
}
