import net from 'node:net';
import { defineConfig } from 'vitest/config';

const serverTests = ['server/**/*.test.ts'];
/** Pure engines and functions without a database: the PostgreSQL project would only run them a second time. */
const pureServerTests = [
  'server/modules/*/matching/**', 'server/modules/schools/allocation/**', 'server/policy/policy.test.ts', 'server/import/csv*.test.ts',
];
const pgUrl = new URL(process.env.SAMSPIL_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');

function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 700 });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('timeout', () => { socket.destroy(); resolve(false); });
    socket.once('error', () => resolve(false));
  });
}

export default defineConfig(async () => {
  // CI always has PostgreSQL: there, a missing server must fail the run, not skip it.
  const wantPostgres = process.env.CI === 'true' || process.env.SAMSPIL_TEST_PG === '1'
    || await reachable(pgUrl.hostname, Number(pgUrl.port || 5432));
  if (!wantPostgres) {
    console.warn(`[samspil] PostgreSQL at ${pgUrl.host} is not reachable: API tests run on PGlite only.`);
  }
  const shared = { testTimeout: 30_000, hookTimeout: 120_000 };
  return {
    test: {
      pool: 'forks',
      projects: [
        {
          test: {
            name: 'pglite',
            include: ['common/**/*.test.ts', 'web/**/*.test.{ts,tsx}', 'bench/**/*.test.ts', ...serverTests],
            env: { SAMSPIL_TEST_ENGINE: 'pglite' },
            ...shared,
          },
        },
        ...(wantPostgres ? [{
          test: {
            name: 'postgresql',
            include: serverTests,
            exclude: ['**/node_modules/**', ...pureServerTests],
            env: { SAMSPIL_TEST_ENGINE: 'postgresql' },
            ...shared,
          },
        }] : []),
      ],
    },
  };
});
