import type { Organisation } from '../../../common/identity';
import type { OrganisationKind } from '../../../common/roles';
import type { OrganisationRow } from './organisations.repo';

/** Row → wire shape. The SSO client secret never leaves the server. */
export function presentOrganisation(row: OrganisationRow): Organisation {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as OrganisationKind,
    municipalityCode: row.municipalityCode,
    municipalityName: row.municipalityName,
    ssoEnabled: row.ssoEnabled,
    ssoIssuer: row.ssoIssuer,
    ssoClientId: row.ssoClientId,
    ssoLabel: row.ssoLabel,
    emailDomains: row.emailDomains,
    active: row.deactivatedAt === null,
    userCount: row.userCount,
  };
}

/** What the audit log keeps of an organisation (audit() also masks the secret). */
export function auditedOrganisation(row: OrganisationRow) {
  const { userCount: _count, municipalityName: _name, ...rest } = row;
  return rest;
}
