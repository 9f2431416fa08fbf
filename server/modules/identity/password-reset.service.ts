import type { Db } from '../../db/client';
import { audit } from '../../http/audit';
import { badRequest } from '../../http/errors';
import { findAccountByEmail, findAccountById, setPassword } from './auth.repo';
import { passwordResetEmail } from './emails';
import { enqueueEmail } from './outbox';
import { hashPassword, newToken, hashToken } from './passwords';
import { actorOf } from './session-user';
import { consumeToken, findUsableToken, insertToken, latestTokenAt, retireTokens } from './tokens.repo';

const resetTtlMs = 3600_000;
/** One reset e-mail a minute per account is plenty; more is someone flooding an inbox. */
const resetCooldownMs = 60_000;

export const invalidToken = () =>
  badRequest('invalid_token', 'Linket er ugyldigt, allerede brugt eller udløbet. Bed om et nyt.');

/**
 * Sends a reset link when the address belongs to an active account. The caller answers 202
 * whatever happens here, so nobody learns which addresses have accounts.
 */
export async function requestPasswordReset(db: Db, input: { email: string; ip: string; publicUrl: string }, now = new Date()): Promise<void> {
  const account = await findAccountByEmail(db, input.email);
  if (!account || account.status !== 'active' || !account.organisationActive) return;
  const latest = await latestTokenAt(db, account.id, 'reset');
  if (latest && now.getTime() - latest.getTime() < resetCooldownMs) return;
  const { token, tokenHash } = newToken();
  await db.transaction(async (tx) => {
    await insertToken(tx, { userId: account.id, kind: 'reset', tokenHash, expiresAt: new Date(now.getTime() + resetTtlMs) });
    await enqueueEmail(tx, passwordResetEmail({
      to: account.email, name: account.name, partnershipId: account.partnershipId,
      link: `${input.publicUrl}/nulstil-adgangskode?token=${encodeURIComponent(token)}`,
    }));
    await audit(tx, { actor: actorOf(account), ip: input.ip },
      { action: 'auth.password_reset_requested', entity: 'user', entityId: account.id });
  });
}

/** Sets a new password from a reset link; returns the user's id so the caller can end their sessions. */
export async function confirmPasswordReset(db: Db, input: { token: string; password: string; ip: string }, now = new Date()): Promise<string> {
  const found = await findUsableToken(db, hashToken(input.token), 'reset', now);
  if (!found) throw invalidToken();
  const account = await findAccountById(db, found.userId);
  if (!account || account.status !== 'active' || !account.organisationActive) throw invalidToken();
  const passwordHash = await hashPassword(input.password);
  const ok = await db.transaction(async (tx) => {
    if (!(await consumeToken(tx, found.id, now))) return false;
    await retireTokens(tx, account.id, 'reset', now);
    await setPassword(tx, account.id, passwordHash);
    await audit(tx, { actor: actorOf(account), ip: input.ip }, {
      action: 'auth.password_reset', entity: 'user', entityId: account.id,
      before: { failedLogins: account.failedLogins, lockedUntil: account.lockedUntil },
      after: { failedLogins: 0, lockedUntil: null, passwordChanged: true },
    });
    return true;
  });
  if (!ok) throw invalidToken();
  return account.id;
}
