import { certificateLabels } from '../../../common/recruitment';
import type { Db } from '../../db/client';
import {
  buildMatchTaxonomy, CandidateIndex, type CandidateProfile, type MatchOrder, type MatchResult, type MatchTaxonomy, type MatchTaxonomyInput,
} from './matching';
import * as repo from './matching-index.repo';
import type { JobOrderRow } from './orders.lookup';

/**
 * The shortlist's in-memory matcher, one per database and partnership: the reference taxonomy (built lazily, rebuilt
 * when the reference data changes) and a `CandidateIndex` of the partnership's active, not anonymised candidates
 * across all its job centres (personKey = the keyed CPR hash, so a person registered twice is shown once).
 *
 * Kept current three ways: candidates named by `markCandidatesChanged` (the candidate service's change events in
 * this process) are re-read before the next match; every `candidateCheckMs` the rows changed since the last look are
 * re-read (other processes' writes); and a count mismatch (a row deleted) rebuilds the candidate index. The taxonomy
 * fingerprint (latest import run and table counts) is checked every `taxonomyCheckMs`.
 */
export const candidateCheckMs = 5_000;
export const taxonomyCheckMs = 60_000;
/** Rows changed this long before the last look are read again: a transaction may commit after a later one. */
const overlapMs = 120_000;
/** Beyond this many pending ids, one full reload is cheaper. */
const dirtyMax = 2_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One partnership's index and what it knows about its registrations. */
export interface PartnershipMatcher {
  readonly taxonomy: MatchTaxonomy;
  readonly index: CandidateIndex;
  /** Candidate id → the profile in the index (centre, person key …). */
  readonly registrations: Map<string, CandidateProfile>;
  /** Person key → candidate ids. */
  readonly persons: Map<string, Set<string>>;
}

interface State extends PartnershipMatcher {
  fingerprint: string;
  taxonomyCheckedAt: number;
  candidatesCheckedAt: number;
  /** The latest `updated_at` seen (ISO), the delta reads from a little before it. */
  watermark: string | null;
  /** Active candidates the matcher refused (an invalid profile): counted, so they don't force rebuilds. */
  invalid: Set<string>;
}

interface SharedTaxonomy { fingerprint: string; input: Promise<MatchTaxonomyInput> }

const taxonomies = new WeakMap<Db, SharedTaxonomy>();
const states = new WeakMap<Db, Map<string, Promise<State>>>();
/** Candidate ids changed in this process, per partnership; `'all'` asks for a full reload. */
const dirty = new Map<string, Set<string> | 'all'>();

/**
 * Candidates of a partnership were created, changed, deactivated or anonymised: the next match re-reads them.
 * The candidate service calls this (through its change events) after the write commits.
 */
export function markCandidatesChanged(partnershipId: string, candidateIds: readonly string[]): void {
  const pending = dirty.get(partnershipId);
  if (pending === 'all') return;
  const set = pending ?? new Set<string>();
  for (const id of candidateIds) if (UUID.test(id)) set.add(id);
  dirty.set(partnershipId, set.size > dirtyMax ? 'all' : set);
}

/** Drops a partnership's index (tests and benchmarks measure cold builds with it). */
export function forgetMatchingIndex(db: Db, partnershipId?: string): void {
  if (partnershipId) states.get(db)?.delete(partnershipId);
  else states.delete(db);
  if (!partnershipId) taxonomies.delete(db);
}

const languageCode = (value: string) => value.split(':')[0].trim().toLowerCase();

/** A candidate row as the matcher takes it. */
export function toProfile(row: repo.CandidateMatchRow): CandidateProfile {
  return {
    id: row.id, centreId: row.organisation_id, personKey: row.cpr_hash, occupations: row.occupations, skills: row.skills,
    certificates: row.certificates, languages: [...new Set(row.languages.map(languageCode))], postalCode: row.postal_code,
    maxCommuteKm: row.max_commute_km, availableFrom: row.available_from, hoursWanted: row.hours_per_week, targetGroup: row.target_group,
  };
}

