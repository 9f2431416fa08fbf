import path from 'node:path';
import { openDatabase } from './db/client';
import { DataDirLockedError, lockDataDir } from './db/lock';
import { migrateDatabase } from './db/migrate';
import { loadEnv } from './env';
import { terminalProgress } from './import/progress';
import type { ImportOptions, ImportReport } from './import/report';
import type { Db } from './db/client';
import { importCvr } from './modules/companies';
import { importers as referenceImporters } from './modules/reference';

type Importer = (db: Db, file: string, options: ImportOptions) => Promise<ImportReport>;

const importers: Record<string, Importer> = { ...referenceImporters, cvr: importCvr };

const usage = `Brug: samspil <kommando>

  import <type> <sti> [--dry-run]   Indlæs officielle data. Typer: ${Object.keys(importers).join(', ')}
  help                              Vis denne hjælp

Databasen er den indlejrede (SAMSPIL_DATA_DIR, standard ./data) eller DATABASE_URL.`;

async function runImport(kind: string, file: string, dryRun: boolean): Promise<number> {
  const importer = importers[kind];
  if (!importer) {
    console.error(`Ukendt importtype "${kind}". Kendte typer: ${Object.keys(importers).join(', ')}`);
    return 2;
  }
  const env = loadEnv();
  let release = () => undefined as void;
  if (!env.DATABASE_URL) release = lockDataDir(env.dataDir);
  const database = await openDatabase(
    env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: path.join(env.dataDir, 'pglite') },
  );
  try {
    await migrateDatabase(database);
    const progress = terminalProgress(`Importerer ${kind}`);
    const report = await importer(database.db, path.resolve(file), { progress, dryRun });
    progress.done();
    console.log(`${dryRun ? 'Prøvekørsel: ' : ''}${report.read} læst, ${report.written} skrevet, ${report.rejected} afvist (${(report.durationMs / 1000).toFixed(1)} s).`);
    for (const r of report.rejections.slice(0, 50)) {
      console.log(`  afvist: position ${r.position}${r.key ? ` (${r.key})` : ''}: ${r.reason}`);
    }
    if (report.rejections.length > 50) console.log(`  … og ${report.rejections.length - 50} flere afviste.`);
    return report.rejected > 0 ? 1 : 0;
  } finally {
    await database.close();
    release();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'import') {
    const positional = rest.filter((a) => !a.startsWith('--'));
    if (positional.length !== 2) {
      console.error(usage);
      return 2;
    }
    return runImport(positional[0], positional[1], rest.includes('--dry-run'));
  }
  console.log(usage);
  return command && command !== 'help' ? 2 : 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code), (error: unknown) => {
  if (error instanceof DataDirLockedError) console.error(error.message);
  else console.error(error instanceof Error ? `Fejl: ${error.message}` : error);
  process.exit(1);
});
