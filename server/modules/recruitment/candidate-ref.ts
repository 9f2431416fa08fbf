import crypto from 'node:crypto';
import type { Db } from '../../db/client';
import { takenRefs } from './candidates.repo';

/** Letters and digits people cannot mix up when they read a ref aloud: no 0/O, 1/I/L. */
export const refAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A random pseudonymous reference: `K-` and six characters of the unambiguous alphabet (31⁶ ≈ 887 million). */
export function randomRef(): string {
  let out = 'K-';
  for (let i = 0; i < 6; i += 1) out += refAlphabet[crypto.randomInt(refAlphabet.length)];
  return out;
}

/** `n` refs that no candidate has yet (checked in one query; the unique constraint guards the rest). */
export async function newRefs(db: Db, n: number): Promise<string[]> {
  const refs = new Set<string>();
  for (let attempt = 0; refs.size < n && attempt < 10; attempt += 1) {
    const fresh = new Set<string>();
    while (fresh.size < n - refs.size) {
      const ref = randomRef();
      if (!refs.has(ref)) fresh.add(ref);
    }
    const taken = await takenRefs(db, [...fresh]);
    for (const ref of fresh) if (!taken.has(ref)) refs.add(ref);
  }
  if (refs.size < n) throw new Error('Kunne ikke finde ledige kandidatreferencer.');
  return [...refs];
}