async function loadTaxonomyInput(db: Db): Promise<MatchTaxonomyInput> {
  const t = await repo.loadTaxonomyRows(db);
  return {
    occupations: t.occupations.map((o) => ({ uri: o.uri, iscoGroup: o.isco_group, label: o.label, code: o.code })),
    skills: t.skills,
    relations: t.relations.map((r) => ({
      occupationUri: r.occupation_uri, skillUri: r.skill_uri, relationType: r.relation_type === 'essential' ? 'essential' : 'optional',
    })),
    postalCodes: t.postalCodes,
    municipalities: t.municipalities.map((m) => ({ code: String(m.code), lat: m.lat, lon: m.lon })),
    certificates: Object.entries(certificateLabels).map(([code, label]) => ({ code, label: label.da })),
  };
}

/** The taxonomy input for a fingerprint, shared by the database's partnerships; a failed load is not kept. */
function taxonomyInput(db: Db, fingerprint: string): Promise<MatchTaxonomyInput> {
  const cached = taxonomies.get(db);
  if (cached?.fingerprint === fingerprint) return cached.input;
  const entry: SharedTaxonomy = { fingerprint, input: loadTaxonomyInput(db) };
  entry.input.catch(() => { if (taxonomies.get(db) === entry) taxonomies.delete(db); });
  taxonomies.set(db, entry);
  return entry.input;
}

function upsertRow(state: State, row: repo.CandidateMatchRow): void {
  removeId(state, row.id);
  state.invalid.delete(row.id);
  if (!row.active || row.anonymised) return;
  const profile = toProfile(row);
  try {
    state.index.upsert(profile);
  } catch {
    // The candidate service validates profiles; a row it let through that the matcher cannot read is left out, not fatal.
    state.invalid.add(row.id);
    return;
  }
  state.registrations.set(row.id, profile);
  if (row.cpr_hash) {
    const ids = state.persons.get(row.cpr_hash) ?? new Set<string>();
    ids.add(row.id);
    state.persons.set(row.cpr_hash, ids);
  }
}

function removeId(state: State, id: string): void {
  const known = state.registrations.get(id);
  if (!known) return;
  state.index.remove(id);
  state.registrations.delete(id);
  if (known.personKey) {
    const ids = state.persons.get(known.personKey);
    ids?.delete(id);
    if (ids?.size === 0) state.persons.delete(known.personKey);
  }
}

const later = (a: string | null, b: string | null) => (a === null ? b : b === null || a >= b ? a : b);

/** A new state: the taxonomy is built from the (shared) input unless a current one is handed over (a candidate-only rebuild). */
async function build(db: Db, partnershipId: string, fingerprint: string, now: number, current?: MatchTaxonomy): Promise<State> {
  dirty.delete(partnershipId);
  const [input, rows, latest] = await Promise.all([
    current ? null : taxonomyInput(db, fingerprint), repo.activeCandidates(db, partnershipId), repo.candidateState(db, partnershipId),
  ]);
  const taxonomy = current ?? buildMatchTaxonomy(input as MatchTaxonomyInput);
  const state: State = {
    taxonomy, index: new CandidateIndex(taxonomy), registrations: new Map(), persons: new Map(), fingerprint,
    taxonomyCheckedAt: now, candidatesCheckedAt: now, watermark: latest.latest, invalid: new Set(),
  };
  for (const row of rows) upsertRow(state, row);
  return state;
}

