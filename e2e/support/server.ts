import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../server/app';
import { openDatabase } from '../../server/db/client';
import { migrateDatabase } from '../../server/db/migrate';
import { loadEnv } from '../../server/env';
import { seedBuiltins, seedDemo } from '../../server/seed';

export interface RunningServer {
  baseUrl: string;
  close(): Promise<void>;
}

/** A free port, chosen up front so PUBLIC_URL (used in e-mailed links) matches where we listen. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts the real app in this process on a fresh PGlite directory with the demo partnership. */
export async function startServer(): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samspil-e2e-'));
  const port = await freePort();
  const env = loadEnv({
    NODE_ENV: 'test',
    SAMSPIL_DATA_DIR: dataDir,
    SAMSPIL_DEMO_COMPANIES: '400',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    COOKIE_SECURE: 'false',
    LOG_LEVEL: 'silent',
  });
  const database = await openDatabase({ dataDir: path.join(dataDir, 'pglite') });
  await migrateDatabase(database);
  await seedBuiltins(database.db);
  await seedDemo(database.db, env);
  const app = await buildApp(database, env);
  await app.listen({ port, host: '127.0.0.1' });
  return {
    baseUrl: env.publicUrl,
    async close() {
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
