import type {
  Contact, EngagementTheme, Interaction, InteractionChannel, InteractionPurpose, Task, TimelineEvent, TimelineKind, WorklistItem,
} from '../../../common/engagement';
import type { OrganisationKind } from '../../../common/roles';
import type { Actor } from '../../policy';
import { can } from '../../policy';
import type { ContactRow } from './contacts.repo';
import { daysBetween, isoTimestamp } from './dates';
import type { InteractionRow } from './interactions.repo';
import type { TaskRow } from './tasks.repo';
import type { TimelineRow } from './timeline.repo';
import type { WorklistRow } from './worklist.repo';
import { worklistDueWindowDays } from '../../../common/engagement';

export function presentContact(row: ContactRow): Contact {
  return {
    id: row.id, companyId: row.company_id, name: row.name, title: row.title, phone: row.phone, email: row.email,
    productionUnitId: row.production_unit_id, productionUnitName: row.production_unit_name, role: row.role,
    createdAt: isoTimestamp(row.created_at), updatedAt: isoTimestamp(row.updated_at),
  };
}

/** Whether the actor reads the content of a record of `organisationId` that may be confidential. */
export const readsContent = (actor: Actor, organisationId: string, confidential: boolean): boolean =>
  !confidential || actor.organisationId === organisationId;

/**
 * An interaction as the actor may see it. A confidential interaction of another organisation shows only
 * the fact of contact (date, channel, organisation); notes, themes, participants, purpose and author are left out.
 */
export function presentInteraction(actor: Actor, row: InteractionRow): Interaction {
  const visible = readsContent(actor, row.organisation_id, row.confidential);
  const organisation = { id: row.organisation_id, name: row.organisation_name, kind: row.organisation_kind as OrganisationKind };
  return {
    id: row.id, companyId: row.company_id, companyName: row.company_name, date: row.date,
    channel: row.channel as InteractionChannel, organisation, confidential: row.confidential, redacted: !visible,
    author: visible ? { id: row.author_id, name: row.author_name } : null,
    purpose: visible ? row.purpose as InteractionPurpose : null,
    themes: visible ? row.themes as EngagementTheme[] : null,
    notes: visible ? row.notes : null,
    participants: visible ? row.participants.map((p) => ({ contactId: p.contactId ?? null, name: p.name })) : null,
    followUpDate: visible ? row.follow_up_date : null,
    followUpTaskId: visible ? row.follow_up_task_id : null,
    canEdit: can(actor, 'interaction.write', { organisationId: row.organisation_id, partnershipId: row.partnership_id }),
    createdAt: isoTimestamp(row.created_at), updatedAt: isoTimestamp(row.updated_at),
  };
}

export function presentTask(row: TaskRow, today: string): Task {
  return {
    id: row.id, title: row.title,
    company: row.company_id ? { id: row.company_id, name: row.company_name ?? '' } : null,
    organisationId: row.organisation_id, assignee: { id: row.assignee_id, name: row.assignee_name },
    createdById: row.created_by, dueDate: row.due_date, status: row.status as Task['status'],
    overdue: row.status === 'open' && row.due_date < today, interactionId: row.interaction_id,
    completedAt: row.completed_at ? isoTimestamp(row.completed_at) : null, createdAt: isoTimestamp(row.created_at),
  };
}

export function presentTimelineEvent(actor: Actor, row: TimelineRow): TimelineEvent {
  const visible = readsContent(actor, row.organisation_id, row.confidential);
  return {
    id: row.id, companyId: row.company_id, kind: row.kind as TimelineKind, refId: row.ref_id, occurredAt: row.occurred_at,
    organisation: { id: row.organisation_id, name: row.organisation_name, kind: row.organisation_kind as OrganisationKind },
    title: visible ? row.title : null, confidential: row.confidential, redacted: !visible,
  };
}

export function presentWorklistItem(row: WorklistRow, today: string): WorklistItem {
  const daysOverdue = daysBetween(row.next_due_date, today);
  const status = daysOverdue > 0 ? 'overdue' : daysOverdue >= -worklistDueWindowDays ? 'due' : 'upcoming';
  return {
    company: { id: row.company_id, name: row.company_name, cvr: row.cvr, city: row.city },
    tier: { id: row.tier_id, name: row.tier_name, cadenceDays: row.cadence_days },
    lastContactDate: row.last_contact_date, nextDueDate: row.next_due_date, daysOverdue, status,
  };
}
