import type { Engine } from '../server/db/client';
import { runCompaniesBench } from './companies';
import { fullScale, runEngagementBench } from './engagement';
import { runExportBench } from './export';
import { formatMetric, type Metric } from './metrics';
import { offersFullScale, runOffersBench } from './offers';
import { runRecruitmentBench } from './recruitment';
import { runSchoolsBench } from './schools';

/**
 * `npm run bench -- <suite> [--db=pglite|postgres] [--n=<count>]`: runs one suite and prints each
 * metric as a JSON line {"suite","metric","value","db"}.
 */
type Suite = (args: { engine: Engine; n?: number }) => Promise<Metric[]>;

const suites: Record<string, Suite> = {
  // The class-to-company allocator (HiGHS) at region and national scale (in memory; --db does not apply).
  schools: () => runSchoolsBench({ scale: 'both' }, (line) => console.error(line)),
  // The pure candidate matcher over ESCO-generated candidates (in memory; --db does not apply). --n = candidates.
  recruitment: ({ n }) => runRecruitmentBench({ candidates: n, log: (line) => console.error(line) }),
  companies: ({ engine, n }) => runCompaniesBench({ engine, n: n ?? 300_000, searches: 1000 }),
  // Downloads the whole register (n companies, default 100,000) as CSV and XLSX.
  export: ({ engine, n }) => runExportBench({ engine, n: n ?? 100_000 }),
  // --n scales the world: n companies, with interactions, section C and transfers in the full run's proportions.
  engagement: ({ engine, n }) => {
    const scale = n ? n / fullScale.companies : 1;
    return runEngagementBench({
      ...fullScale,
      engine,
      companies: Math.round(fullScale.companies * scale),
      interactions: Math.round(fullScale.interactions * scale),
      sectionC: Math.round(fullScale.sectionC * scale),
      transferRows: Math.round(fullScale.transferRows * scale),
    }, (line) => console.error(line));
  },
  // --n scales the world: n companies (each with an assessment), offers and referrals in the full run's proportions.
  offers: ({ engine, n }) => {
    const scale = n ? n / offersFullScale.companies : 1;
    return runOffersBench({
      ...offersFullScale,
      engine,
      companies: Math.round(offersFullScale.companies * scale),
      offers: Math.max(10, Math.round(offersFullScale.offers * scale)),
      referrals: Math.round(offersFullScale.referrals * scale),
      batch: Math.min(offersFullScale.batch, Math.round(offersFullScale.companies * scale)),
    }, (line) => console.error(line));
  },
};

/** Suites that run a pure engine in memory (`--db` does not apply). */
const inMemorySuites = new Set(['recruitment', 'schools']);

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
  // Pure in-memory suites touch no database: their lines say so instead of naming an engine they did not use.
  const db = inMemorySuites.has(suite) ? 'memory' : engine === 'pglite' ? 'pglite' : 'postgres';
  for (const m of metrics) console.log(formatMetric(suite, db, m));
  return 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code), (error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
