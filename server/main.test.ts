import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockDataDir } from './db/lock';
import { testEngine } from './db/test-db';

const root = path.resolve(import.meta.dirname, '..');

function startServer(dataDir: string, port: number): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  let output = '';
  const env: NodeJS.ProcessEnv = { ...process.env, SAMSPIL_DATA_DIR: dataDir, PORT: String(port), SAMSPIL_DEMO: 'false', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server', 'main.ts')], { cwd: root, env });
  child.stdout?.on('data', (chunk) => { output += String(chunk); });
  child.stderr?.on('data', (chunk) => { output += String(chunk); });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor(check: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

// The lock guards PGlite's data directory; PostgreSQL has its own server-side locking.
describe.skipIf(testEngine !== 'pglite')('embedded data directory lock', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samspil-lock-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a second lock in the same directory and replaces a stale one', () => {
    const dir = tempDir();
    const release = lockDataDir(dir);
    fs.writeFileSync(path.join(dir, 'samspil.lock'), String(process.ppid)); // a live process that is not us
    expect(() => lockDataDir(dir)).toThrow(/bruges allerede/);
    fs.writeFileSync(path.join(dir, 'samspil.lock'), '999999999'); // no such process: stale
    const again = lockDataDir(dir);
    again();
    release();
    expect(fs.existsSync(path.join(dir, 'samspil.lock'))).toBe(false);
  });

  it('a second server on the same data directory exits at once with a clear message', async () => {
    const dir = tempDir();
    const first = startServer(dir, 0);
    try {
      await waitFor(() => first.output().includes('Samspil kører'), 90_000);
      const second = startServer(dir, 0);
      const code = await second.exited;
      expect(code).toBe(2);
      expect(second.output()).toMatch(/bruges allerede af en anden Samspil-proces/);
      expect(first.child.exitCode).toBeNull();
    } finally {
      first.child.kill('SIGTERM');
      await first.exited;
    }
    expect(fs.existsSync(path.join(dir, 'samspil.lock'))).toBe(false);
  }, 120_000);
});
