import type { Contact } from '../../../common/engagement';
import type { ContactDuplicatePair, ContactMergeResult } from '../../../common/duplicates';
import type { Db } from '../../db/client';
import { audit, type AuditContext } from '../../http/audit';
import { badRequest, notFound } from '../../http/errors';
import type { Actor } from '../../policy';
import {
  duplicateReasons, moveReferences, redactConfidential, referencePlan, refuseIncompletePlan, type JsonRow, type ReferenceSpec,
} from '../companies';
import * as repo from './contact-merge.repo';
import { findContact, listContacts, updateContact, deleteContact, type ContactRow } from './contacts.repo';
import { presentContact } from './engagement.presenter';
import { requireCompany } from './interactions.service';
import { inTransaction } from './query.repo';

type Context = AuditContext & { actor: Actor };

/** Everything that refers to a contact person. No table has a unique key over a contact reference yet. */
export const contactReferenceSpec: ReferenceSpec = { table: 'company_contacts', rules: {}, unkeyedColumn: 'contact_id', unkeyedRules: {} };

const filled = (c: Contact) => [c.title, c.phone, c.email, c.role, c.productionUnitId].filter(Boolean).length;

/** The contact to keep: the one with more details filled in, on a tie the older one. */
export function suggestedContact(a: Contact, b: Contact): Contact {
  if (filled(a) !== filled(b)) return filled(a) > filled(b) ? a : b;
  return a.createdAt <= b.createdAt ? a : b;
}

/** Likely duplicate contacts at the company, as the actor's partnership sees them. */
export async function listContactDuplicates(db: Db, actor: Actor, companyId: string): Promise<{ items: ContactDuplicatePair[] }> {
  await requireCompany(db, companyId);
  const [pairs, contacts] = await Promise.all([
    repo.contactPairs(db, actor.partnershipId, companyId), listContacts(db, actor.partnershipId, companyId),
  ]);
  const byId = new Map(contacts.map((c) => [c.id, presentContact(c)]));
  return {
    items: pairs.flatMap((p) => {
      const a = byId.get(p.a_id);
      const b = byId.get(p.b_id);
      if (!a || !b) return [];
      const keep = suggestedContact(a, b);
      return [{
        a: keep, b: keep === a ? b : a, suggestedSurvivorId: keep.id,
        score: Math.round((p.similarity + (p.same_email ? 0.5 : 0) + (p.same_phone ? 0.3 : 0)) * 100) / 100,
        reasons: duplicateReasons({ ...p, same_address: false }, repo.similarContactThreshold),
      }];
    }),
  };
}

async function contactOf(db: Db, actor: Actor, companyId: string, id: string, which: string): Promise<ContactRow> {
  const row = await findContact(db, actor.partnershipId, id);
  if (!row || row.company_id !== companyId) throw notFound(`Kontaktpersonen, der skal ${which}, findes ikke hos virksomheden.`);
  return row;
}

/** Participants after the merge: the merged contact becomes the survivor (under the survivor's name), named once. */
function replaceParticipant(list: repo.ParticipantRow['participants'], mergedId: string, survivor: { id: string; name: string }) {
  const out: repo.ParticipantRow['participants'] = [];
  for (const p of list) {
    const next = p.contactId === mergedId ? { contactId: survivor.id, name: survivor.name } : p;
    if (next.contactId && out.some((o) => o.contactId === next.contactId)) continue;
    out.push(next);
  }
  return out;
}

/**
 * Merges contact `mergedId` into `survivorId` (both of the company, in the actor's partnership) in one
 * transaction: interaction participants and every row that references the merged contact move to the
 * survivor, which gets the merged contact's title, phone, e-mail, role and P-unit where it has none; the
 * merged contact is deleted; the before-state goes to the audit log.
 */
export async function mergeContacts(db: Db, context: Context, companyId: string, survivorIdIn: string, mergedIdIn: string): Promise<ContactMergeResult> {
  const { actor } = context;
  const [survivorId, mergedId] = [survivorIdIn.toLowerCase(), mergedIdIn.toLowerCase()];
  if (survivorId === mergedId) throw badRequest('merge_same_contact', 'En kontaktperson kan ikke lægges sammen med sig selv.');
  await requireCompany(db, companyId);
  const plan = await referencePlan(db, contactReferenceSpec);
  refuseIncompletePlan(plan, 'kontaktpersoner');
  await contactOf(db, actor, companyId, survivorId, 'bevares');
  await contactOf(db, actor, companyId, mergedId, 'lægges sammen');
  const result = await inTransaction(db, async (t) => {
    if (await repo.lockContacts(t, [survivorId, mergedId].sort()) < 2) throw notFound('Kontaktpersonen findes ikke længere.');
    const survivor = await contactOf(t, actor, companyId, survivorId, 'bevares');
    const merged = await contactOf(t, actor, companyId, mergedId, 'lægges sammen');
    const before = { merged: await repo.contactJson(t, mergedId), survivor: await repo.contactJson(t, survivorId) };
    const participantRows = await repo.interactionsWithParticipant(t, companyId, mergedId);
    await repo.setParticipants(t, participantRows.map((r) => ({ id: r.id, participants: replaceParticipant(r.participants, mergedId, survivor) })));
    const moved = await moveReferences(t, plan, contactReferenceSpec, mergedId, survivorId);
    const dismissals = await repo.deleteContactDismissals(t, mergedId);
    await updateContact(t, survivorId, {
      title: survivor.title ?? merged.title, phone: survivor.phone ?? merged.phone, email: survivor.email ?? merged.email,
      role: survivor.role ?? merged.role, productionUnitId: survivor.production_unit_id ?? merged.production_unit_id,
    });
    await deleteContact(t, actor.partnershipId, mergedId);
    const interactions: JsonRow[] = participantRows.map((r) => redactConfidential({ id: r.id, confidential: r.confidential, participants: r.participants }));
    await audit(t, context,
      {
        action: 'contact.merge', entity: 'company_contact', entityId: survivorId,
        before: { ...before, interactions, rows: moved.rows, dismissals },
        after: { mergedId, interactions: participantRows.length, moved: moved.moved },
      },
      { action: 'contact.merged_into', entity: 'company_contact', entityId: mergedId, before: before.merged, after: { survivorId } });
    return { interactions: participantRows.length, moved: moved.moved };
  });
  const survivor = await findContact(db, actor.partnershipId, survivorId);
  if (!survivor) throw notFound('Kontaktpersonen findes ikke.');
  return { survivor: presentContact(survivor), mergedId, ...result };
}

/** "Ikke en dublet" for two contacts of the company: not proposed again in the partnership. */
export async function dismissContactPair(db: Db, context: Context, companyId: string, aId: string, bId: string): Promise<void> {
  await contactOf(db, context.actor, companyId, aId, 'vurderes');
  await contactOf(db, context.actor, companyId, bId, 'vurderes');
  await inTransaction(db, async (t) => {
    const ids = [aId.toLowerCase(), bId.toLowerCase()].sort();
    if (await repo.insertContactDismissal(t, { partnershipId: context.actor.partnershipId, ids, userId: context.actor.id })) {
      await audit(t, context, { action: 'duplicate.dismiss', entity: 'company_contact', entityId: ids[0], after: { kind: 'contact', ids } });
    }
  });
}
