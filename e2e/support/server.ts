import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../../server/app';
import { openDatabase, type Db } from '../../server/db/client';
import { migrateDatabase } from '../../server/db/migrate';
import { loadEnv } from '../../server/env';
import { importers } from '../../server/modules/reference';
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

/**
 * Starts the real app in this process on a fresh PGlite directory with the demo partnership.
 * `prepare` adds data before the app listens (a journey with its own server, e.g. 100,000 companies).
 */
export async function startServer(options: { prepare?(db: Db): Promise<void> } = {}): Promise<RunningServer> {
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
  // Municipality boundaries for the coverage map, from the reference files beside the checkout when they are there.
  const boundaries = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/data/dk_kommuner.geojson');
  if (fs.existsSync(boundaries)) await importers['kommuner-geojson'](database.db, boundaries, {});
  await options.prepare?.(database.db);
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
