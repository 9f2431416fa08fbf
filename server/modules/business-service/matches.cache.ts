import { daSortKey } from '../../../common/text';
import type { Db } from '../../db/client';
import * as repo from './matches.repo';
import { titleOrder, type MatchOffer, type OfferOutcomes } from './matching';
import type { OfferRow } from './offers.repo';

/**
 * What every match request needs besides the assessment and its company, kept in memory per database and
 * partnership so one request costs a few indexed lookups instead of aggregating 200,000 referrals:
 *
 * - the published offers and their providers' names, revalidated by a fingerprint (count and latest change of
 *   the partnership's offers) at most every `offersCheckMs`, and at once after an offer was written in this
 *   process (`offersChanged`, called by the offer service);
 * - capacity used this quarter per offer, at most `capacityTtlMs` old;
 * - outcomes of earlier referrals per offer for every DB07 section and size class, at most `outcomesTtlMs` old
 *   (they summarise years of referrals; a closed referral moves them little).
 *
 * `referralsChanged` drops capacity at once (the referral workflow calls it after a status change in this
 * process); the time limits bound staleness across processes.
 */
export const offersCheckMs = 5_000;
export const capacityTtlMs = 60_000;
export const outcomesTtlMs = 10 * 60_000;

interface Timed<T> { at: number; value: Promise<T> }

/** The published offers as read, as the matcher takes them (no capacity used yet) and their titles' sort keys. */
export interface CachedOffers {
  fingerprint: string;
  rows: OfferRow[];
  byId: Map<string, OfferRow>;
  matchOffers: MatchOffer[];
  sortKeys: string[];
  /** Indices by title in Danish order. */
  order: number[];
}

interface PartnershipCache {
  offers?: CachedOffers;
  offersCheckedAt?: number;
  providers?: Map<string, repo.Provider>;
  capacity?: Timed<Map<string, number>> & { quarter: string };
  outcomes?: Timed<Map<string, Map<string, OfferOutcomes>>>;
}

const caches = new WeakMap<Db, Map<string, PartnershipCache>>();

function cacheOf(db: Db, partnershipId: string): PartnershipCache {
  let byPartnership = caches.get(db);
  if (!byPartnership) caches.set(db, (byPartnership = new Map()));
  let cache = byPartnership.get(partnershipId);
  if (!cache) byPartnership.set(partnershipId, (cache = {}));
  return cache;
}

/** A failed load is not kept: the next request tries again. */
function remember<T>(load: () => Promise<T>, clear: () => void): Timed<T> {
  const value = load();
  value.catch(clear);
  return { at: Date.now(), value };
}

/**
 * The partnership's published offers with their titles' Danish sort keys and the providers' names; the
 * fingerprint is read at most every `offersCheckMs` (or after `offersChanged`), the offers only when it moved.
 */
export async function publishedOffers(db: Db, partnershipId: string, toMatchOffer: (row: OfferRow) => MatchOffer, now = Date.now())
  : Promise<{ offers: CachedOffers; providers: Map<string, repo.Provider> }> {
  const cache = cacheOf(db, partnershipId);
  if (!cache.offers || !cache.providers || now - (cache.offersCheckedAt ?? 0) >= offersCheckMs) {
    const { fingerprint, providers } = await repo.offersState(db, partnershipId);
    if (cache.offers?.fingerprint !== fingerprint) {
      const rows = await repo.publishedOffers(db, partnershipId);
      const sortKeys = rows.map((r) => daSortKey(r.title));
      cache.offers = {
        fingerprint, rows, byId: new Map(rows.map((r) => [r.id, r])), matchOffers: rows.map(toMatchOffer), sortKeys, order: titleOrder(rows, sortKeys),
      };
    }
    cache.providers = new Map(providers.map((p) => [p.id, p]));
    cache.offersCheckedAt = now;
  }
  return { offers: cache.offers, providers: cache.providers };
}

/** An offer of the partnership was created, changed or deleted here: the next match reads the offers' fingerprint again. */
export function offersChanged(db: Db, partnershipId: string): void {
  const cache = caches.get(db)?.get(partnershipId);
  if (cache) cache.offersCheckedAt = undefined;
}

/** Capacity used per offer in the quarter (see `repo.capacityUsed`). */
export function capacityUsed(db: Db, partnershipId: string, quarter: { from: string; to: string }, now = Date.now()): Promise<Map<string, number>> {
  const cache = cacheOf(db, partnershipId);
  const hit = cache.capacity;
  if (hit && hit.quarter === quarter.from && now - hit.at < capacityTtlMs) return hit.value;
  const entry = remember(async () => new Map((await repo.capacityUsed(db, partnershipId, quarter)).map((u) => [u.offer_id, u.used])),
    () => { if (cache.capacity === entry) cache.capacity = undefined; });
  cache.capacity = { ...entry, quarter: quarter.from };
  return entry.value;
}

export const outcomeGroup = (section: string | null, employees: number | null): string | null => {
  const size = repo.sizeClassOf(employees);
  return section && size ? `${section}|${size}` : null;
};

/** Outcomes per offer for every section and size class (key `outcomeGroup(section, employees)`). */
export function outcomesByGroup(db: Db, partnershipId: string, now = Date.now()): Promise<Map<string, Map<string, OfferOutcomes>>> {
  const cache = cacheOf(db, partnershipId);
  if (cache.outcomes && now - cache.outcomes.at < outcomesTtlMs) return cache.outcomes.value;
  const entry = remember(async () => {
    const groups = new Map<string, Map<string, OfferOutcomes>>();
    for (const row of await repo.outcomesByGroup(db, partnershipId)) {
      const key = `${row.section}|${row.size_class}`;
      if (!groups.has(key)) groups.set(key, new Map());
      groups.get(key)!.set(row.offer_id, {
        completed: row.completed, meanSatisfaction: row.mean_satisfaction === null ? null : Number(row.mean_satisfaction), rejected: row.rejected,
      });
    }
    return groups;
  }, () => { if (cache.outcomes === entry) cache.outcomes = undefined; });
  cache.outcomes = entry;
  return entry.value;
}

/**
 * A referral of the partnership changed status: capacity used this quarter is read afresh on the next match.
 * (Outcomes summarise years of referrals and follow within `outcomesTtlMs`.)
 */
export function referralsChanged(db: Db, partnershipId: string): void {
  const cache = caches.get(db)?.get(partnershipId);
  if (cache) cache.capacity = undefined;
}

/** Forgets everything cached for a partnership (the benchmark measures cold loads with it). */
export function forgetMatchingCache(db: Db, partnershipId: string): void {
  caches.get(db)?.delete(partnershipId);
}
