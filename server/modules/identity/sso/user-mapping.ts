import type { Db } from '../../../db/client';
import { findUserByEmail, findUserBySubject, type SsoUserRow } from './sso.repo';
import { SsoFailure } from './sso.errors';

/** What the identity provider vouched for, after the ID token (and userinfo) were validated. */
export interface VerifiedIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  /** false only when the provider says so; Entra ID omits the claim for addresses it manages. */
  emailVerified: boolean | null;
}

export interface MappedUser {
  user: SsoUserRow;
  /** True when this login links the provider identity to the user for the first time. */
  link: boolean;
}

function usable(user: SsoUserRow, organisationId: string, email: string | null): SsoUserRow {
  if (user.organisationId !== organisationId) {
    throw new SsoFailure('unknown_user', 'user_of_other_organisation', organisationId, email);
  }
  if (user.status === 'deactivated') throw new SsoFailure('deactivated', 'user_deactivated', organisationId, email);
  if (user.status !== 'active' && user.status !== 'invited') {
    throw new SsoFailure('unknown_user', `user_status_${user.status}`, organisationId, email);
  }
  return user;
}

/**
 * Finds the Samspil user for a provider identity: first by (issuer, subject), which stays stable when
 * the person's e-mail changes; otherwise by e-mail, but only among the users of the organisation whose
 * provider vouched for them, and never taking over a user already linked to another identity.
 */
export async function mapIdentityToUser(db: Db, organisationId: string, identity: VerifiedIdentity): Promise<MappedUser> {
  const linked = await findUserBySubject(db, identity.issuer, identity.subject);
  if (linked) return { user: usable(linked, organisationId, identity.email), link: false };

  if (!identity.email) throw new SsoFailure('unknown_user', 'no_email_claim', organisationId);
  if (identity.emailVerified === false) throw new SsoFailure('unknown_user', 'email_not_verified', organisationId, identity.email);
  const byEmail = await findUserByEmail(db, identity.email);
  if (!byEmail) throw new SsoFailure('unknown_user', 'no_user_with_email', organisationId, identity.email);
  const user = usable(byEmail, organisationId, identity.email);
  if (user.oidcIssuer || user.oidcSubject) {
    throw new SsoFailure('unknown_user', 'linked_to_other_identity', organisationId, identity.email);
  }
  return { user, link: true };
}
