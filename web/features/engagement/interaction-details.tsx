import { useState } from 'react';
import type { Interaction } from '../../../common/engagement';
import { Alert, Button, Spinner } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { engagementApi } from './engagement-api';
import { channelKey, formatDay, purposeKey, themeKey } from './labels';

/** A timeline item's interaction, fetched on demand: notes are only sent to those who may read them. */
export function InteractionDetails({ interactionId }: { interactionId: string }) {
  const { t, problem, locale } = useT();
  const [open, setOpen] = useState(false);
  const [data, setData] = useState<Interaction | null>(null);
  const [error, setError] = useState<unknown>(null);
  const regionId = `interaction-${interactionId}`;

  async function toggle() {
    const next = !open;
    setOpen(next);
    if (next && !data) {
      try {
        setData(await engagementApi.interaction(interactionId));
      } catch (e) {
        setError(e);
      }
    }
  }

  const none = t('common.none');
  return (
    <div>
      <Button variant="link" aria-expanded={open} aria-controls={regionId} onClick={() => void toggle()}>
        {open ? t('engagement.hideDetails') : t('engagement.showDetails')}
      </Button>
      <div id={regionId} hidden={!open}>
        {open && error ? <Alert tone="error">{problem(error)}</Alert> : null}
        {open && !data && !error ? <Spinner label={t('app.loading')} /> : null}
        {open && data ? (
          <dl className="facts">
            <div><dt>{t('interaction.channel')}</dt><dd>{t(channelKey(data.channel))}</dd></div>
            <div><dt>{t('interaction.purpose')}</dt><dd>{data.purpose ? t(purposeKey(data.purpose)) : none}</dd></div>
            <div><dt>{t('engagement.themes')}</dt><dd>{data.themes?.length ? data.themes.map((x) => t(themeKey(x))).join(', ') : none}</dd></div>
            <div><dt>{t('engagement.author')}</dt><dd>{data.author?.name ?? none}</dd></div>
            <div><dt>{t('engagement.followUp')}</dt><dd>{formatDay(locale, data.followUpDate, none)}</dd></div>
            <div><dt>{t('engagement.notes')}</dt><dd className="message-body">{data.notes || none}</dd></div>
          </dl>
        ) : null}
      </div>
    </div>
  );
}
