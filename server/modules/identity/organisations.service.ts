import type { z } from 'zod';
import type { organisationCreateSchema, organisationUpdateSchema } from '../../../common/identity';
import type { Db } from '../../db/client';
import type { organisations } from '../../db/schema';
import { audit, type AuditContext } from '../../http/audit';
import { badRequest, conflict, notFound } from '../../http/errors';
import type { Actor } from '../../policy';
import { auditedOrganisation } from './organisations.presenter';
import { checkIssuer, IssuerNotAllowedError } from './sso';
import {
  findOrganisation, insertOrganisation, updateOrganisation, userIdsOfOrganisation, type OrganisationRow,
} from './organisations.repo';

type CreateInput = z.infer<typeof organisationCreateSchema>;
type UpdateInput = z.infer<typeof organisationUpdateSchema>;

const missing = () => notFound('Organisationen findes ikke.');

export async function getOrganisation(db: Db, actor: Actor, id: string): Promise<OrganisationRow> {
  const row = await findOrganisation(db, actor.partnershipId, id);
  if (!row) throw missing();
  return row;
}

export async function createOrganisation(db: Db, context: AuditContext & { actor: Actor }, input: CreateInput): Promise<OrganisationRow> {
  return db.transaction(async (tx) => {
    const id = await insertOrganisation(tx, {
      partnershipId: context.actor.partnershipId, name: input.name, kind: input.kind,
      municipalityCode: input.municipalityCode ?? null, emailDomains: input.emailDomains ?? [],
    });
    const row = await findOrganisation(tx, context.actor.partnershipId, id);
    if (!row) throw missing();
    await audit(tx, context, { action: 'organisation.created', entity: 'organisation', entityId: id, after: auditedOrganisation(row) });
    return row;
  });
}

function changesOf(input: UpdateInput, current: OrganisationRow, now: Date): Partial<typeof organisations.$inferInsert> {
  const changes: Partial<typeof organisations.$inferInsert> = {};
  if (input.name !== undefined) changes.name = input.name;
  if (input.kind !== undefined) changes.kind = input.kind;
  if (input.municipalityCode !== undefined) changes.municipalityCode = input.municipalityCode;
  if (input.emailDomains !== undefined) changes.emailDomains = input.emailDomains;
  if (input.active !== undefined && input.active !== (current.deactivatedAt === null)) {
    changes.deactivatedAt = input.active ? null : now;
  }
  if (input.sso) {
    const { enabled, issuer, clientId, clientSecret, label } = input.sso;
    if (enabled && (!issuer || !clientId)) {
      throw badRequest('validation', 'Udfyld udsteder og klient-id for at slå single sign-on til.', [
        ...(issuer ? [] : [{ path: 'sso.issuer', message: 'Skriv udstederens URL.' }]),
        ...(clientId ? [] : [{ path: 'sso.clientId', message: 'Skriv klient-id.' }]),
      ]);
    }
    if (issuer) {
      try {
        checkIssuer(issuer);
      } catch (error) {
        if (!(error instanceof IssuerNotAllowedError)) throw error;
        // Login would refuse a plain-http issuer anyway; say so when it is saved, not at the first login.
        throw badRequest('validation', 'Udstederen skal bruge https.', [{ path: 'sso.issuer', message: 'Udstederens URL skal begynde med https://.' }]);
      }
    }
    Object.assign(changes, { ssoEnabled: enabled, ssoIssuer: issuer, ssoClientId: clientId, ssoLabel: label });
    if (clientSecret !== undefined) changes.ssoClientSecret = clientSecret;
  }
  return changes;
}

/**
 * Changes an organisation. Returns the new state and whether it was just deactivated (the caller
 * then ends its users' sessions, after the transaction has committed).
 */
export async function changeOrganisation(db: Db, context: AuditContext & { actor: Actor }, id: string, input: UpdateInput): Promise<{ row: OrganisationRow; deactivatedUserIds: string[] }> {
  const now = new Date();
  return db.transaction(async (tx) => {
    const before = await findOrganisation(tx, context.actor.partnershipId, id);
    if (!before) throw missing();
    const changes = changesOf(input, before, now);
    if (changes.deactivatedAt && before.id === context.actor.organisationId) {
      throw conflict('self_lockout', 'Du kan ikke deaktivere din egen organisation.');
    }
    await updateOrganisation(tx, id, changes);
    const after = await findOrganisation(tx, context.actor.partnershipId, id);
    if (!after) throw missing();
    await audit(tx, context, {
      action: changes.deactivatedAt ? 'organisation.deactivated' : 'organisation.updated', entity: 'organisation', entityId: id,
      before: auditedOrganisation(before), after: auditedOrganisation(after),
    });
    const deactivatedUserIds = changes.deactivatedAt ? await userIdsOfOrganisation(tx, id) : [];
    return { row: after, deactivatedUserIds };
  });
}
