import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// The library's defaults are argon2id, m=19 MiB, t=2, p=1 (OWASP's minimum recommendation).

/** An argon2id hash of a password. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

let dummyHash: Promise<string> | null = null;

/**
 * Verifies a password. With no stored hash it verifies against a throw-away hash instead, so an
 * unknown e-mail address takes as long to reject as a wrong password.
 */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    dummyHash ??= hash(crypto.randomBytes(24).toString('base64url'));
    await verify(await dummyHash, password);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A random single-use token for an e-mail link, and the sha256 the database keeps instead. */
export function newToken(): { token: string; tokenHash: string } {
  const token = crypto.randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}
