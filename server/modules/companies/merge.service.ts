import type { Db } from '../../db/client';
import { audit, type AuditContext } from '../../http/audit';
import { badRequest, notFound, ProblemError } from '../../http/errors';
import type { Actor } from '../../policy';
import * as companiesRepo from './companies.repo';
import { moveReferences, referencePlan, refuseIncompletePlan, type ReferenceSpec } from './merge.plan';
import type { JsonRow } from './merge.references.repo';
import * as repo from './merge.repo';
import { companyConflictRules, companyUnkeyedReferences } from './merge.rules';

type Context = AuditContext & { actor: Actor };

/** Everything that refers to a company, and the rules for it. */
export const companyReferenceSpec: ReferenceSpec = {
  table: 'companies', rules: companyConflictRules, unkeyedColumn: 'company_id', unkeyedRules: companyUnkeyedReferences,
};

export interface CompanyMergeOutcome {
  survivor: companiesRepo.CompanyRow;
  mergedId: string;
  moved: Record<string, number>;
  dropped: Record<string, number>;
}

/** The before-state of a merge: enough to see (and by hand restore) every row as it was. */
export interface CompanyMergeBefore {
  merged: JsonRow;
  survivor: JsonRow;
  /** "table.column" → every row that referred to the merged company, as it was (confidential content redacted). */
  rows: Record<string, JsonRow[]>;
  /** "table.column" → the survivor's own rows that a `combine` rule changed, as they were. */
  survivorRows: Record<string, JsonRow[]>;
  /** "Not a duplicate" decisions about the merged company (deleted with it). */
  dismissals: JsonRow[];
}

function refuseInvalid(survivor: companiesRepo.CompanyRow, merged: companiesRepo.CompanyRow): void {
  if (survivor.cvr && merged.cvr) {
    throw new ProblemError(422, 'merge_two_cvr',
      `Begge virksomheder har et CVR-nummer (${survivor.cvr} og ${merged.cvr}). De er to juridiske enheder og kan ikke lægges sammen.`);
  }
  if (merged.cvr && !survivor.cvr) {
    throw new ProblemError(422, 'merge_cvr_must_survive',
      `Virksomheden med CVR-nummer ${merged.cvr} skal være den, der bevares. Vælg den som den overlevende virksomhed.`);
  }
}

/**
 * Merges `mergedId` into `survivorId` in one transaction: every row of every table that refers to the
 * merged company moves to the survivor (conflicts by the rules in merge.rules.ts), the survivor keeps its
 * CVR number and register data and gets the merged company's phone and e-mail where it has none, the merged
 * company is deleted, and the before-state goes to company_merges and the audit log.
 */
export async function mergeCompanies(db: Db, context: Context, survivorIdIn: string, mergedIdIn: string): Promise<CompanyMergeOutcome> {
  const [survivorId, mergedId] = [survivorIdIn.toLowerCase(), mergedIdIn.toLowerCase()];
  if (survivorId === mergedId) throw badRequest('merge_same_company', 'En virksomhed kan ikke lægges sammen med sig selv.');
  // The catalog is read before the transaction: PGlite runs nothing else while one is open.
  const plan = await referencePlan(db, companyReferenceSpec);
  refuseIncompletePlan(plan, 'virksomheder');
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const locked = await repo.lockCompanies(t, [survivorId, mergedId]);
    const survivor = locked.get(survivorId);
    const merged = locked.get(mergedId);
    if (!survivor) throw notFound('Virksomheden, der skal bevares, findes ikke.');
    if (!merged) throw notFound('Virksomheden, der skal lægges sammen, findes ikke.');
    refuseInvalid(survivor, merged);
    const [mergedJson, survivorJson] = [await repo.companyJson(t, mergedId), await repo.companyJson(t, survivorId)];
    const { rows, survivorRows, moved, dropped } = await moveReferences(t, plan, companyReferenceSpec, mergedId, survivorId);
    const dismissals = await repo.deleteCompanyDismissals(t, mergedId);
    const before: CompanyMergeBefore = {
      merged: mergedJson as JsonRow, survivor: survivorJson as JsonRow, rows, survivorRows, dismissals,
    };
    const fill = { phone: survivor.phone ?? merged.phone, email: survivor.email ?? merged.email };
    const after = fill.phone !== survivor.phone || fill.email !== survivor.email
      ? await companiesRepo.updateCompany(t, survivorId, fill) : survivor;
    await repo.deleteCompany(t, mergedId);
    await repo.insertMerge(t, { survivorId, mergedId, mergedBy: context.actor.id, before });
    await audit(t, context,
      { action: 'company.merge', entity: 'company', entityId: survivorId, before, after: { survivor: after, mergedId, moved, dropped } },
      { action: 'company.merged_into', entity: 'company', entityId: mergedId, before: merged, after: { survivorId } });
    return { survivor: after, mergedId, moved, dropped };
  });
}

/** For a request about a merged company: the id it now lives on, or null. */
export function survivorOf(db: Db, mergedId: string): Promise<string | null> {
  return repo.survivorOf(db, mergedId);
}
