import type { Engine } from '../server/db/client';
import { runCompaniesBench } from './companies';
import { formatMetric, type Metric } from './metrics';

/**
 * `npm run bench -- <suite> [--db=pglite|postgres] [--n=<count>]`: runs one suite and prints each
 * metric as a JSON line {"suite","metric","value","db"}.
 */
type Suite = (args: { engine: Engine; n?: number }) => Promise<Metric[]>;

const suites: Record<string, Suite> = {
  companies: ({ engine, n }) => runCompaniesBench({ engine, n: n ?? 300_000, searches: 1000 }),
};

function option(args: string[], name: string): string | undefined {
  return args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
}

async function main(args: string[]): Promise<number> {
  const suite = args.find((a) => !a.startsWith('--'));
  if (!suite || !suites[suite]) {
    console.error(`Brug: npm run bench -- <${Object.keys(suites).join('|')}> [--db=pglite|postgres] [--n=antal]`);
    return 2;
  }
  const dbArg = option(args, 'db') ?? 'pglite';
  if (!['pglite', 'postgres', 'postgresql'].includes(dbArg)) {
    console.error(`Ukendt database "${dbArg}": brug pglite eller postgres.`);
    return 2;
  }
  const engine: Engine = dbArg === 'pglite' ? 'pglite' : 'postgresql';
  const nArg = option(args, 'n');
  const n = nArg ? Number(nArg) : undefined;
  if (n !== undefined && (!Number.isInteger(n) || n < 10)) {
    console.error('--n skal være et helt tal ≥ 10.');
    return 2;
  }
  const metrics = await suites[suite]({ engine, n });
  for (const m of metrics) console.log(formatMetric(suite, engine === 'pglite' ? 'pglite' : 'postgres', m));
  return 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code), (error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
