import type { z } from 'zod';
import {
  canMove, referralTransitions, type Referral, type referralCreateSchema, type ReferralDetail, type ReferralList,
  type referralListQuerySchema, type ReferralStatus, type referralStatusChangeSchema,
} from '../../../common/referrals';
import type { Db } from '../../db/client';
import { audit, type AuditContext } from '../../http/audit';
import { conflict, forbidden, notFound, ProblemError } from '../../http/errors';
import type { Actor } from '../../policy';
import { getCompany } from '../companies';
import { recordTimelineEvent } from '../engagement';
import { enqueueEmail } from '../identity';
import { referralsChanged } from './matches.cache';
import { danishDate, responseDue } from './referral-clock';
import { closedMail, newReferralMail, rejectedMail, type ReferralMailFacts } from './referral-mail';
import { allowedWords, handles, presentReferral, presentReferralDetail, timelineTitle } from './referrals.presenter';
import * as repo from './referrals.repo';

export type ReferralContext = AuditContext & { actor: Actor; publicUrl: string; now?: Date };
type CreateInput = z.output<typeof referralCreateSchema>;
type MoveInput = z.output<typeof referralStatusChangeSchema>;
type ListQuery = z.output<typeof referralListQuerySchema>;

function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction((tx) => work(tx as unknown as Db));
}

/** A rule of the domain is broken: 422 naming the field, before anything is written. */
function refuse(code: string, path: string, detail: string, extra: Record<string, unknown> = {}): never {
  throw new ProblemError(422, code, detail, { errors: [{ path, message: detail }], ...extra });
}

/** Partnership-level roles read every referral of the partnership; others only those they sent or received. */
function readsAll(actor: Actor): boolean {
  return actor.roles.includes('admin') || actor.roles.includes('secretariat');
}

function visible(actor: Actor, row: Pick<repo.ReferralRow, 'provider_id' | 'from_organisation_id'>): boolean {
  return readsAll(actor) || row.provider_id === actor.organisationId || row.from_organisation_id === actor.organisationId;
}

/** The referral as the actor may see it: another organisation's referral is "not found" (its existence is not revealed). */
async function visibleRow(db: Db, actor: Actor, id: string): Promise<repo.ReferralRow> {
  const row = await repo.findReferral(db, actor.partnershipId, id);
  if (!row || !visible(actor, row)) throw notFound('Henvisningen findes ikke.');
  return row;
}

export function mailFacts(row: repo.ReferralRow, publicUrl: string): ReferralMailFacts {
  return {
    companyName: row.company_name, cvr: row.company_cvr, offerTitle: row.offer_title, providerName: row.provider_name,
    fromName: row.from_user_name, fromOrganisation: row.from_organisation_name, responseDue: row.response_due, publicUrl,
  };
}

export async function get(db: Db, actor: Actor, id: string, now = new Date()): Promise<ReferralDetail> {
  const row = await visibleRow(db, actor, id);
  const [events, assessment] = await Promise.all([
    repo.listReferralEvents(db, id),
    row.assessment_id ? repo.findAssessment(db, actor.partnershipId, row.assessment_id) : Promise.resolve(null),
  ]);
  return presentReferralDetail(actor, row, danishDate(now), events, assessment);
}

export async function list(db: Db, actor: Actor, query: ListQuery, now = new Date()): Promise<ReferralList> {
  const scope = query.direction === 'incoming' ? { providerId: actor.organisationId }
    : query.direction === 'outgoing' ? { fromOrganisationId: actor.organisationId }
      : readsAll(actor) ? {} : null;
  if (!scope) throw forbidden('Kun sekretariatet og administratorer kan se alle partnerskabets henvisninger.');
  const today = danishDate(now);
  const { rows, total } = await repo.listReferrals(db, {
    partnershipId: actor.partnershipId, ...scope, companyId: query.companyId, status: query.status, today,
    limit: query.limit, offset: query.offset,
  });
  return { items: rows.map((r) => presentReferral(actor, r, today)), total, limit: query.limit, offset: query.offset };
}

