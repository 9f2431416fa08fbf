import type { Contact, Interaction, Task, TimelineEvent, WorklistItem } from '../../../common/engagement';
import type { ExportLanguage } from '../../../common/export';
import { headersIn, type ExportColumn } from '../../http/export';

/**
 * The columns of the engagement lists' exports. They read the presented (wire) shapes, so an export
 * shows exactly what the list API shows: a confidential record of another organisation stays redacted.
 */

type Pair = readonly [da: string, en: string];
const pick = (lang: ExportLanguage, pair: Pair | undefined, fallback: string) => (pair ? pair[lang === 'en' ? 1 : 0] : fallback);

const channels: Record<string, Pair> = {
  visit: ['Besøg', 'Visit'], phone: ['Telefon', 'Phone'], meeting: ['Møde', 'Meeting'], email: ['E-mail', 'E-mail'], event: ['Arrangement', 'Event'],
};
const purposes: Record<string, Pair> = {
  recruitment: ['Rekruttering', 'Recruitment'], retention: ['Fastholdelse', 'Retention'], upskilling: ['Opkvalificering', 'Upskilling'],
  business_development: ['Erhvervsudvikling', 'Business development'],
};
const themes: Record<string, Pair> = {
  automation_digitalisation: ['Automatisering og digitalisering', 'Automation and digitalisation'],
  green_transition: ['Grøn omstilling', 'Green transition'], leadership: ['Ledelse', 'Leadership'], export: ['Eksport', 'Export'],
  financing: ['Finansiering', 'Financing'], skills_recruitment: ['Kompetencer og rekruttering', 'Skills and recruitment'],
  production_lean: ['Produktion og lean', 'Production and lean'], innovation: ['Innovation', 'Innovation'],
  ownership_change: ['Ejerskifte', 'Ownership change'],
};
const timelineKinds: Record<string, Pair> = {
  interaction: ['Kontakt', 'Contact'], task: ['Opgave', 'Task'], assessment: ['Behovsafdækning', 'Needs assessment'],
  referral: ['Henvisning', 'Referral'], job_order: ['Jobordre', 'Job order'], agreement: ['Aftale', 'Agreement'],
};
const worklistStatuses: Record<string, Pair> = { overdue: ['Forfalden', 'Overdue'], due: ['Snart', 'Due'], upcoming: ['Senere', 'Upcoming'] };
const yesNo = (lang: ExportLanguage, v: boolean) => (v ? ['Ja', 'Yes'] : ['Nej', 'No'])[lang === 'en' ? 1 : 0];
const hidden: Pair = ['(fortroligt)', '(confidential)'];

export function worklistColumns(lang: ExportLanguage): ExportColumn<WorklistItem>[] {
  const h = headersIn(lang, {
    company: ['Virksomhed', 'Company'], cvr: ['CVR-nummer', 'CVR number'], city: ['By', 'City'], tier: ['Kontaktniveau', 'Contact tier'],
    cadence: ['Kadence (dage)', 'Cadence (days)'], last: ['Seneste kontakt', 'Last contact'], next: ['Næste kontakt', 'Next contact'],
    days: ['Dage over tid', 'Days overdue'], status: ['Status', 'Status'],
  });
  return [
    { key: 'company', header: h.company, value: (r) => r.company.name },
    { key: 'cvr', header: h.cvr, value: (r) => r.company.cvr, kind: 'text' },
    { key: 'city', header: h.city, value: (r) => r.company.city },
    { key: 'tier', header: h.tier, value: (r) => r.tier.name },
    { key: 'cadence', header: h.cadence, value: (r) => r.tier.cadenceDays, kind: 'number' },
    { key: 'last', header: h.last, value: (r) => r.lastContactDate, kind: 'date' },
    { key: 'next', header: h.next, value: (r) => r.nextDueDate, kind: 'date' },
    { key: 'days', header: h.days, value: (r) => r.daysOverdue, kind: 'number' },
    { key: 'status', header: h.status, value: (r) => pick(lang, worklistStatuses[r.status], r.status) },
  ];
}

