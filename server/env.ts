import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** PostgreSQL in production; absent means the embedded PGlite database. */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'skal begynde med postgres://').optional(),
  SAMSPIL_DATA_DIR: z.string().default('./data'),
  /** Public base URL used in e-mail links and as the OIDC redirect base. */
  PUBLIC_URL: z.string().url().optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'skal begynde med smtp:// eller smtps://').optional(),
  SMTP_FROM: z.string().default('Samspil <no-reply@samspil.local>'),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  SAMSPIL_DEMO: bool.default(true),
  SAMSPIL_DEMO_COMPANIES: z.coerce.number().int().min(0).max(100000).default(3000),
  COOKIE_SECURE: bool.optional(),
  /**
   * 32-byte key (base64) that encrypts candidates' CPR numbers (AES-256-GCM) and keys their hash (HMAC-SHA-256).
   * Required in production; elsewhere a key is created once in the data directory (secrets/cpr.key).
   */
  SAMSPIL_CPR_KEY: z.string().refine((v) => Buffer.from(v, 'base64').length === 32, 'skal være 32 bytes i base64 (openssl rand -base64 32)').optional(),
  /** Candidates are anonymised this many months after their last activity (daily job). */
  SAMSPIL_CANDIDATE_RETENTION_MONTHS: z.coerce.number().int().min(1).max(120).default(24),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Env = z.infer<typeof envSchema> & { dataDir: string; publicUrl: string };

/** Reads and validates configuration; throws one error listing every bad variable. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Ugyldig konfiguration (invalid configuration):\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  return {
    ...env,
    dataDir: path.resolve(env.SAMSPIL_DATA_DIR),
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
  };
}