/** Checks the offer can take a referral today: published and inside its active period. */
function refuseUnavailable(offer: repo.ReferableOffer, today: string): void {
  const why = offer.status !== 'published' ? 'er ikke offentliggjort'
    : offer.active_from && offer.active_from > today ? `er først aktiv fra ${offer.active_from}`
      : offer.active_to && offer.active_to < today ? `var kun aktiv til ${offer.active_to}` : null;
  if (why) refuse('offer_unavailable', 'offerId', `Ydelsen "${offer.title}" ${why} og kan ikke modtage henvisninger.`);
}

/**
 * Refers a company to an offer with its consent: the deadline is the offer's response days in Danish
 * working days from today; the provider's users are e-mailed; the company timeline shows the referral.
 */
export async function create(db: Db, context: ReferralContext, input: CreateInput): Promise<Referral> {
  const { actor } = context;
  const now = context.now ?? new Date();
  if (input.consent !== true) {
    refuse('consent_required', 'consent', 'Virksomheden skal have givet samtykke til henvisningen, før den kan sendes.');
  }
  const company = await getCompany(db, input.companyId);
  if (!company) throw notFound('Virksomheden findes ikke.');
  const offer = await repo.findReferableOffer(db, actor.partnershipId, input.offerId);
  if (!offer) throw notFound('Ydelsen findes ikke.');
  const today = danishDate(now);
  refuseUnavailable(offer, today);
  if (input.assessmentId) {
    const assessment = await repo.findAssessment(db, actor.partnershipId, input.assessmentId);
    if (!assessment || assessment.company_id !== company.id) {
      refuse('assessment_mismatch', 'assessmentId', 'Behovsafdækningen findes ikke for denne virksomhed.');
    }
  }
  const open = await repo.findOpenReferral(db, company.id, offer.id);
  if (open) throw new ProblemError(409, 'referral_exists', `${company.name} er allerede henvist til "${offer.title}", og henvisningen er ikke afsluttet.`, { referralId: open });
  const recipients = await repo.organisationUsersWithRole(db, offer.provider_id, 'provider');

  const id = await inTransaction(db, async (tx) => {
    const record = await repo.insertReferral(tx, {
      partnershipId: actor.partnershipId, companyId: company.id, offerId: offer.id, providerId: offer.provider_id,
      assessmentId: input.assessmentId ?? null, fromOrganisationId: actor.organisationId, fromUserId: actor.id,
      message: input.message, consentAt: now, status: 'sendt', sentAt: now, responseDue: responseDue(today, offer.response_days),
    });
    await repo.insertReferralEvent(tx, { referralId: record.id, fromStatus: null, toStatus: 'sendt', userId: actor.id, at: now });
    await recordTimelineEvent(tx, {
      companyId: company.id, organisationId: actor.organisationId, userId: actor.id, kind: 'referral', refId: record.id,
      occurredAt: now, title: timelineTitle({ status: 'sendt', offerTitle: offer.title, providerName: offer.provider_name }), confidential: false,
    });
    const row = await repo.findReferral(tx, actor.partnershipId, record.id);
    if (!row) throw new Error('referral vanished inside its own transaction');
    const mail = newReferralMail(mailFacts(row, context.publicUrl));
    for (const to of recipients) {
      await enqueueEmail(tx, { to: to.email, ...mail, kind: 'referral_new', partnershipId: actor.partnershipId, meta: { referralId: record.id } });
    }
    await audit(tx, context, { action: 'referral.create', entity: 'referral', entityId: record.id, after: record });
    return record.id;
  });
  return presentReferral(actor, (await repo.findReferral(db, actor.partnershipId, id))!, today);
}

