import type { Referral, ReferralDetail, ReferralEvent, ReferralStatus } from '../../../common/referrals';
import { referralTransitions } from '../../../common/referrals';
import { can, type Actor } from '../../policy';
import { isOverdue } from './referral-clock';
import type { AssessmentRow, ReferralEventRow, ReferralRow } from './referrals.repo';

const iso = (value: string | Date) => new Date(value).toISOString();
const isoOrNull = (value: string | Date | null) => (value == null ? null : iso(value));

/** Whether the actor may move this referral: the provider organisation's handlers only (policy decides). */
export function handles(actor: Actor, row: Pick<ReferralRow, 'provider_id' | 'partnership_id'>): boolean {
  return can(actor, 'referral.handle', { organisationId: row.provider_id, partnershipId: row.partnership_id });
}

function address(row: ReferralRow): string | null {
  const place = [row.company_postal_code, row.company_city].filter(Boolean).join(' ');
  const text = [row.company_street, place].filter(Boolean).join(', ');
  return text || null;
}

/**
 * A referral as every reader sees it: only the company data a provider needs to act (name, CVR, address)
 * and the referring consultant as the contact person.
 */
export function presentReferral(actor: Actor, row: ReferralRow, today: string): Referral {
  return {
    id: row.id,
    status: row.status,
    company: { id: row.company_id, name: row.company_name, cvr: row.company_cvr ?? '', address: address(row) },
    offer: { id: row.offer_id, title: row.offer_title, themes: row.offer_themes ?? [] },
    provider: { id: row.provider_id, name: row.provider_name },
    from: {
      organisationId: row.from_organisation_id, organisationName: row.from_organisation_name,
      userId: row.from_user_id, userName: row.from_user_name, userEmail: row.from_user_email,
    },
    message: row.message,
    consentAt: iso(row.consent_at),
    sentAt: iso(row.sent_at),
    responseDue: row.response_due,
    overdue: isOverdue(row.status, row.response_due, today),
    receivedAt: isoOrNull(row.received_at),
    startedAt: isoOrNull(row.started_at),
    closedAt: isoOrNull(row.closed_at),
    rejectionReason: row.rejection_reason,
    outcome: row.outcome,
    satisfaction: row.satisfaction == null ? null : Number(row.satisfaction),
    reminderSentAt: isoOrNull(row.reminder_sent_at),
    escalatedAt: isoOrNull(row.escalated_at),
    allowedNext: handles(actor, row) ? [...referralTransitions[row.status]] : [],
  };
}

function presentEvent(row: ReferralEventRow): ReferralEvent {
  return { id: row.id, fromStatus: row.from_status, toStatus: row.to_status, userName: row.user_name, note: row.note, at: iso(row.at) };
}

/**
 * The detail adds the referral's log and the needs assessment. The assessment reaches another
 * organisation only when the company consented to share it; its own organisation always reads it.
 */
export function presentReferralDetail(actor: Actor, row: ReferralRow, today: string, events: ReferralEventRow[],
  assessment: AssessmentRow | null): ReferralDetail {
  const shared = assessment && (assessment.consent_to_share || assessment.organisation_id === actor.organisationId);
  return {
    ...presentReferral(actor, row, today),
    events: events.map(presentEvent),
    assessment: shared ? {
      id: assessment.id, date: assessment.date, challenge: assessment.challenge, growthAmbition: assessment.growth_ambition,
      nextSteps: assessment.next_steps, priorities: Object.fromEntries(Object.entries(assessment.priorities ?? {}).map(([k, v]) => [k, Number(v)])),
    } : null,
    assessmentWithheld: Boolean(assessment) && !shared,
  };
}

const statusWords: Record<ReferralStatus, string> = {
  sendt: 'sendt', modtaget: 'modtaget', igangsat: 'igangsat', afsluttet: 'afsluttet', afvist: 'afvist',
};

/** Danish list of the allowed next statuses: "modtaget eller afvist". */
export function allowedWords(statuses: readonly ReferralStatus[]): string {
  const words = statuses.map((s) => statusWords[s]);
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} eller ${words[words.length - 1]}`;
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/** The title of the referral's one event on the company timeline, rewritten at every status change. */
export function timelineTitle(r: {
  status: ReferralStatus; offerTitle: string; providerName: string; outcome?: string | null; satisfaction?: number | null; reason?: string | null;
}): string {
  const offer = `${r.offerTitle} (${r.providerName})`;
  switch (r.status) {
    case 'sendt': return `Henvist til ${offer}`;
    case 'modtaget': return `Henvisning modtaget: ${offer}`;
    case 'igangsat': return `Forløb igangsat: ${offer}`;
    case 'afvist': return clip(`Henvisning afvist: ${offer} – ${r.reason ?? ''}`, 300);
    case 'afsluttet': {
      const score = r.satisfaction ? ` – tilfredshed ${r.satisfaction}/5` : '';
      return clip(`Henvisning afsluttet: ${offer}${score} – ${r.outcome ?? ''}`, 300);
    }
  }
}
