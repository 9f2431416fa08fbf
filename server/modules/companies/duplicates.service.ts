import type { z } from 'zod';
import type {
  CompanyDuplicatePage, DuplicateCompany, DuplicateReason, companyDuplicatesQuerySchema,
} from '../../../common/duplicates';
import type { Db } from '../../db/client';
import { audit, type AuditContext } from '../../http/audit';
import { notFound } from '../../http/errors';
import type { Actor } from '../../policy';
import * as repo from './duplicates.repo';

type Context = AuditContext & { actor: Actor };

const danishDecimal = (value: number) => value.toFixed(2).replace('.', ',');

/** The reasons of a pair, strongest first, in Danish ("navne ligner hinanden (0,82)"). */
export function companyReasons(row: Pick<repo.CompanyPairRow, 'similarity' | 'same_address' | 'same_phone' | 'same_email'>,
  threshold = repo.similarNameThreshold): DuplicateReason[] {
  const reasons: DuplicateReason[] = [];
  if (row.similarity >= 0.999) reasons.push({ code: 'same_name', similarity: 1, text: 'samme navn' });
  else if (row.similarity >= threshold) {
    const similarity = Math.round(row.similarity * 100) / 100;
    reasons.push({ code: 'similar_name', similarity, text: `navne ligner hinanden (${danishDecimal(similarity)})` });
  }
  if (row.same_address) reasons.push({ code: 'same_address', similarity: null, text: 'samme adresse' });
  if (row.same_phone) reasons.push({ code: 'same_phone', similarity: null, text: 'samme telefon' });
  if (row.same_email) reasons.push({ code: 'same_email', similarity: null, text: 'samme e-mail' });
  return reasons;
}

const iso = (d: string | Date) => new Date(d).toISOString();

function present(row: repo.DuplicateCompanyRow): DuplicateCompany {
  return {
    id: row.id, cvr: row.cvr, name: row.name, source: row.source as DuplicateCompany['source'], status: row.status,
    street: row.street, postalCode: row.postal_code, city: row.city, phone: row.phone, email: row.email, createdAt: iso(row.created_at),
  };
}

/** The record that should survive: the one with a CVR number, else the one from a register, else the older one. */
export function suggestedSurvivor(a: DuplicateCompany, b: DuplicateCompany): DuplicateCompany {
  if (a.cvr && !b.cvr) return a;
  if (b.cvr && !a.cvr) return b;
  if (a.source !== 'manual' && b.source === 'manual') return a;
  if (b.source !== 'manual' && a.source === 'manual') return b;
  return a.createdAt <= b.createdAt ? a : b;
}

/** A page of likely duplicate companies for the actor's partnership, most likely first, without dismissed pairs. */
export async function listCompanyDuplicates(db: Db, actor: Actor, query: z.output<typeof companyDuplicatesQuerySchema>): Promise<CompanyDuplicatePage> {
  const offset = (query.page - 1) * query.limit;
  const pairs = await repo.companyPairs(db, { partnershipId: actor.partnershipId, limit: query.limit, offset });
  const companies = new Map((await repo.companiesByIds(db, pairs.flatMap((p) => [p.a_id, p.b_id]))).map((c) => [c.id, present(c)]));
  const items = pairs.flatMap((p) => {
    const a = companies.get(p.a_id);
    const b = companies.get(p.b_id);
    if (!a || !b) return [];
    // The side that survives is shown first, so a page reads "keep this ← merge that".
    const survivor = suggestedSurvivor(a, b);
    const [first, second] = survivor === a ? [a, b] : [b, a];
    return [{
      a: first, b: second, score: Math.round(p.score * 100) / 100, reasons: companyReasons(p),
      suggestedSurvivorId: survivor.id, survivorChoice: !a.cvr && !b.cvr,
    }];
  });
  return { items, total: pairs[0]?.total ?? 0, page: query.page, limit: query.limit, offset };
}

/** "Ikke en dublet": the pair is not proposed again in the partnership. Idempotent; audited when new. */
export async function dismissCompanyPair(db: Db, context: Context, aId: string, bId: string): Promise<void> {
  const found = await repo.companiesByIds(db, [aId, bId]);
  if (found.length < 2) throw notFound('En af virksomhederne findes ikke.');
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const ids: [string, string] = [aId.toLowerCase(), bId.toLowerCase()];
    const added = await repo.insertDismissal(t, { partnershipId: context.actor.partnershipId, kind: 'company', ids, userId: context.actor.id });
    if (added) {
      await audit(t, context, { action: 'duplicate.dismiss', entity: 'company', entityId: [...ids].sort()[0], after: { kind: 'company', ids: [...ids].sort() } });
    }
  });
}
