import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startServer } from './server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/**
 * One app server for every journey (seeding the demo data is the slow part). The SPA is rebuilt
 * first (about a second) so a journey never runs against a stale web/dist;
 * SAMSPIL_E2E_SKIP_BUILD=1 skips that when `npm run test:e2e` has just built it.
 */
export default async function setup(project: TestProject) {
  if (process.env.SAMSPIL_E2E_SKIP_BUILD !== '1' || !fs.existsSync(path.join(root, 'web', 'dist', 'index.html'))) {
    execFileSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'web/vite.config.ts'],
      // vitest sets NODE_ENV=test, which would make Vite emit a development bundle.
      { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  }
  fs.mkdirSync(path.join(root, 'e2e', 'screenshots'), { recursive: true });
  const server = await startServer();
  project.provide('baseUrl', server.baseUrl);
  return () => server.close();
}
