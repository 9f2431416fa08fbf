/*
 * An in-process hook for whoever keeps state derived from candidates (the shortlist's index): called after every
 * committed candidate write (create, update, import, deactivate, anonymise) with the partnership and the ids.
 */

export type CandidatesChangedListener = (partnershipId: string, candidateIds: string[]) => void;

const listeners = new Set<CandidatesChangedListener>();

/** Subscribes to candidate changes; returns the unsubscribe function. */
export function onCandidatesChanged(listener: CandidatesChangedListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tells every listener that these candidates changed (after the transaction committed). A failing listener never fails the write. */
export function candidatesChanged(partnershipId: string, candidateIds: string[]): void {
  if (candidateIds.length === 0) return;
  for (const listener of listeners) {
    try {
      listener(partnershipId, candidateIds);
    } catch {
      // A derived cache that cannot refresh rebuilds on its own next read; the committed write stands.
    }
  }
}
