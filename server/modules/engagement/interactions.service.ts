import type { z } from 'zod';
import type {
  Interaction, InteractionChannel, interactionCreateSchema, interactionListQuerySchema, interactionListSchema,
  interactionUpdateSchema, participantInputSchema,
} from '../../../common/engagement';
import type { Db } from '../../db/client';
import { audit, type AuditContext } from '../../http/audit';
import { badRequest, forbidden, notFound } from '../../http/errors';
import { can, type Actor } from '../../policy';
import { getCompany } from '../companies';
import { contactNames } from './contacts.repo';
import { todayInDenmark } from './dates';
import { presentInteraction } from './engagement.presenter';
import * as repo from './interactions.repo';
import { inTransaction } from './query.repo';
import { createTaskIn, setTaskConfidential } from './tasks.service';
import { recordTimelineEvent, removeTimelineEvent } from './timeline.service';

type CreateInput = z.output<typeof interactionCreateSchema>;
type UpdateInput = z.output<typeof interactionUpdateSchema>;
type ParticipantInput = z.output<typeof participantInputSchema>;

const channelTitles: Record<InteractionChannel, string> = {
  visit: 'Besøg', phone: 'Telefonopkald', meeting: 'Møde', email: 'E-mail', event: 'Arrangement',
};

export async function requireCompany(db: Db, companyId: string): Promise<{ id: string; name: string }> {
  const company = await getCompany(db, companyId);
  if (!company) throw notFound('Virksomheden findes ikke.');
  return company;
}

/** A contact date in the future makes no sense: it is refused with a field error. */
function refuseFuture(date: string, today: string): void {
  if (date > today) {
    throw badRequest('date_in_future', 'Datoen for kontakten kan ikke ligge i fremtiden.',
      [{ path: 'date', message: 'Vælg dags dato eller en tidligere dato.' }]);
  }
}

/** Participants as stored: contacts must be the company's own (their current name is kept with the id). */
async function resolveParticipants(db: Db, actor: Actor, companyId: string, input: ParticipantInput[]) {
  const ids = input.flatMap((p) => ('contactId' in p ? [p.contactId] : []));
  const known = new Map((await contactNames(db, actor.partnershipId, companyId, ids)).map((c) => [c.id, c.name]));
  return input.map((p, i) => {
    if (!('contactId' in p)) return { contactId: null, name: p.name };
    const name = known.get(p.contactId);
    if (!name) throw badRequest('unknown_contact', 'En deltager er ikke kontaktperson hos virksomheden.', [{ path: `participants.${i}`, message: 'Ukendt kontaktperson.' }]);
    return { contactId: p.contactId, name };
  });
}

/**
 * The audit log is read outside the author's organisation (administrators), so a confidential
 * interaction's content is not copied into it: the entry says that it changed, not what it says.
 */
export function auditView(row: repo.InteractionRecord): Record<string, unknown> {
  if (!row.confidential) return row;
  return { ...row, notes: '[fortroligt]', themes: '[fortroligt]', participants: '[fortroligt]' };
}

const eventOf = (row: repo.InteractionRecord) => ({
  companyId: row.companyId, organisationId: row.organisationId, userId: row.authorId, kind: 'interaction' as const,
  refId: row.id, occurredAt: new Date(`${row.date}T12:00:00Z`), title: channelTitles[row.channel as InteractionChannel],
  confidential: row.confidential,
});

async function view(db: Db, actor: Actor, id: string): Promise<Interaction> {
  const row = await repo.findInteraction(db, actor.partnershipId, id);
  if (!row) throw notFound('Kontakten findes ikke.');
  return presentInteraction(actor, row);
}

