import { describe, expect, it } from 'vitest';
import { loadEnv } from './env';

describe('configuration', () => {
  it('has working defaults for the embedded database', () => {
    const env = loadEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.dataDir).toMatch(/data$/);
    expect(env.publicUrl).toBe('http://localhost:3000');
  });

  it('lists every bad variable at once', () => {
    expect(() => loadEnv({ PORT: 'abc', DATABASE_URL: 'mysql://x', SMTP_URL: 'http://mail' })).toThrow(
      /PORT[\s\S]*DATABASE_URL[\s\S]*SMTP_URL|PORT[\s\S]*SMTP_URL[\s\S]*DATABASE_URL/,
    );
  });
});
