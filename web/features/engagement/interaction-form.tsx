import { useRef, useState, type FormEvent } from 'react';
import {
  engagementThemes, interactionChannels, interactionPurposes, type EngagementTheme, type Interaction, type InteractionChannel,
  type InteractionPurpose,
} from '../../../common/engagement';
import { Alert, Button, Checkbox, Select, TextField } from '../../components/ui';
import { describedBy, Field } from '../../components/ui/field';
import { useT } from '../../i18n/i18n';
import { ApiError } from '../../lib/api';
import { engagementApi } from './engagement-api';
import { channelKey, purposeKey, themeKey, todayIso } from './labels';

/**
 * "Registrér kontakt": date, channel, purpose, themes, notes, confidential flag and follow-up date.
 * Server messages (Danish) are shown at their fields; on failure focus moves to the error summary.
 */
export function InteractionForm({ idPrefix, companyId, initialChannel = 'visit', onSaved, onCancel }: {
  idPrefix: string; companyId: string; initialChannel?: InteractionChannel;
  onSaved(interaction: Interaction): void; onCancel?(): void;
}) {
  const { t, problem } = useT();
  const today = todayIso();
  const [date, setDate] = useState(today);
  const [channel, setChannel] = useState<InteractionChannel>(initialChannel);
  const [purpose, setPurpose] = useState<InteractionPurpose | ''>('');
  const [themes, setThemes] = useState<EngagementTheme[]>([]);
  const [notes, setNotes] = useState('');
  const [confidential, setConfidential] = useState(false);
  const [followUpDate, setFollowUpDate] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const id = (name: string) => `${idPrefix}-${name}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!purpose) {
      // The one choice without a default: asked here, in the user's language, before anything is sent.
      setError(new ApiError({
        status: 400, code: 'validation', detail: t('problem.validation'), errors: [{ path: 'purpose', message: t('interaction.purposeRequired') }],
      }));
      window.setTimeout(() => errorRef.current?.focus(), 0);
      return;
    }
    setBusy(true);
    try {
      const saved = await engagementApi.createInteraction(companyId, {
        date, channel, purpose, themes, notes: notes.trim(),
        confidential, followUpDate: followUpDate || undefined,
      });
      setPurpose(''); setThemes([]); setNotes(''); setConfidential(false); setFollowUpDate(''); setDate(todayIso());
      onSaved(saved);
    } catch (e) {
      setError(e);
      window.setTimeout(() => errorRef.current?.focus(), 0);
    } finally {
      setBusy(false);
    }
  }

  const apiError = error instanceof ApiError ? error : null;
  const fieldError = (path: string) => apiError?.errors.find((e) => e.path === path || e.path.startsWith(`${path}.`))?.message;
  const toggleTheme = (theme: EngagementTheme, on: boolean) =>
    setThemes((list) => (on ? [...list, theme] : list.filter((x) => x !== theme)));
  const notesError = fieldError('notes');

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="form">
      <div ref={errorRef} tabIndex={-1}>
        {error ? <Alert tone="error">{problem(error)}</Alert> : null}
      </div>
      <TextField
        id={id('date')} type="date" label={t('interaction.date')} required max={today} value={date}
        onChange={(e) => setDate(e.target.value)} error={fieldError('date')}
      />
      <Select
        id={id('channel')} label={t('interaction.channel')} required value={channel} error={fieldError('channel')}
        onChange={(e) => setChannel(e.target.value as InteractionChannel)}
        options={interactionChannels.map((c) => ({ value: c, label: t(channelKey(c)) }))}
      />
      <Select
        id={id('purpose')} label={t('interaction.purpose')} required value={purpose} error={fieldError('purpose')}
        emptyLabel={t('interaction.purposeChoose')} onChange={(e) => setPurpose(e.target.value as InteractionPurpose | '')}
        options={interactionPurposes.map((p) => ({ value: p, label: t(purposeKey(p)) }))}
      />
      <fieldset aria-describedby={fieldError('themes') ? id('themes-error') : undefined}>
        <legend>{t('interaction.themes')}</legend>
        {engagementThemes.map((theme) => (
          <Checkbox
            key={theme} id={id(`theme-${theme}`)} label={t(themeKey(theme))} checked={themes.includes(theme)}
            onChange={(e) => toggleTheme(theme, e.target.checked)}
          />
        ))}
        {fieldError('themes') ? <p id={id('themes-error')} className="field-error">{fieldError('themes')}</p> : null}
      </fieldset>
      <Field id={id('notes')} label={t('interaction.notes')} error={notesError}>
        <textarea
          id={id('notes')} name={id('notes')} rows={4} value={notes} onChange={(e) => setNotes(e.target.value)}
          aria-invalid={notesError ? true : undefined} aria-describedby={describedBy(id('notes'), undefined, notesError)}
        />
      </Field>
      <Checkbox
        id={id('confidential')} label={t('interaction.confidential')} hint={t('interaction.confidentialHint')}
        checked={confidential} onChange={(e) => setConfidential(e.target.checked)}
      />
      <TextField
        id={id('followUp')} type="date" label={t('interaction.followUp')} hint={t('interaction.followUpHint')} min={today}
        value={followUpDate} onChange={(e) => setFollowUpDate(e.target.value)} error={fieldError('followUpDate')}
      />
      <div className="form-actions">
        <Button type="submit" disabled={busy}>{busy ? t('common.saving') : t('interaction.submit')}</Button>
        {onCancel ? <Button variant="link" onClick={onCancel}>{t('common.cancel')}</Button> : null}
      </div>
    </form>
  );
}