/** Brings a state up to date; returns a new state when the taxonomy changed or rows vanished. */
async function refresh(db: Db, partnershipId: string, state: State, now: number): Promise<State> {
  if (now - state.taxonomyCheckedAt >= taxonomyCheckMs) {
    const fingerprint = await repo.taxonomyFingerprint(db);
    if (fingerprint !== state.fingerprint) return build(db, partnershipId, fingerprint, now);
    state.taxonomyCheckedAt = now;
  }
  const pending = dirty.get(partnershipId);
  dirty.delete(partnershipId);
  if (pending === 'all') return build(db, partnershipId, state.fingerprint, now, state.taxonomy);
  if (pending) {
    const ids = [...pending];
    const found = await repo.candidatesByIds(db, partnershipId, ids);
    for (const row of found) upsertRow(state, row);
    const seen = new Set(found.map((r) => r.id));
    for (const id of ids) {
      if (!seen.has(id)) {
        removeId(state, id);
        state.invalid.delete(id);
      }
    }
  }
  if (now - state.candidatesCheckedAt >= candidateCheckMs) {
    const since = state.watermark === null ? '1970-01-01T00:00:00Z' : new Date(Date.parse(state.watermark) - overlapMs).toISOString();
    const [changed, current] = await Promise.all([repo.candidatesChangedSince(db, partnershipId, since), repo.candidateState(db, partnershipId)]);
    for (const row of changed) upsertRow(state, row);
    if (current.count !== state.registrations.size + state.invalid.size) return build(db, partnershipId, state.fingerprint, now, state.taxonomy);
    state.watermark = later(state.watermark, current.latest);
    state.candidatesCheckedAt = now;
  }
  return state;
}

/**
 * The partnership's matcher, built on first use and brought up to date. Calls for one partnership are serialised,
 * so concurrent requests share one build.
 */
export async function partnershipMatcher(db: Db, partnershipId: string, now = Date.now()): Promise<PartnershipMatcher> {
  let byPartnership = states.get(db);
  if (!byPartnership) states.set(db, (byPartnership = new Map()));
  const previous = byPartnership.get(partnershipId);
  const next = previous
    ? previous.then((state) => refresh(db, partnershipId, state, now), async () => build(db, partnershipId, await repo.taxonomyFingerprint(db), now))
    : repo.taxonomyFingerprint(db).then((fingerprint) => build(db, partnershipId, fingerprint, now));
  byPartnership.set(partnershipId, next);
  next.catch(() => { if (byPartnership.get(partnershipId) === next) byPartnership.delete(partnershipId); });
  return next;
}

/**
 * One registration scored against an order on its own (not de-duplicated against the person's other registrations):
 * its score, reasons and gaps, or null when the order does not reach it at all (other occupation and skills) or a
 * hard filter rules it out beyond a near miss.
 */
export function scoreOne(matcher: PartnershipMatcher, order: MatchOrder, candidateId: string, today: string)
  : { score: number; reasons: MatchResult['matches'][number]['reasons']; near: MatchResult['nearMisses'][number] | null } | null {
  const profile = matcher.registrations.get(candidateId);
  if (!profile) return null;
  const single = new CandidateIndex(matcher.taxonomy, [profile]);
  const result = single.match(order, { today, limit: 1, nearMisses: 1 });
  const hit = result.matches[0];
  if (hit) return { score: hit.score, reasons: hit.reasons, near: null };
  const near = result.nearMisses[0];
  return near ? { score: near.score, reasons: near.reasons, near } : null;
}

/** Target groups a job type admits (the engine's hard filter); other job types admit everyone. */
const jobTypeTargets: Readonly<Record<string, readonly string[]>> = {
  fleksjob: ['ledighedsydelse'],
  igu: ['integration'],
};

/** An order row as the matcher takes it: languages without their level, the job type as target groups. */
export function toMatchOrder(order: JobOrderRow): MatchOrder {
  return {
    occupation: order.occupationUri, requiredSkills: order.requiredSkills, wantedSkills: order.wantedSkills, certificates: order.certificates,
    languages: [...new Set(order.languages.map(languageCode))], hoursPerWeek: order.hoursPerWeek, startDate: order.startDate,
    workplacePostalCode: order.workplacePostalCode, workplaceMunicipalityCode: order.workplaceMunicipalityCode,
    targetGroups: jobTypeTargets[order.jobType] ?? null,
  };
}

/** How many job centres have candidates in the index. */
export function centreCount(matcher: PartnershipMatcher): number {
  const centres = new Set<string>();
  for (const p of matcher.registrations.values()) centres.add(p.centreId);
  return centres.size;
}
