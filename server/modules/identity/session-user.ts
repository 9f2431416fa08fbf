import type { SessionUser } from '../../../common/identity';
import type { OrganisationKind, Role } from '../../../common/roles';
import { permissionsOf, type Actor } from '../../policy';
import type { AccountRow } from './auth.repo';

/** The policy's view of an account. */
export function actorOf(account: AccountRow): Actor {
  return {
    id: account.id,
    organisationId: account.organisationId,
    organisationKind: account.organisationKind as OrganisationKind,
    partnershipId: account.partnershipId,
    roles: account.roles as Role[],
    companyId: account.companyId,
  };
}

/** The signed-in user as the web app sees them (the same shape the session hook builds). */
export function presentSessionUser(account: AccountRow): SessionUser {
  return {
    id: account.id,
    name: account.name,
    email: account.email,
    roles: account.roles as Role[],
    locale: account.locale === 'en' ? 'en' : 'da',
    organisation: {
      id: account.organisationId,
      name: account.organisationName,
      kind: account.organisationKind as OrganisationKind,
      municipalityCode: account.municipalityCode,
      companyId: account.companyId,
    },
    partnership: { id: account.partnershipId, name: account.partnershipName },
    permissions: permissionsOf(actorOf(account)),
  };
}
