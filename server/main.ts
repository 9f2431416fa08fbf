import path from 'node:path';
import { buildApp } from './app';
import { openDatabase } from './db/client';
import { DataDirLockedError, lockDataDir } from './db/lock';
import { migrateDatabase } from './db/migrate';
import { loadEnv } from './env';
import { seedBuiltins, seedDemo } from './seed';

async function main(): Promise<void> {
  const env = loadEnv();
  let release = () => undefined as void;
  if (!env.DATABASE_URL) {
    try {
      release = lockDataDir(env.dataDir);
    } catch (error) {
      if (error instanceof DataDirLockedError) {
        console.error(error.message);
        process.exit(2);
      }
      throw error;
    }
  }
  const database = await openDatabase(
    env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: path.join(env.dataDir, 'pglite') },
  );
  await migrateDatabase(database);
  await seedBuiltins(database.db);
  const demo = env.SAMSPIL_DEMO ? await seedDemo(database.db, env) : null;

  const app = await buildApp(database, env);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
    release();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: env.PORT, host: env.HOST });
  const where = env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `indlejret PGlite i ${env.dataDir}`;
  console.log(`\nSamspil kører på ${env.publicUrl}  —  database: ${where}`);
  if (demo) {
    console.log(`\nDemo-partnerskab: ${demo.partnershipName}. Demo-logins (adgangskode: ${demo.password}):`);
    for (const login of demo.logins) console.log(`  ${login.email.padEnd(42)} ${login.role.padEnd(22)} ${login.organisation}`);
  }
  console.log('');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
