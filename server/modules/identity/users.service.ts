import type { z } from 'zod';
import type { userInviteSchema, userUpdateSchema } from '../../../common/identity';
import type { Db } from '../../db/client';
import type { users } from '../../db/schema';
import { audit, type AuditContext } from '../../http/audit';
import { conflict, notFound } from '../../http/errors';
import type { Actor } from '../../policy';
import { findAccountById } from './auth.repo';
import { sendInvitation } from './invitations.service';
import { findOrganisation } from './organisations.repo';
import { auditedUser } from './users.presenter';
import { emailTaken, findUser, insertUser, updateUser, type UserRow } from './users.repo';

type Context = AuditContext & { actor: Actor };
type InviteInput = z.infer<typeof userInviteSchema>;
type UpdateInput = z.infer<typeof userUpdateSchema>;

const missing = () => notFound('Brugeren findes ikke.');
const taken = () => conflict('email_taken', 'Der findes allerede en bruger med den e-mailadresse.');

export async function getUser(db: Db, actor: Actor, id: string): Promise<UserRow> {
  const row = await findUser(db, actor.partnershipId, id);
  if (!row) throw missing();
  return row;
}

const isUniqueViolation = (error: unknown) =>
  typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === '23505';

/** Creates an invited user in one of the partnership's organisations and e-mails the invitation link. */
export async function inviteUser(db: Db, context: Context, input: InviteInput, options: { publicUrl: string; invitedBy: string | null }): Promise<UserRow> {
  const organisation = await findOrganisation(db, context.actor.partnershipId, input.organisationId);
  if (!organisation) throw notFound('Organisationen findes ikke.');
  if (organisation.deactivatedAt) throw conflict('organisation_inactive', 'Organisationen er deaktiveret; genaktivér den før du inviterer brugere.');
  if (await emailTaken(db, input.email)) throw taken();
  try {
    return await db.transaction(async (tx) => createInvitedUser(tx, context, organisation.id, input, options));
  } catch (error) {
    // Two admins inviting the same address at once: the unique index decides.
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
}

/**
 * The invitation itself, inside the caller's transaction: an invited user in an organisation of the caller's
 * partnership, the invitation e-mail in the outbox and the audit entry. A taken e-mail address is a 409
 * (`email_taken`); the caller has checked the organisation.
 */
export async function createInvitedUser(tx: Db, context: Context, organisationId: string,
  input: { email: string; name: string; roles: InviteInput['roles'] }, options: { publicUrl: string; invitedBy: string | null }): Promise<UserRow> {
  if (await emailTaken(tx, input.email)) throw taken();
  const id = await insertUser(tx, { organisationId, email: input.email, name: input.name, roles: input.roles, status: 'invited' });
  const account = await findAccountById(tx, id);
  const row = await findUser(tx, context.actor.partnershipId, id);
  if (!account || !row) throw missing();
  await sendInvitation(tx, account, options.invitedBy, options.publicUrl);
  await audit(tx, context, { action: 'user.invited', entity: 'user', entityId: id, after: auditedUser(row) });
  return row;
}

/** A new invitation link for a user who has not accepted yet (the old link stops working). */
export async function reinviteUser(db: Db, context: Context, id: string, options: { publicUrl: string; invitedBy: string | null }): Promise<UserRow> {
  return db.transaction(async (tx) => {
    const row = await findUser(tx, context.actor.partnershipId, id);
    if (!row) throw missing();
    if (row.status !== 'invited') throw conflict('not_invited', 'Brugeren har allerede taget imod invitationen.');
    const account = await findAccountById(tx, id);
    if (!account?.organisationActive) throw conflict('organisation_inactive', 'Brugerens organisation er deaktiveret.');
    await sendInvitation(tx, account, options.invitedBy, options.publicUrl);
    await audit(tx, context, { action: 'user.reinvited', entity: 'user', entityId: id, after: auditedUser(row) });
    return row;
  });
}

function changesOf(input: UpdateInput, current: UserRow, actor: Actor): Partial<typeof users.$inferInsert> {
  if (current.id === actor.id) {
    if (input.status === 'deactivated') throw conflict('self_lockout', 'Du kan ikke deaktivere dig selv.');
    if (input.roles && current.roles.includes('admin') && !input.roles.includes('admin')) {
      throw conflict('self_lockout', 'Du kan ikke fjerne din egen administratorrolle.');
    }
  }
  const changes: Partial<typeof users.$inferInsert> = {};
  if (input.name !== undefined) changes.name = input.name;
  if (input.roles !== undefined) changes.roles = [...new Set(input.roles)];
  if (input.locale !== undefined) changes.locale = input.locale;
  if (input.status !== undefined && input.status !== current.status) {
    if (input.status === 'active' && !current.passwordHash && !current.oidcSubject) {
      throw conflict('invitation_pending', 'Brugeren har ikke taget imod invitationen endnu. Send invitationen igen.');
    }
    changes.status = input.status;
  }
  return changes;
}

/** Changes a user. `endSessions` says the caller must end the user's sessions (deactivated). */
export async function changeUser(db: Db, context: Context, id: string, input: UpdateInput): Promise<{ row: UserRow; endSessions: boolean }> {
  return db.transaction(async (tx) => {
    const before = await findUser(tx, context.actor.partnershipId, id);
    if (!before) throw missing();
    const changes = changesOf(input, before, context.actor);
    await updateUser(tx, id, changes);
    const after = await findUser(tx, context.actor.partnershipId, id);
    if (!after) throw missing();
    const deactivated = changes.status === 'deactivated';
    await audit(tx, context, {
      action: deactivated ? 'user.deactivated' : 'user.updated', entity: 'user', entityId: id,
      before: auditedUser(before), after: auditedUser(after),
    });
    return { row: after, endSessions: deactivated };
  });
}

/** The signed-in user changes their own name or language. */
export async function updateProfile(db: Db, context: Context, input: { name?: string; locale?: 'da' | 'en' }): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await findUser(tx, context.actor.partnershipId, context.actor.id);
    if (!before) throw missing();
    const changes: Partial<typeof users.$inferInsert> = {};
    if (input.name !== undefined) changes.name = input.name;
    if (input.locale !== undefined) changes.locale = input.locale;
    await updateUser(tx, before.id, changes);
    await audit(tx, context, {
      action: 'user.profile_updated', entity: 'user', entityId: before.id,
      before: { name: before.name, locale: before.locale }, after: { name: changes.name ?? before.name, locale: changes.locale ?? before.locale },
    });
  });
}
