import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CprDecryptError, decryptCpr, deriveCprKeys, encryptCpr, formatCpr, hashCpr, loadCprKeys, loadCprMasterKey, maskCpr,
} from './cpr';

const keys = deriveCprKeys(Buffer.alloc(32, 7));
const otherKeys = deriveCprKeys(Buffer.alloc(32, 8));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'samspil-cpr-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('CPR encryption', () => {
  it('round-trips and gives a new ciphertext every time, in the v1:<iv>:<tag>:<ciphertext> format', () => {
    const a = encryptCpr(keys, '010190-1234');
    const b = encryptCpr(keys, '0101901234');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(a).not.toContain('0101901234');
    expect(decryptCpr(keys, a)).toBe('0101901234');
    expect(decryptCpr(keys, b)).toBe('0101901234');
  });

  it('detects tampering with the ciphertext, the tag or the IV, and a wrong key', () => {
    const stored = encryptCpr(keys, '2412851234');
    const [v, iv, tag, data] = stored.split(':');
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, 'base64');
      bytes[0] ^= 1;
      return bytes.toString('base64');
    };
    expect(() => decryptCpr(keys, [v, iv, tag, flip(data)].join(':'))).toThrow(CprDecryptError);
    expect(() => decryptCpr(keys, [v, iv, flip(tag), data].join(':'))).toThrow(CprDecryptError);
    expect(() => decryptCpr(keys, [v, flip(iv), tag, data].join(':'))).toThrow(CprDecryptError);
    expect(() => decryptCpr(otherKeys, stored)).toThrow(CprDecryptError);
    expect(() => decryptCpr(keys, `v2:${iv}:${tag}:${data}`)).toThrow(CprDecryptError);
    expect(() => decryptCpr(keys, 'garbage')).toThrow(CprDecryptError);
  });

  it('hashes the same CPR to the same value (with or without dash), another CPR or key to another', () => {
    const h = hashCpr(keys, '010190-1234');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(hashCpr(keys, '0101901234')).toBe(h);
    expect(hashCpr(keys, '0101901235')).not.toBe(h);
    expect(hashCpr(otherKeys, '0101901234')).not.toBe(h);
    // Not a plain SHA-256 of the number: the hash is keyed.
    expect(h).not.toBe(crypto.createHash('sha256').update('0101901234').digest('hex'));
  });

  it('derives separate subkeys for encryption and hashing', () => {
    expect(keys.encryption.equals(keys.hashing)).toBe(false);
    expect(keys.encryption).toHaveLength(32);
    expect(() => deriveCprKeys(Buffer.alloc(16))).toThrow();
  });

  it('masks and formats', () => {
    expect(maskCpr('0101901234')).toBe('010190-••••');
    expect(formatCpr('0101901234')).toBe('010190-1234');
    expect(() => maskCpr('12345')).toThrow();
  });
});

describe('CPR key loading', () => {
  it('uses SAMSPIL_CPR_KEY when set', () => {
    const key = crypto.randomBytes(32);
    expect(loadCprMasterKey({ NODE_ENV: 'production', SAMSPIL_CPR_KEY: key.toString('base64'), dataDir: tmp }).equals(key)).toBe(true);
  });

  it('refuses to start in production without a key, with a clear message', () => {
    expect(() => loadCprMasterKey({ NODE_ENV: 'production', SAMSPIL_CPR_KEY: undefined, dataDir: tmp })).toThrow(/SAMSPIL_CPR_KEY mangler/);
    expect(fs.existsSync(path.join(tmp, 'secrets'))).toBe(false);
  });

  it('creates a key once in the data directory (mode 0600) outside production and reuses it', () => {
    const dataDir = path.join(tmp, 'dev');
    const first = loadCprMasterKey({ NODE_ENV: 'development', SAMSPIL_CPR_KEY: undefined, dataDir });
    const file = path.join(dataDir, 'secrets', 'cpr.key');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(first).toHaveLength(32);
    expect(loadCprMasterKey({ NODE_ENV: 'development', SAMSPIL_CPR_KEY: undefined, dataDir }).equals(first)).toBe(true);
    const derived = loadCprKeys({ NODE_ENV: 'test', SAMSPIL_CPR_KEY: undefined, dataDir });
    expect(derived.encryption.equals(deriveCprKeys(first).encryption)).toBe(true);
    expect(fs.readdirSync(path.join(dataDir, 'secrets'))).toEqual(['cpr.key']);
  });

  it('refuses a key file that is not 32 bytes', () => {
    const dataDir = path.join(tmp, 'bad');
    fs.mkdirSync(path.join(dataDir, 'secrets'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'secrets', 'cpr.key'), 'kort');
    expect(() => loadCprMasterKey({ NODE_ENV: 'development', SAMSPIL_CPR_KEY: undefined, dataDir })).toThrow(/32 bytes/);
  });
});
