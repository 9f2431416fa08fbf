import type { z } from 'zod';
import type { companyUserInviteSchema } from '../../../common/recruitment';
import type { Db } from '../../db/client';
import { audit, type AuditContext } from '../../http/audit';
import { conflict, forbidden, notFound } from '../../http/errors';
import type { Actor } from '../../policy';
import { getCompany } from '../companies';
import { createInvitedUser } from '../identity';
import * as repo from './employer.repo';

type InviteInput = z.output<typeof companyUserInviteSchema>;
export type EmployerContext = AuditContext & { actor: Actor; publicUrl: string; invitedBy: string | null };

export interface InvitedCompanyUser {
  id: string;
  email: string;
  name: string;
  status: string;
  organisationId: string;
  organisationName: string;
}

const isUniqueViolation = (error: unknown) =>
  typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === '23505';

/**
 * Invites a person of a company to the employer view: the company's organisation in the caller's partnership (kind
 * company, named after the company) is created on first use, then an invited user with the role company_user and the
 * invitation e-mail in the outbox, all in one transaction with its audit entries.
 */
export async function inviteCompanyUser(db: Db, context: EmployerContext, companyId: string, input: InviteInput): Promise<InvitedCompanyUser> {
  const { actor } = context;
  const company = await getCompany(db, companyId);
  if (!company) throw notFound('Virksomheden findes ikke.');
  try {
    return await db.transaction(async (transaction) => {
      const tx = transaction as unknown as Db;
      let organisation = await repo.findCompanyOrganisation(tx, actor.partnershipId, company.id);
      if (!organisation) {
        organisation = await repo.insertCompanyOrganisation(tx, {
          partnershipId: actor.partnershipId, companyId: company.id, name: company.name, municipalityCode: company.municipalityCode,
        });
        await audit(tx, context, { action: 'organisation.created', entity: 'organisation', entityId: organisation.id, after: organisation });
      }
      if (organisation.deactivatedAt) throw conflict('organisation_inactive', `${organisation.name} er deaktiveret i Samspil; genaktivér organisationen først.`);
      const user = await createInvitedUser(tx, context, organisation.id, { email: input.email, name: input.name, roles: ['company_user'] },
        { publicUrl: context.publicUrl, invitedBy: context.invitedBy });
      return { id: user.id, email: user.email, name: user.name, status: user.status, organisationId: organisation.id, organisationName: organisation.name };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('email_taken', 'Der findes allerede en bruger med den e-mailadresse.');
    throw error;
  }
}

/** The company a company user acts for. */
export async function employerCompany(db: Db, actor: Actor): Promise<{ id: string; name: string; cvr: string | null }> {
  if (actor.organisationKind !== 'company' || !actor.companyId) throw forbidden('Kun virksomhedsbrugere har en virksomhed i Samspil.');
  const company = await repo.companyCard(db, actor.companyId);
  if (!company) throw notFound('Virksomheden findes ikke.');
  return company;
}