export async function create(db: Db, context: AuditContext & { actor: Actor }, companyId: string, input: CreateInput): Promise<Interaction> {
  const { actor } = context;
  const company = await requireCompany(db, companyId);
  const today = todayInDenmark();
  refuseFuture(input.date, today);
  if (input.followUpDate && input.followUpDate < input.date) {
    throw badRequest('follow_up_before_date', 'Opfølgningsdatoen kan ikke ligge før kontaktens dato.', [{ path: 'followUpDate', message: 'Vælg en senere dato.' }]);
  }
  const participants = await resolveParticipants(db, actor, companyId, input.participants);
  const id = await inTransaction(db, async (tx) => {
    let row = await repo.insertInteraction(tx, {
      companyId, organisationId: actor.organisationId, authorId: actor.id, date: input.date, channel: input.channel,
      purpose: input.purpose, themes: input.themes, notes: input.notes, participants, confidential: input.confidential,
      followUpDate: input.followUpDate ?? null,
    });
    if (input.followUpDate) {
      const task = await createTaskIn(tx, context, {
        title: `Opfølgning: ${channelTitles[input.channel].toLowerCase()} hos ${company.name}`, companyId,
        assigneeId: actor.id, dueDate: input.followUpDate, interactionId: row.id, confidential: input.confidential,
      });
      row = await repo.updateInteraction(tx, row.id, { followUpTaskId: task.id });
    }
    await repo.refreshLastContact(tx, actor.organisationId, companyId);
    await recordTimelineEvent(tx, eventOf(row));
    await audit(tx, context, { action: 'interaction.create', entity: 'interaction', entityId: row.id, after: auditView(row) });
    return row.id;
  });
  return view(db, actor, id);
}

export async function list(db: Db, actor: Actor, companyId: string, query: z.output<typeof interactionListQuerySchema>)
  : Promise<z.infer<typeof interactionListSchema>> {
  await requireCompany(db, companyId);
  const { rows, total } = await repo.listInteractions(db, { partnershipId: actor.partnershipId, companyId, ...query });
  return { items: rows.map((r) => presentInteraction(actor, r)), total, limit: query.limit, offset: query.offset };
}

export const get = view;

/** The interaction the actor may change: same partnership (else 404) and own organisation (else 403). */
async function editable(db: Db, actor: Actor, id: string): Promise<repo.InteractionRecord> {
  const row = await repo.findInteraction(db, actor.partnershipId, id);
  const record = row ? await repo.getInteractionRecord(db, id) : null;
  if (!row || !record) throw notFound('Kontakten findes ikke.');
  if (!can(actor, 'interaction.write', { organisationId: row.organisation_id, partnershipId: row.partnership_id })) {
    throw forbidden('Kun organisationen, der har registreret kontakten, kan rette eller slette den.');
  }
  return record;
}

export async function update(db: Db, context: AuditContext & { actor: Actor }, id: string, input: UpdateInput): Promise<Interaction> {
  const before = await editable(db, context.actor, id);
  if (input.date) refuseFuture(input.date, todayInDenmark());
  const participants = input.participants ? await resolveParticipants(db, context.actor, before.companyId, input.participants) : undefined;
  await inTransaction(db, async (tx) => {
    const after = await repo.updateInteraction(tx, id, { ...input, participants });
    await repo.refreshLastContact(tx, after.organisationId, after.companyId);
    await recordTimelineEvent(tx, eventOf(after));
    // The follow-up task is as confidential as the interaction it follows up.
    if (after.followUpTaskId && after.confidential !== before.confidential) await setTaskConfidential(tx, after.followUpTaskId, after.confidential);
    await audit(tx, context, { action: 'interaction.update', entity: 'interaction', entityId: id, before: auditView(before), after: auditView(after) });
  });
  return view(db, context.actor, id);
}

/** Soft delete: gone from lists, counts and the timeline; the row and the audit entry stay. */
export async function remove(db: Db, context: AuditContext & { actor: Actor }, id: string): Promise<void> {
  const before = await editable(db, context.actor, id);
  await inTransaction(db, async (tx) => {
    const after = await repo.updateInteraction(tx, id, { deletedAt: new Date() });
    await repo.refreshLastContact(tx, before.organisationId, before.companyId);
    await removeTimelineEvent(tx, 'interaction', id);
    await audit(tx, context, { action: 'interaction.delete', entity: 'interaction', entityId: id, before: auditView(before), after: auditView(after) });
  });
}
