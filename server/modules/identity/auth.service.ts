import type { Db } from '../../db/client';
import { audit } from '../../http/audit';
import { ProblemError } from '../../http/errors';
import {
  failedAttemptsSince, findAccountByEmail, incrementFailedLogins, lockAccount, markLoggedIn, nthRecentFailure,
  recordLoginAttempt, type AccountRow,
} from './auth.repo';
import { danishTime } from './emails';
import { verifyPassword } from './passwords';
import { actorOf } from './session-user';

export const lockoutThreshold = 10;
export const lockoutMinutes = 15;
export const rateLimitWindowMinutes = 15;
export const rateLimitMaxFailures = 30;

const invalidCredentials = () =>
  new ProblemError(401, 'invalid_credentials', 'Forkert e-mailadresse eller adgangskode.');

function accountLocked(until: Date) {
  return new ProblemError(423, 'account_locked',
    `Kontoen er låst efter for mange forkerte adgangskoder. Den åbner igen ${danishTime(until)}. Du kan også nulstille din adgangskode.`,
    { lockedUntil: until.toISOString() });
}

/** Too many failures from one client address; `retryAfterSeconds` goes into the Retry-After header. */
export class RateLimitedError extends ProblemError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'rate_limited',
      `For mange mislykkede loginforsøg fra din netværksadresse. Prøv igen om ${Math.max(1, Math.ceil(retryAfterSeconds / 60))} minut(ter).`,
      { retryAfter: retryAfterSeconds });
  }
}

const usable = (a: AccountRow) => a.status === 'active' && a.organisationActive;

async function checkRateLimit(db: Db, ip: string, now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - rateLimitWindowMinutes * 60_000);
  const { failures } = await failedAttemptsSince(db, ip, windowStart);
  if (failures < rateLimitMaxFailures) return;
  // The client may try again when enough failures have left the window to fall below the limit.
  const pivot = await nthRecentFailure(db, ip, windowStart, failures - rateLimitMaxFailures);
  const reopens = (pivot ?? now).getTime() + rateLimitWindowMinutes * 60_000;
  throw new RateLimitedError(Math.max(1, Math.ceil((reopens - now.getTime()) / 1000)));
}

/**
 * Checks an e-mail and password. Returns the account on success; otherwise throws 401 (the same
 * for an unknown address, a wrong password and an unusable account), 423 (locked) or 429 (rate limit).
 */
export async function login(db: Db, input: { email: string; password: string; ip: string }, now = new Date()): Promise<AccountRow> {
  await checkRateLimit(db, input.ip, now);
  const account = await findAccountByEmail(db, input.email);
  const failure = { email: input.email, ip: input.ip, success: false, at: now };

  if (account?.lockedUntil && account.lockedUntil > now && usable(account)) {
    await db.transaction(async (tx) => {
      await recordLoginAttempt(tx, failure);
      await audit(tx, { actor: actorOf(account), ip: input.ip },
        { action: 'auth.login_failed', entity: 'user', entityId: account.id, reason: 'account_locked' });
    });
    throw accountLocked(account.lockedUntil);
  }

  const correct = await verifyPassword(account?.passwordHash ?? null, input.password);

  if (!account || !usable(account)) {
    await db.transaction(async (tx) => {
      await recordLoginAttempt(tx, failure);
      await audit(tx, { actor: account ? actorOf(account) : null, ip: input.ip }, {
        action: 'auth.login_failed', entity: 'user', entityId: account?.id ?? null,
        reason: account ? `account_${account.organisationActive ? account.status : 'organisation_deactivated'}` : 'unknown_email',
        after: account ? null : { email: input.email },
      });
    });
    throw invalidCredentials();
  }

  const actor = actorOf(account);
  if (!correct) {
    const lockedUntil = await db.transaction(async (tx) => {
      await recordLoginAttempt(tx, failure);
      const failures = await incrementFailedLogins(tx, account.id);
      await audit(tx, { actor, ip: input.ip },
        { action: 'auth.login_failed', entity: 'user', entityId: account.id, reason: 'wrong_password', after: { failedLogins: failures } });
      if (failures < lockoutThreshold) return null;
      const until = new Date(now.getTime() + lockoutMinutes * 60_000);
      await lockAccount(tx, account.id, until);
      await audit(tx, { actor, ip: input.ip },
        { action: 'auth.account_locked', entity: 'user', entityId: account.id, after: { lockedUntil: until } });
      return until;
    });
    throw lockedUntil ? accountLocked(lockedUntil) : invalidCredentials();
  }

  await db.transaction(async (tx) => {
    await recordLoginAttempt(tx, { ...failure, success: true });
    await markLoggedIn(tx, account.id, now);
    await audit(tx, { actor, ip: input.ip }, { action: 'auth.login_succeeded', entity: 'user', entityId: account.id });
  });
  return { ...account, failedLogins: 0, lockedUntil: null };
}
