import type { User } from '../../../common/identity';
import type { Role, UserStatus } from '../../../common/roles';
import type { UserRow } from './users.repo';

/** Row → wire shape; never the password hash or the lockout counter. */
export function presentUser(row: UserRow): User {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    roles: row.roles as Role[],
    status: row.status as UserStatus,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    lockedUntil: row.lockedUntil && row.lockedUntil > new Date() ? row.lockedUntil.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** What the audit log keeps of a user. */
export function auditedUser(row: UserRow) {
  return {
    name: row.name, email: row.email, roles: row.roles, status: row.status, locale: row.locale,
    organisationId: row.organisationId,
  };
}
