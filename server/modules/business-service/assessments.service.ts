import type { z } from 'zod';
import type {
  Assessment, assessmentCreateSchema, assessmentUpdateSchema, AssessmentVersion, CompanyAssessments, Priorities,
} from '../../../common/business-service';
import { engagementThemes, type EngagementTheme, type participantInputSchema } from '../../../common/engagement';
import type { Db } from '../../db/client';
import { audit, type AuditContext } from '../../http/audit';
import { badRequest, forbidden, notFound } from '../../http/errors';
import { can, type Actor } from '../../policy';
import { getCompany } from '../companies';
import { recordTimelineEvent } from '../engagement';
import { themeWords } from './matching';
import { currentVersion, fullPriorities, needChanges, presentAssessment, presentVersion, readsAssessment } from './assessments.presenter';
import * as repo from './assessments.repo';
import { todayInDenmark } from './matches.dates';
import { inTransaction } from './offers.service';

type Context = AuditContext & { actor: Actor };
type CreateInput = z.output<typeof assessmentCreateSchema>;
type UpdateInput = z.output<typeof assessmentUpdateSchema>;
type ParticipantInput = z.output<typeof participantInputSchema>;

async function requireCompany(db: Db, companyId: string): Promise<{ id: string; name: string }> {
  const company = await getCompany(db, companyId);
  if (!company) throw notFound('Virksomheden findes ikke.');
  return company;
}

function refuseFuture(date: string): void {
  if (date > todayInDenmark()) {
    throw badRequest('assessment_date_in_future', 'Behovsafdækningens dato kan ikke ligge i fremtiden.',
      [{ path: 'date', message: 'Vælg dags dato eller en tidligere dato.' }]);
  }
}

/** Participants as stored: contacts must be the company's own (their current name is kept with the id). */
async function resolveParticipants(db: Db, actor: Actor, companyId: string, input: ParticipantInput[]) {
  const ids = input.flatMap((p) => ('contactId' in p ? [p.contactId] : []));
  const known = new Map((await repo.contactNames(db, actor.partnershipId, companyId, ids)).map((c) => [c.id, c.name]));
  return input.map((p, i) => {
    if (!('contactId' in p)) return { contactId: null, name: p.name };
    const name = known.get(p.contactId);
    if (!name) throw badRequest('unknown_contact', 'En deltager er ikke kontaktperson hos virksomheden.', [{ path: `participants.${i}`, message: 'Ukendt kontaktperson.' }]);
    return { contactId: p.contactId, name };
  });
}

/** "Behovsafdækning – højest prioriteret: automatisering og digitalisering (5), eksport (4)". */
export function timelineTitle(priorities: Priorities): string {
  const top = engagementThemes
    .map((theme) => ({ theme, p: priorities[theme] }))
    .filter((x) => x.p > 0)
    .sort((a, b) => b.p - a.p || engagementThemes.indexOf(a.theme) - engagementThemes.indexOf(b.theme))
    .slice(0, 3);
  if (top.length === 0) return 'Behovsafdækning – ingen prioriterede behov';
  return `Behovsafdækning – højest prioriteret: ${top.map((x) => `${themeWords[x.theme as EngagementTheme]} (${x.p})`).join(', ')}`;
}

/**
 * The timeline event of an assessment. Without the company's consent the event is confidential: other
 * organisations see that an assessment took place, not its title.
 */
export const assessmentEvent = (row: repo.AssessmentRecord) => ({
  companyId: row.companyId, organisationId: row.organisationId, userId: row.authorId, kind: 'assessment' as const, refId: row.id,
  occurredAt: new Date(`${row.date}T12:00:00Z`), title: timelineTitle(fullPriorities(row.priorities as Record<string, unknown>)),
  confidential: !row.consentToShare,
});

/**
 * The consent rule as an answer: 404 when the assessment is not the partnership's, 403 when it is another
 * organisation's and the company has not consented to sharing it.
 */