export function taskColumns(lang: ExportLanguage): ExportColumn<Task>[] {
  const h = headersIn(lang, {
    title: ['Opgave', 'Task'], company: ['Virksomhed', 'Company'], assignee: ['Ansvarlig', 'Assignee'], due: ['Forfaldsdato', 'Due date'],
    status: ['Status', 'Status'], completed: ['Løst', 'Completed'], created: ['Oprettet', 'Created'],
  });
  const status = (t: Task): Pair => (t.status === 'done' ? ['Løst', 'Done'] : t.overdue ? ['Forfalden', 'Overdue'] : ['Åben', 'Open']);
  return [
    { key: 'title', header: h.title, value: (r) => r.title },
    { key: 'company', header: h.company, value: (r) => r.company?.name },
    { key: 'assignee', header: h.assignee, value: (r) => r.assignee.name },
    { key: 'due', header: h.due, value: (r) => r.dueDate, kind: 'date' },
    { key: 'status', header: h.status, value: (r) => pick(lang, status(r), r.status) },
    { key: 'completed', header: h.completed, value: (r) => r.completedAt, kind: 'datetime' },
    { key: 'created', header: h.created, value: (r) => r.createdAt, kind: 'datetime' },
  ];
}

export function contactColumns(lang: ExportLanguage): ExportColumn<Contact>[] {
  const h = headersIn(lang, {
    name: ['Navn', 'Name'], title: ['Titel', 'Title'], phone: ['Telefon', 'Phone'], email: ['E-mail', 'E-mail'], role: ['Rolle', 'Role'],
    unit: ['P-enhed', 'Production unit'], created: ['Oprettet', 'Created'], updated: ['Opdateret', 'Updated'],
  });
  return [
    { key: 'name', header: h.name, value: (r) => r.name },
    { key: 'title', header: h.title, value: (r) => r.title },
    { key: 'phone', header: h.phone, value: (r) => r.phone, kind: 'text' },
    { key: 'email', header: h.email, value: (r) => r.email },
    { key: 'role', header: h.role, value: (r) => r.role },
    { key: 'unit', header: h.unit, value: (r) => r.productionUnitName },
    { key: 'created', header: h.created, value: (r) => r.createdAt, kind: 'datetime' },
    { key: 'updated', header: h.updated, value: (r) => r.updatedAt, kind: 'datetime' },
  ];
}

/** A redacted interaction keeps date, channel and organisation; its content columns say "(fortroligt)". */
export function interactionColumns(lang: ExportLanguage): ExportColumn<Interaction>[] {
  const h = headersIn(lang, {
    date: ['Dato', 'Date'], channel: ['Kontaktform', 'Channel'], organisation: ['Organisation', 'Organisation'],
    author: ['Konsulent', 'Consultant'], purpose: ['Formål', 'Purpose'], themes: ['Temaer', 'Themes'],
    participants: ['Deltagere', 'Participants'], notes: ['Noter', 'Notes'], confidential: ['Fortrolig', 'Confidential'],
    followUp: ['Opfølgning', 'Follow-up'],
  });
  const secret = pick(lang, hidden, '');
  const shown = <V>(r: Interaction, v: V) => (r.redacted ? secret : v);
  return [
    { key: 'date', header: h.date, value: (r) => r.date, kind: 'date' },
    { key: 'channel', header: h.channel, value: (r) => pick(lang, channels[r.channel], r.channel) },
    { key: 'organisation', header: h.organisation, value: (r) => r.organisation.name },
    { key: 'author', header: h.author, value: (r) => shown(r, r.author?.name) },
    { key: 'purpose', header: h.purpose, value: (r) => shown(r, r.purpose ? pick(lang, purposes[r.purpose], r.purpose) : null) },
    { key: 'themes', header: h.themes, value: (r) => shown(r, (r.themes ?? []).map((t) => pick(lang, themes[t], t)).join(', ')) },
    { key: 'participants', header: h.participants, value: (r) => shown(r, (r.participants ?? []).map((p) => p.name).join(', ')) },
    { key: 'notes', header: h.notes, value: (r) => shown(r, r.notes) },
    { key: 'confidential', header: h.confidential, value: (r) => yesNo(lang, r.confidential) },
    { key: 'followUp', header: h.followUp, value: (r) => (r.redacted ? null : r.followUpDate), kind: 'date' },
  ];
}

export function timelineColumns(lang: ExportLanguage): ExportColumn<TimelineEvent>[] {
  const h = headersIn(lang, {
    at: ['Tidspunkt', 'Time'], kind: ['Type', 'Kind'], organisation: ['Organisation', 'Organisation'], title: ['Hvad', 'What'],
    confidential: ['Fortrolig', 'Confidential'],
  });
  return [
    { key: 'at', header: h.at, value: (r) => r.occurredAt, kind: 'datetime' },
    { key: 'kind', header: h.kind, value: (r) => pick(lang, timelineKinds[r.kind], r.kind) },
    { key: 'organisation', header: h.organisation, value: (r) => r.organisation.name },
    { key: 'title', header: h.title, value: (r) => (r.redacted ? pick(lang, hidden, '') : r.title) },
    { key: 'confidential', header: h.confidential, value: (r) => yesNo(lang, r.confidential) },
  ];
}
