import { useRef, useState } from 'react';
import type { Contact, ContactCreate } from '../../../common/engagement';
import { Alert, Button, ExportMenu, Spinner, Table, type Column } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { ApiError } from '../../lib/api';
import { useSession } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { ContactDuplicates } from './contact-duplicates';
import { ContactForm } from './contact-form';
import { engagementApi } from './engagement-api';

const sameText = (a: string | null | undefined, b: string | null | undefined) =>
  Boolean(a && b && a.trim().toLocaleLowerCase('da') === b.trim().toLocaleLowerCase('da'));

/** Contact persons at the company, with an add form that warns about likely duplicates before creating. */
export function ContactsPanel({ companyId, companyName }: { companyId: string; companyName: string }) {
  const { t, problem } = useT();
  const { can } = useSession();
  const contacts = useAsync(() => engagementApi.contacts(companyId).then((r) => r.items), `contacts-${companyId}`);
  const [error, setError] = useState<unknown>(null);
  const [duplicate, setDuplicate] = useState<{ draft: ContactCreate; existing: Contact | null; error: ApiError } | null>(null);
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const statusRef = useRef<HTMLDivElement>(null);
  const none = t('common.none');

  async function create(draft: ContactCreate) {
    setBusy(true);
    setError(null);
    setSaved('');
    try {
      const contact = await engagementApi.createContact(companyId, draft);
      setDuplicate(null);
      setSaved(t('contacts.added', { name: contact.name }));
      setFormKey((k) => k + 1);
      contacts.reload();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'possible_duplicate') {
        // The existing contact is on the list already: point at it rather than asking the server again.
        const existing = (contacts.data ?? []).find((c) => sameText(c.name, draft.name) || sameText(c.email, draft.email)) ?? null;
        setDuplicate({ draft, existing, error: e });
      } else {
        setError(e);
      }
    } finally {
      setBusy(false);
      window.setTimeout(() => statusRef.current?.focus(), 0);
    }
  }

  const columns: Column<Contact>[] = [
    { key: 'name', header: t('contacts.colName'), rowHeader: true, cell: (c) => c.name },
    { key: 'title', header: t('contacts.colTitle'), cell: (c) => c.title ?? none },
    { key: 'phone', header: t('contacts.colPhone'), cell: (c) => (c.phone ? <a href={`tel:${c.phone}`}>{c.phone}</a> : none) },
    { key: 'email', header: t('contacts.colEmail'), cell: (c) => (c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : none) },
    { key: 'role', header: t('contacts.colRole'), cell: (c) => c.role ?? none },
  ];

  return (
    <section aria-labelledby="contacts-heading" className="card">
      <div className="section-tools">
        <h2 id="contacts-heading">{t('contacts.title')}</h2>
        {contacts.data && contacts.data.length > 0
          ? <ExportMenu path={`/companies/${companyId}/contacts`} total={contacts.data.length} /> : null}
      </div>
      {contacts.error ? <Alert tone="error">{problem(contacts.error)}</Alert> : null}
      {contacts.loading && !contacts.data ? <Spinner label={t('app.loading')} /> : null}
      {contacts.data && contacts.data.length === 0 ? <p>{t('contacts.none')}</p> : null}
      {contacts.data && contacts.data.length > 0 ? (
        <Table caption={t('contacts.caption', { name: companyName })} columns={columns} rows={contacts.data} rowKey={(c) => c.id} />
      ) : null}
      <ContactDuplicates companyId={companyId} refreshKey={formKey} onMerged={contacts.reload} />
      {can('contact.write') ? (
        <>
          <h3 id="contact-add-heading">{t('contacts.add')}</h3>
          <div ref={statusRef} tabIndex={-1} aria-live="polite">
            {saved ? <Alert tone="success">{saved}</Alert> : null}
            {error ? <Alert tone="error">{problem(error)}</Alert> : null}
            {duplicate ? (
              <Alert tone="warning" title={t('contacts.duplicateTitle')}>
                <p>{problem(duplicate.error)}</p>
                {duplicate.existing ? (
                  <p>
                    {t('contacts.duplicateExisting')}{' '}
                    <strong>{duplicate.existing.name}</strong>
                    {[duplicate.existing.title, duplicate.existing.email, duplicate.existing.phone].filter(Boolean).map((x) => `, ${x}`).join('')}
                  </p>
                ) : null}
                <div className="form-actions">
                  <Button disabled={busy} onClick={() => void create({ ...duplicate.draft, confirmDuplicate: true })}>
                    {t('contacts.createAnyway')}
                  </Button>
                  <Button variant="link" onClick={() => setDuplicate(null)}>{t('common.cancel')}</Button>
                </div>
              </Alert>
            ) : null}
          </div>
          <ContactForm key={formKey} busy={busy} error={error instanceof ApiError ? error : null} onSubmit={(d) => void create(d)} />
        </>
      ) : null}
    </section>
  );
}