/** The change a move makes besides the status, or a clear refusal of the input. */
function changeFor(from: ReferralStatus, input: MoveInput, now: Date): Partial<repo.ReferralInsert> {
  const to = input.status;
  if (from === to) throw conflict('invalid_transition', `Henvisningen har allerede status ${to}.`);
  if (!canMove(from, to)) {
    const allowed = referralTransitions[from];
    const detail = allowed.length === 0
      ? `Henvisningen er ${from} og kan ikke ændres.`
      : `En henvisning med status ${from} kan ikke flyttes til ${to}. Den kan kun flyttes til ${allowedWords(allowed)}.`;
    throw new ProblemError(409, 'invalid_transition', detail, { allowed });
  }
  if (to !== 'afvist' && input.reason) refuse('field_not_allowed', 'reason', 'En begrundelse gives kun, når henvisningen afvises.');
  if (to !== 'afsluttet' && input.outcome) refuse('field_not_allowed', 'outcome', 'Et resultat gives kun, når henvisningen afsluttes.');
  if (to !== 'afsluttet' && input.satisfaction != null) refuse('field_not_allowed', 'satisfaction', 'Tilfredshed angives kun, når henvisningen afsluttes.');
  switch (to) {
    case 'modtaget': return { status: to, receivedAt: now };
    case 'igangsat': return { status: to, startedAt: now };
    case 'afvist':
      if (!input.reason) refuse('reason_required', 'reason', 'Skriv en begrundelse for afvisningen.');
      return { status: to, closedAt: now, rejectionReason: input.reason };
    case 'afsluttet':
      if (!input.outcome) refuse('outcome_required', 'outcome', 'Beskriv resultatet af forløbet, før henvisningen afsluttes.');
      return { status: to, closedAt: now, outcome: input.outcome, satisfaction: input.satisfaction ?? null };
    default: throw conflict('invalid_transition', `Henvisningen kan ikke flyttes til ${to}.`);
  }
}

/**
 * Moves a referral along sendt → modtaget → igangsat → afsluttet | afvist. Only the provider organisation's
 * handlers may; every move is logged (referral_events), shown on the company timeline and audited. At close
 * and rejection the referring consultant is e-mailed, closing the loop.
 */
export async function move(db: Db, context: ReferralContext, id: string, input: MoveInput): Promise<ReferralDetail> {
  const { actor } = context;
  const now = context.now ?? new Date();
  const row = await visibleRow(db, actor, id);
  if (!handles(actor, row)) throw forbidden('Kun udbyderens brugere kan ændre status på henvisningen.');
  const change = changeFor(row.status, input, now);
  const to = input.status;
  const consultant = to === 'afsluttet' || to === 'afvist' ? await repo.userContact(db, row.from_user_id) : null;

  await inTransaction(db, async (tx) => {
    const before = await repo.getReferralRecord(tx, id);
    const after = await repo.updateReferralStatus(tx, id, row.status, change);
    if (!after) throw conflict('referral_changed', 'Henvisningen er netop blevet ændret af en anden. Genindlæs siden, og prøv igen.');
    const note = to === 'afvist' ? input.reason : to === 'afsluttet' ? input.outcome : null;
    await repo.insertReferralEvent(tx, { referralId: id, fromStatus: row.status, toStatus: to, userId: actor.id, note, at: now });
    await recordTimelineEvent(tx, {
      companyId: row.company_id, organisationId: row.from_organisation_id, userId: actor.id, kind: 'referral', refId: id,
      occurredAt: now, confidential: false,
      title: timelineTitle({
        status: to, offerTitle: row.offer_title, providerName: row.provider_name,
        outcome: input.outcome, satisfaction: input.satisfaction, reason: input.reason,
      }),
    });
    if (consultant) {
      const facts = mailFacts(row, context.publicUrl);
      const mail = to === 'afsluttet' ? closedMail(facts, input.outcome ?? '', input.satisfaction ?? null) : rejectedMail(facts, input.reason ?? '');
      await enqueueEmail(tx, { to: consultant.email, ...mail, kind: `referral_${to}`, partnershipId: row.partnership_id, meta: { referralId: id } });
    }
    await audit(tx, context, { action: `referral.${to}`, entity: 'referral', entityId: id, before, after });
  });
  // Matching caches the capacity used this quarter and earlier outcomes: this change counts at once.
  referralsChanged(db, actor.partnershipId);
  return get(db, actor, id, now);
}
