import type { z } from 'zod';
import type { Contact, contactCreateSchema, contactUpdateSchema } from '../../../common/engagement';
import type { Db } from '../../db/client';
import { audit, type AuditContext } from '../../http/audit';
import { badRequest, notFound, ProblemError } from '../../http/errors';
import type { Actor } from '../../policy';
import * as repo from './contacts.repo';
import { presentContact } from './engagement.presenter';
import { requireCompany } from './interactions.service';
import { inTransaction } from './query.repo';

type Context = AuditContext & { actor: Actor };

async function checkUnit(db: Db, unitId: string | null | undefined, companyId: string): Promise<void> {
  if (unitId && !await repo.unitOfCompany(db, unitId, companyId)) {
    throw badRequest('unknown_production_unit', 'P-enheden hører ikke til virksomheden.', [{ path: 'productionUnitId', message: 'Vælg en af virksomhedens P-enheder.' }]);
  }
}

/** A 409 that carries the existing contact, so the form can offer "use it" or "create anyway". */
const possibleDuplicate = (existing: repo.ContactRow) => new ProblemError(409, 'possible_duplicate',
  `Der findes allerede en kontaktperson med samme navn eller e-mail hos virksomheden: ${existing.name}.`,
  { existing: presentContact(existing) });

async function view(db: Db, actor: Actor, id: string): Promise<Contact> {
  const row = await repo.findContact(db, actor.partnershipId, id);
  if (!row) throw notFound('Kontaktpersonen findes ikke.');
  return presentContact(row);
}

async function owned(db: Db, actor: Actor, companyId: string, id: string): Promise<repo.ContactRow> {
  const row = await repo.findContact(db, actor.partnershipId, id);
  if (!row || row.company_id !== companyId) throw notFound('Kontaktpersonen findes ikke.');
  return row;
}

export async function list(db: Db, actor: Actor, companyId: string): Promise<{ items: Contact[] }> {
  await requireCompany(db, companyId);
  return { items: (await repo.listContacts(db, actor.partnershipId, companyId)).map(presentContact) };
}

export async function get(db: Db, actor: Actor, companyId: string, id: string): Promise<Contact> {
  return presentContact(await owned(db, actor, companyId, id));
}

export async function create(db: Db, context: Context, companyId: string, input: z.output<typeof contactCreateSchema>): Promise<Contact> {
  const { actor } = context;
  await requireCompany(db, companyId);
  await checkUnit(db, input.productionUnitId, companyId);
  if (!input.confirmDuplicate) {
    const existing = await repo.findDuplicateContact(db, actor.partnershipId, companyId, input.name, input.email);
    if (existing) throw possibleDuplicate(existing);
  }
  const { confirmDuplicate: _confirmed, ...fields } = input;
  const id = await inTransaction(db, async (tx) => {
    const newId = await repo.insertContact(tx, { ...fields, companyId, partnershipId: actor.partnershipId, createdBy: actor.id });
    await audit(tx, context, { action: 'contact.create', entity: 'company_contact', entityId: newId, after: { ...fields, companyId } });
    return newId;
  });
  return view(db, actor, id);
}

export async function update(db: Db, context: Context, companyId: string, id: string, input: z.output<typeof contactUpdateSchema>): Promise<Contact> {
  const before = await owned(db, context.actor, companyId, id);
  await checkUnit(db, input.productionUnitId, companyId);
  await inTransaction(db, async (tx) => {
    await repo.updateContact(tx, id, input);
    await audit(tx, context, { action: 'contact.update', entity: 'company_contact', entityId: id, before, after: input });
  });
  return view(db, context.actor, id);
}

export async function remove(db: Db, context: Context, companyId: string, id: string): Promise<void> {
  const before = await owned(db, context.actor, companyId, id);
  await inTransaction(db, async (tx) => {
    await repo.deleteContact(tx, context.actor.partnershipId, id);
    await audit(tx, context, { action: 'contact.delete', entity: 'company_contact', entityId: id, before });
  });
}