export function assertReadable<T extends { organisation_id: string; consent_to_share: boolean }>(actor: Actor, row: T | null): T {
  if (!row) throw notFound('Behovsafdækningen findes ikke.');
  if (!readsAssessment(actor, row)) {
    throw forbidden('Virksomheden har ikke givet samtykke til, at behovsafdækningen deles med andre organisationer.');
  }
  return row;
}

/** An assessment the actor may read (see `assertReadable`). */
async function readable(db: Db, actor: Actor, id: string): Promise<repo.AssessmentRow> {
  return assertReadable(actor, await repo.findAssessment(db, actor.partnershipId, id));
}

export async function get(db: Db, actor: Actor, id: string): Promise<Assessment> {
  return presentAssessment(actor, await readable(db, actor, id));
}


export async function create(db: Db, context: Context, companyId: string, input: CreateInput): Promise<Assessment> {
  const { actor } = context;
  await requireCompany(db, companyId);
  refuseFuture(input.date);
  const participants = await resolveParticipants(db, actor, companyId, input.participants);
  const id = await inTransaction(db, async (tx) => {
    const row = await repo.insertAssessment(tx, {
      companyId, organisationId: actor.organisationId, authorId: actor.id, date: input.date, priorities: input.priorities,
      challenge: input.challenge, growthAmbition: input.growthAmbition, segment: input.segment, nextSteps: input.nextSteps,
      participants, consentToShare: input.consentToShare, turnoverDkk: input.turnoverDkk,
    });
    await recordTimelineEvent(tx, assessmentEvent(row));
    await audit(tx, context, { action: 'assessment.create', entity: repo.assessmentAuditEntity, entityId: row.id, after: row });
    return row.id;
  });
  return get(db, actor, id);
}

/**
 * A correction by the author's organisation. The record shows the latest version; every version, with
 * when and by whom it was saved, stays in the append-only audit log (read back by `versions`).
 */
export async function update(db: Db, context: Context, id: string, input: UpdateInput): Promise<Assessment> {
  const { actor } = context;
  const row = await repo.findAssessment(db, actor.partnershipId, id);
  const before = row ? await repo.getAssessmentRecord(db, id) : null;
  if (!row || !before) throw notFound('Behovsafdækningen findes ikke.');
  if (!can(actor, 'assessment.write', { organisationId: row.organisation_id, partnershipId: row.partnership_id })) {
    throw forbidden('Kun den organisation, der har lavet behovsafdækningen, kan rette den.');
  }
  if (input.date) refuseFuture(input.date);
  const participants = input.participants ? await resolveParticipants(db, actor, before.companyId, input.participants) : undefined;
  await inTransaction(db, async (tx) => {
    const after = await repo.updateAssessment(tx, id, { ...input, participants });
    await recordTimelineEvent(tx, assessmentEvent(after));
    await audit(tx, context, { action: 'assessment.update', entity: repo.assessmentAuditEntity, entityId: id, before, after });
  });
  return get(db, actor, id);
}

/**
 * A company's assessments as the actor may see them, newest first, and how the needs changed between the
 * two latest of them. Other organisations' assessments without consent are only counted.
 */
export async function forCompany(db: Db, actor: Actor, companyId: string): Promise<CompanyAssessments> {
  await requireCompany(db, companyId);
  const all = await repo.companyAssessments(db, actor.partnershipId, companyId);
  const items = all.filter((r) => readsAssessment(actor, r)).map((r) => presentAssessment(actor, r));
  return {
    items,
    withheld: all.length - items.length,
    changes: needChanges(items[0], items[1]),
    previousDate: items[1]?.date ?? null,
  };
}

/**
 * Every saved version of an assessment, oldest first. Another organisation sees only the versions the
 * company had consented to share when they were saved.
 */
export async function versions(db: Db, actor: Actor, id: string): Promise<{ items: AssessmentVersion[] }> {
  const row = await readable(db, actor, id);
  const own = row.organisation_id === actor.organisationId;
  const logged = await repo.assessmentVersions(db, id);
  // Assessments written outside the API (demo data, imports) have no logged version: the record is the first.
  const items = logged.length > 0 ? logged.map((v, i) => presentVersion(v, i + 1)) : [currentVersion(row)];
  return { items: own ? items : items.filter((v) => v.consentToShare) };
}
