import type { Db } from '../../db/client';
import { audit } from '../../http/audit';
import { ProblemError } from '../../http/errors';
import type { Actor } from '../../policy';
import { findAccountById, setPassword, type AccountRow } from './auth.repo';
import { invitationEmail } from './emails';
import { enqueueEmail } from './outbox';
import { hashPassword, hashToken, newToken } from './passwords';
import { actorOf } from './session-user';
import { consumeToken, findUsableToken, insertToken, retireTokens } from './tokens.repo';
import { invalidToken } from './password-reset.service';

const inviteTtlMs = 7 * 24 * 3600_000;

/**
 * Makes a fresh invitation link for an invited account (retiring older links) and puts the
 * e-mail in the outbox. Call inside the transaction that creates or re-invites the user.
 */
export async function sendInvitation(db: Db, account: AccountRow, invitedBy: string | null, publicUrl: string, now = new Date()): Promise<void> {
  const { token, tokenHash } = newToken();
  await retireTokens(db, account.id, 'invite', now);
  await insertToken(db, { userId: account.id, kind: 'invite', tokenHash, expiresAt: new Date(now.getTime() + inviteTtlMs) });
  await enqueueEmail(db, invitationEmail({
    to: account.email, name: account.name, organisationName: account.organisationName,
    partnershipName: account.partnershipName, partnershipId: account.partnershipId, invitedBy,
    link: `${publicUrl}/invitation?token=${encodeURIComponent(token)}`,
  }));
}

async function invitedAccount(db: Db, token: string, now: Date): Promise<{ tokenId: string; account: AccountRow } | null> {
  const found = await findUsableToken(db, hashToken(token), 'invite', now);
  if (!found) return null;
  const account = await findAccountById(db, found.userId);
  if (!account || account.status !== 'invited' || !account.organisationActive) return null;
  return { tokenId: found.id, account };
}

/** What the invitation page shows before the person sets a password. */
export async function describeInvitation(db: Db, token: string, now = new Date()): Promise<{ email: string; name: string; organisationName: string }> {
  const found = await invitedAccount(db, token, now);
  if (!found) throw new ProblemError(404, 'invalid_token', 'Invitationen er ugyldig, allerede brugt eller udløbet. Bed en administrator om en ny.');
  return { email: found.account.email, name: found.account.name, organisationName: found.account.organisationName };
}

/** Accepts an invitation: sets the password (and name), activates the account. Returns the account. */
export async function acceptInvitation(db: Db, input: { token: string; password: string; name?: string; ip: string }, now = new Date()): Promise<AccountRow> {
  const found = await invitedAccount(db, input.token, now);
  if (!found) throw invalidToken();
  const { account, tokenId } = found;
  const passwordHash = await hashPassword(input.password);
  const name = input.name ?? account.name;
  const ok = await db.transaction(async (tx) => {
    if (!(await consumeToken(tx, tokenId, now))) return false;
    await setPassword(tx, account.id, passwordHash, { status: 'active', name });
    const actor: Actor = actorOf(account);
    await audit(tx, { actor, ip: input.ip }, {
      action: 'auth.invitation_accepted', entity: 'user', entityId: account.id,
      before: { status: account.status, name: account.name }, after: { status: 'active', name },
    });
    return true;
  });
  if (!ok) throw invalidToken();
  return { ...account, status: 'active', name };
}
