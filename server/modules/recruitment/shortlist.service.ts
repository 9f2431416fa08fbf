import {
  certificates as certificateCodes, openOrderStatuses, orderStatusLabels, type Certificate, type OrderStatus, type Shortlist, type ShortlistEntry,
} from '../../../common/recruitment';
import type { Db } from '../../db/client';
import { forbidden, notFound, ProblemError } from '../../http/errors';
import { can, type Actor } from '../../policy';
import { centreCount, partnershipMatcher, scoreOne, toMatchOrder, type PartnershipMatcher } from './matching-index';
import type { CandidateMatch, MatchOrder, NearMiss } from './matching';
import * as repo from './shortlist.repo';
import { findOrderRow, orderResource, type JobOrderRow } from './orders.lookup';

const danishDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today in Denmark (YYYY-MM-DD), whatever the server's time zone: availability is judged against it. */
export const todayInDenmark = (now: Date = new Date()): string => danishDay.format(now);

const knownCertificates = new Set<string>(certificateCodes);

/** The order, if the actor may match candidates to it; another partnership's order is "not found". */
export async function orderForMatching(db: Db, actor: Actor, orderId: string): Promise<JobOrderRow> {
  const order = await findOrderRow(db, orderId);
  if (!order || order.partnershipId !== actor.partnershipId) throw notFound('Jobordren findes ikke.');
  if (!can(actor, 'order.match', orderResource(order))) throw forbidden();
  return order;
}

/** Refuses an order that is not open (oprettet, under behandling): 422 `order_not_open`. */
export function requireOpen(order: JobOrderRow): void {
  if (openOrderStatuses.includes(order.status as OrderStatus)) return;
  const label = orderStatusLabels[order.status as OrderStatus]?.da ?? order.status;
  throw new ProblemError(422, 'order_not_open',
    `Jobordren har status "${label}". Kandidater kan kun findes og foreslås til oprettede ordrer og ordrer under behandling.`,
    { orderStatus: order.status });
}

type Entry = CandidateMatch & { missingCertificates?: NearMiss['missingCertificates'] };

/**
 * When the person is also registered at the caller's own centre, shows that registration instead (scored on its own),
 * so the centre can propose its own candidate; the other centres stay in `alsoAt`.
 */
function preferOwn(matcher: PartnershipMatcher, order: MatchOrder, entry: Entry, near: boolean, centreId: string, today: string): Entry {
  if (entry.centreId === centreId || !entry.alsoAt.includes(centreId)) return entry;
  const personKey = matcher.registrations.get(entry.candidateId)?.personKey;
  const ids = personKey ? matcher.persons.get(personKey) ?? new Set<string>() : new Set<string>();
  let best: Entry | null = null;
  for (const id of [...ids].sort()) {
    if (matcher.registrations.get(id)?.centreId !== centreId) continue;
    const scored = scoreOne(matcher, order, id, today);
    if (!scored || (scored.near !== null) !== near || (best && best.score >= scored.score)) continue;
    const alsoAt = [...new Set([entry.centreId, ...entry.alsoAt])].filter((c) => c !== centreId).sort();
    best = {
      candidateId: id, centreId, score: scored.score, reasons: scored.reasons, alsoAt,
      missingSkills: scored.near?.missingSkills ?? [], missingCertificates: scored.near?.missingCertificates ?? [],
    };
  }
  return best ?? entry;
}

/**
 * The merged shortlist of an open order across every job centre of the partnership: the best candidates with score
 * and Danish reasons, near misses with their gaps, each person once (other centres holding the person in `alsoAt`).
 * Pseudonymous: refs, centres and reasons, never identity.
 */
export async function shortlist(db: Db, actor: Actor, orderId: string, limit: number, now = new Date()): Promise<Shortlist> {
  const order = await orderForMatching(db, actor, orderId);
  requireOpen(order);
  const today = todayInDenmark(now);
  const [matcher, names, placements] = await Promise.all([
    partnershipMatcher(db, order.partnershipId), repo.organisationNames(db, order.partnershipId), repo.orderPlacementsByCandidate(db, order.id),
  ]);
  const matchOrder = toMatchOrder(order);
  const result = matcher.index.match(matchOrder, { today, limit, nearMisses: Math.min(20, limit) });
  const matches = result.matches.map((m) => preferOwn(matcher, matchOrder, m, false, actor.organisationId, today));
  const nearMisses = result.nearMisses.map((m) => preferOwn(matcher, matchOrder, m, true, actor.organisationId, today));
  const refs = await repo.candidateRefs(db, [...matches, ...nearMisses].map((e) => e.candidateId));
  const centreName = (id: string) => names.get(id) ?? 'Ukendt jobcenter';
  const present = (e: Entry): ShortlistEntry => ({
    candidateId: e.candidateId,
    ref: refs.get(e.candidateId) ?? '',
    organisationId: e.centreId,
    organisationName: centreName(e.centreId),
    score: e.score,
    reasons: e.reasons,
    alsoAt: e.alsoAt.map((id) => ({ organisationId: id, organisationName: centreName(id) })),
    missingSkills: e.missingSkills.map((s) => ({ uri: s.ref, label: s.label })),
    missingCertificates: (e.missingCertificates ?? []).map((c) => c.ref).filter((c): c is Certificate => knownCertificates.has(c)),
    placement: placements.get(e.candidateId) ?? null,
    own: e.centreId === actor.organisationId,
  });
  return {
    orderId: order.id, matches: matches.map(present), nearMisses: nearMisses.map(present),
    considered: result.considered, centres: centreCount(matcher),
  };
}
