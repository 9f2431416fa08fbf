import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Env } from '../../env';

/*
 * CPR numbers at rest: AES-256-GCM with a random IV (`v1:<iv>:<tag>:<ciphertext>`, base64 parts) and a keyed
 * HMAC-SHA-256 hash that finds the same person at two job centres without decrypting. Both subkeys are derived
 * from the one configured key with HKDF, so the encryption key never doubles as the hash key. Pure functions
 * take the keys; only `loadCprKeys` touches the environment and the disk.
 */

/** The two subkeys derived from SAMSPIL_CPR_KEY. */
export interface CprKeys {
  encryption: Buffer;
  hashing: Buffer;
}

/** A stored value that fails authentication (changed, truncated or encrypted under another key). */
export class CprDecryptError extends Error {}

const version = 'v1';
const salt = Buffer.from('samspil-cpr-v1', 'utf8');

/** Derives the encryption and hashing subkeys from a 32-byte master key. */
export function deriveCprKeys(master: Buffer): CprKeys {
  if (master.length !== 32) throw new Error('CPR-nøglen skal være 32 bytes.');
  const derive = (info: string) => Buffer.from(crypto.hkdfSync('sha256', master, salt, Buffer.from(info, 'utf8'), 32));
  return { encryption: derive('cpr-encryption'), hashing: derive('cpr-hash') };
}

/** The 10 digits of a CPR number written as DDMMÅÅSSSS or DDMMÅÅ-SSSS. */
export function normaliseCpr(cpr: string): string {
  const digits = cpr.trim().replace('-', '');
  if (!/^\d{10}$/.test(digits)) throw new Error('CPR-nummeret skal være 10 cifre.');
  return digits;
}

/** Encrypts a CPR number; every call gives a new ciphertext (random 96-bit IV). */
export function encryptCpr(keys: CprKeys, cpr: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', keys.encryption, iv);
  const ciphertext = Buffer.concat([cipher.update(normaliseCpr(cpr), 'utf8'), cipher.final()]);
  return [version, iv.toString('base64'), cipher.getAuthTag().toString('base64'), ciphertext.toString('base64')].join(':');
}

/** Decrypts a stored CPR (10 digits); throws CprDecryptError when the value was tampered with or the key differs. */
export function decryptCpr(keys: CprKeys, stored: string): string {
  const parts = stored.split(':');
  if (parts.length !== 4 || parts[0] !== version) throw new CprDecryptError('Ukendt format for krypteret CPR-nummer.');
  const [iv, tag, ciphertext] = parts.slice(1).map((p) => Buffer.from(p, 'base64'));
  if (iv.length !== 12 || tag.length !== 16) throw new CprDecryptError('Ukendt format for krypteret CPR-nummer.');
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', keys.encryption, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new CprDecryptError('Det krypterede CPR-nummer kunne ikke læses (ændret eller krypteret med en anden nøgle).');
  }
}

/** The keyed hash of a CPR number (hex): equal for the same person, useless without the key. */
export function hashCpr(keys: CprKeys, cpr: string): string {
  return crypto.createHmac('sha256', keys.hashing).update(normaliseCpr(cpr), 'utf8').digest('hex');
}

/** `010190-••••`: the birth date only. */
export function maskCpr(cpr: string): string {
  return `${normaliseCpr(cpr).slice(0, 6)}-••••`;
}

/** `010190-1234`: how a revealed CPR is shown. */
export function formatCpr(cpr: string): string {
  const digits = normaliseCpr(cpr);
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}

/**
 * The master key: SAMSPIL_CPR_KEY, else (outside production) a key created once in `<dataDir>/secrets/cpr.key`
 * (mode 0600). Production without a key refuses to start: CPR numbers encrypted under a throw-away key would be lost.
 */
export function loadCprMasterKey(env: Pick<Env, 'NODE_ENV' | 'SAMSPIL_CPR_KEY' | 'dataDir'>): Buffer {
  if (env.SAMSPIL_CPR_KEY) return Buffer.from(env.SAMSPIL_CPR_KEY, 'base64');
  if (env.NODE_ENV === 'production') {
    throw new Error('SAMSPIL_CPR_KEY mangler: i produktion skal nøglen til CPR-numre sættes (32 bytes i base64, fx `openssl rand -base64 32`). '
      + 'Gem den sikkert: uden den kan krypterede CPR-numre ikke læses.');
  }
  const file = path.join(env.dataDir, 'secrets', 'cpr.key');
  const existing = readKeyFile(file);
  if (existing) return existing;
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // Written aside and linked into place: two processes starting at once end up with the same key.
  const temp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`;
  fs.writeFileSync(temp, `${crypto.randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  try {
    fs.linkSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    fs.rmSync(temp, { force: true });
  }
  const created = readKeyFile(file);
  if (!created) throw new Error(`CPR-nøglen i ${file} kunne ikke læses.`);
  return created;
}

function readKeyFile(file: string): Buffer | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) throw new Error(`CPR-nøglen i ${file} er ikke 32 bytes i base64.`);
  return key;
}

const cache = new Map<string, CprKeys>();

/** The derived keys for an environment (cached: key loading reads the disk once per process). */
export function loadCprKeys(env: Pick<Env, 'NODE_ENV' | 'SAMSPIL_CPR_KEY' | 'dataDir'>): CprKeys {
  const cacheKey = env.SAMSPIL_CPR_KEY ? `env:${env.SAMSPIL_CPR_KEY}` : `file:${env.dataDir}`;
  let keys = cache.get(cacheKey);
  if (!keys) {
    keys = deriveCprKeys(loadCprMasterKey(env));
    cache.set(cacheKey, keys);
  }
  return keys;
}
