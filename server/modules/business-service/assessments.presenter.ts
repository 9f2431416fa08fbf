import type { Assessment, AssessmentVersion, NeedChange, Priorities, Segment } from '../../../common/business-service';
import { engagementThemes } from '../../../common/engagement';
import type { OrganisationKind } from '../../../common/roles';
import { can, type Actor } from '../../policy';
import type { AssessmentRow, VersionRow } from './assessments.repo';
import { isoTimestamp } from './matches.dates';

/**
 * The consent rule: an assessment is read by its own organisation, and by the partnership's other
 * organisations only when the company consented to sharing it with partners.
 */
export const readsAssessment = (actor: Actor, row: { organisation_id: string; consent_to_share: boolean }): boolean =>
  row.consent_to_share || row.organisation_id === actor.organisationId;

/** Every theme with a priority (themes missing from a stored record read as 0). */
export function fullPriorities(stored: Record<string, unknown> | null | undefined): Priorities {
  return Object.fromEntries(engagementThemes.map((t) => {
    const value = stored?.[t];
    return [t, typeof value === 'number' ? value : 0];
  })) as Priorities;
}

const participants = (list: unknown): { contactId: string | null; name: string }[] =>
  (Array.isArray(list) ? list : []).map((p: { contactId?: string | null; name?: string }) => ({ contactId: p.contactId ?? null, name: p.name ?? '' }));

export function presentAssessment(actor: Actor, row: AssessmentRow): Assessment {
  return {
    id: row.id,
    companyId: row.company_id,
    companyName: row.company_name,
    organisation: { id: row.organisation_id, name: row.organisation_name, kind: row.organisation_kind as OrganisationKind },
    author: { id: row.author_id, name: row.author_name },
    date: row.date,
    priorities: fullPriorities(row.priorities),
    challenge: row.challenge,
    growthAmbition: row.growth_ambition,
    segment: row.segment as Segment | null,
    nextSteps: row.next_steps,
    participants: participants(row.participants),
    turnoverDkk: row.turnover_dkk === null ? null : Number(row.turnover_dkk),
    consentToShare: row.consent_to_share,
    versionCount: Math.max(1, row.version_count),
    canEdit: can(actor, 'assessment.write', { organisationId: row.organisation_id, partnershipId: row.partnership_id }),
    createdAt: isoTimestamp(row.created_at),
    updatedAt: isoTimestamp(row.updated_at),
  };
}

/** One saved version, from the audit entry that recorded it (the record as it was written). */
export function presentVersion(row: VersionRow, version: number): AssessmentVersion {
  const a = row.after;
  return {
    version,
    savedAt: isoTimestamp(row.at),
    savedBy: row.user_id ? { id: row.user_id, name: row.user_name ?? '' } : null,
    date: String(a.date ?? ''),
    priorities: fullPriorities(a.priorities as Record<string, unknown>),
    challenge: String(a.challenge ?? ''),
    growthAmbition: String(a.growthAmbition ?? ''),
    segment: (a.segment ?? null) as Segment | null,
    nextSteps: String(a.nextSteps ?? ''),
    participants: participants(a.participants),
    turnoverDkk: a.turnoverDkk === null || a.turnoverDkk === undefined ? null : Number(a.turnoverDkk),
    consentToShare: a.consentToShare === true,
  };
}

/** Per theme, the latest priority and the one of the assessment before it. */
export function needChanges(latest: Assessment | undefined, previous: Assessment | undefined): NeedChange[] {
  if (!latest) return [];
  return engagementThemes.map((theme) => ({ theme, latest: latest.priorities[theme], previous: previous ? previous.priorities[theme] : null }));
}

/** The record as it stands, as version 1 (for an assessment with no logged version). */
export function currentVersion(row: AssessmentRow): AssessmentVersion {
  return {
    version: 1, savedAt: isoTimestamp(row.created_at), savedBy: { id: row.author_id, name: row.author_name },
    date: row.date, priorities: fullPriorities(row.priorities), challenge: row.challenge, growthAmbition: row.growth_ambition,
    segment: row.segment as Segment | null, nextSteps: row.next_steps, participants: participants(row.participants),
    turnoverDkk: row.turnover_dkk === null ? null : Number(row.turnover_dkk), consentToShare: row.consent_to_share,
  };
}
