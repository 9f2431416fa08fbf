import { useState } from 'react';
import { Alert, Button, TextField } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { useAsync } from '../../lib/use-async';
import { engagementApi } from './engagement-api';

const formatCreated = (locale: string, iso: string) =>
  new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'da-DK', { dateStyle: 'long', timeZone: 'Europe/Copenhagen' }).format(new Date(iso));

/**
 * "Kalender" on /opgaver: create, rotate or turn off the secret iCal link. The server returns the URL
 * only once (it keeps just a hash), so it is shown in a read-only field until the user leaves the page.
 */
export function CalendarFeedSection() {
  const { t, problem, locale } = useT();
  const status = useAsync(() => engagementApi.calendarFeed(), 'calendar-feed');
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  async function run(work: () => Promise<string | null>, success: string) {
    setBusy(true);
    setMessage(null);
    try {
      setUrl(await work());
      setMessage({ tone: 'success', text: success });
      status.reload();
    } catch (e) {
      setMessage({ tone: 'error', text: problem(e) });
    } finally {
      setBusy(false);
    }
  }

  const active = status.data?.active ?? false;
  return (
    <section aria-labelledby="calendar-feed-heading" className="calendar-feed">
      <h2 id="calendar-feed-heading">{t('calendar.title')}</h2>
      <p>{t('calendar.intro')}</p>
      {status.error ? <Alert tone="error">{problem(status.error)}</Alert> : null}
      {status.data ? (
        <p>{active && status.data.createdAt
          ? t('calendar.active', { date: formatCreated(locale, status.data.createdAt) }) : t('calendar.inactive')}</p>
      ) : null}
      <div aria-live="polite">
        {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      </div>
      {url ? (
        <TextField
          id="calendar-feed-url" label={t('calendar.urlLabel')} hint={t('calendar.urlHint')} value={url} readOnly
          onFocus={(e) => e.currentTarget.select()}
        />
      ) : null}
      {active ? <p>{t('calendar.oldStops')}</p> : null}
      <div className="row-actions">
        <Button
          disabled={busy || status.loading}
          onClick={() => void run(async () => (await engagementApi.createCalendarFeed()).url, t('calendar.created'))}
        >
          {active ? t('calendar.rotate') : t('calendar.create')}
        </Button>
        {active ? (
          <Button
            variant="danger" disabled={busy}
            onClick={() => void run(async () => { await engagementApi.revokeCalendarFeed(); return null; }, t('calendar.revoked'))}
          >
            {t('calendar.revoke')}
          </Button>
        ) : null}
      </div>
    </section>
  );
}
