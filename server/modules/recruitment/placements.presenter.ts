import {
  matchReasonSchema, placementStatusLabels, placementTransitions, type MatchReason, type Placement, type PlacementStatus,
} from '../../../common/recruitment';
import { can, type Actor } from '../../policy';
import type { ConsentRecord, PlacementRow } from './placements.repo';

const iso = (value: string | Date) => new Date(value).toISOString();

/** Steps that pass the candidate's identity on (or say it may be): only with a consent in force. */
export const consentSteps: ReadonlySet<PlacementStatus> = new Set<PlacementStatus>(['samtykke_givet', 'præsenteret']);

/** Stored reasons as the wire shape; anything unreadable is left out. */
export function storedReasons(value: unknown): MatchReason[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((r) => {
    const parsed = matchReasonSchema.safeParse(r);
    return parsed.success ? [parsed.data] : [];
  });
}

/** "samtykke givet, præsenteret eller fravalgt af kandidaten" */
export function statusWords(statuses: readonly PlacementStatus[]): string {
  const words = statuses.map((s) => placementStatusLabels[s].da.toLowerCase());
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} eller ${words[words.length - 1]}`;
}

/** Whether the actor's centre owns the placement's candidate (and so may move it and record consent). */
export const ownsPlacement = (actor: Actor, row: Pick<PlacementRow, 'partnership_id' | 'organisation_id'>): boolean =>
  can(actor, 'placement.write', { partnershipId: row.partnership_id, organisationId: row.organisation_id });

/** A placement as staff see it: the candidate's ref and centre, the match at the time, the consent's facts (no identity). */
export function presentPlacement(actor: Actor, row: PlacementRow, consent: ConsentRecord | null): Placement {
  const consentInForce = consent !== null && consent.withdrawnAt === null;
  const allowed = ownsPlacement(actor, row)
    ? placementTransitions[row.status].filter((s) => consentInForce || !consentSteps.has(s))
    : [];
  return {
    id: row.id,
    orderId: row.order_id,
    candidateId: row.candidate_id,
    candidateRef: row.candidate_ref,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    status: row.status,
    matchScore: row.match_score,
    matchReasons: storedReasons(row.match_reasons),
    consent: consent ? {
      id: consent.id, givenAt: iso(consent.givenAt), purpose: consent.purpose, scope: consent.scope,
      withdrawnAt: consent.withdrawnAt ? iso(consent.withdrawnAt) : null,
    } : null,
    statusChangedAt: iso(row.status_changed_at),
    createdAt: iso(row.created_at),
    allowedTransitions: allowed,
  };
}
