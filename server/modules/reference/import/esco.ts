import path from 'node:path';
import type { Db } from '../../../db/client';
import type { CsvRow } from '../../../import/csv';
import type { ImportOptions, ImportReport, Rejection } from '../../../import/report';
import { combinedProgress, findEscoFiles } from './esco-files';
import {
  broaderTable, bulkUpsert, existingKeys, occupationSkillsTable, occupationsTable, skillsTable,
} from './import.repo';
import { eachCsvRow, KeySet, runImport } from './run';

export const escoScheme = 'esco';

/** altLabels (and hiddenLabels) hold one label per line. */
export function splitLabels(text: string | undefined): string[] {
  if (!text) return [];
  return [...new Set(text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean))];
}

const isUri = (text: string) => /^(https?:\/\/|urn:)\S+$/.test(text);
const orNull = (text: string | undefined) => (text && text.trim() ? text.trim() : null);

interface Context {
  db: Db;
  language: string;
  rejections: Rejection[];
  optionsFor: (file: string) => ImportOptions;
}

/** Reads one file; `take` returns an error text to reject the row, or null when it took it. */
async function readFile(ctx: Context, file: string | null, required: string[], take: (row: CsvRow) => string | null): Promise<number> {
  if (!file) return 0;
  const name = path.basename(file);
  const own: Rejection[] = [];
  const read = await eachCsvRow(file, required, ctx.optionsFor(file), own, (row) => {
    const reason = take(row);
    if (reason) own.push({ position: row.line, key: row.values.conceptUri || row.values.occupationUri, reason });
  });
  for (const r of own) ctx.rejections.push({ ...r, reason: `${name}: ${r.reason}` });
  return read;
}

/**
 * An official ESCO CSV download in any language: occupations, ISCO groups, skills, skill groups,
 * occupation–skill relations and the broader relations of both pillars. Labels are stored under
 * the file's language and merged with languages imported before. Relations must point at concepts
 * in this download or already in the database; dangling ones are rejected with their line.
 */
export function importEsco(db: Db, location: string, options: ImportOptions): Promise<ImportReport> {
  return runImport(db, 'esco', location, options, async () => {
    const files = findEscoFiles(location);
    const lang = files.language;
    const ctx: Context = {
      db, language: lang, rejections: [],
      optionsFor: combinedProgress([files.occupations, files.iscoGroups, files.skills, files.skillGroups,
        files.relations, files.broaderOccupations, files.broaderSkills], options),
    };
    const occupationUris = await existingKeys(db, 'occupations');
    const skillUris = await existingKeys(db, 'skills');
    const occupations: unknown[][] = [];
    const skills: unknown[][] = [];
    const relations: unknown[][] = [];
    const broader: unknown[][] = [];
    const occupationKeys = new KeySet();
    const skillKeys = new KeySet();
    const labels = (v: Record<string, string>) => ({ [lang]: { preferred: v.preferredLabel.trim(), alt: splitLabels(v.altLabels) } });
    const concept = (keys: KeySet, line: number, v: Record<string, string>): string | null => {
      if (!isUri(v.conceptUri)) return `Begrebets URI "${v.conceptUri}" er ugyldig.`;
      if (!v.preferredLabel.trim()) return 'Foretrukken betegnelse mangler.';
      const first = keys.seen(v.conceptUri, line);
      return first === null ? null : `URI'en findes også på linje ${first}.`;
    };

    let read = await readFile(ctx, files.occupations, ['conceptUri', 'preferredLabel', 'iscoGroup'], ({ line, values: v }) => {
      const iscoGroup = v.iscoGroup.trim();
      if (iscoGroup && !/^\d{4}$/.test(iscoGroup)) return `ISCO-gruppen "${iscoGroup}" er ikke fire cifre.`;
      const problem = concept(occupationKeys, line, v);
      if (problem) return problem;
      occupationUris.add(v.conceptUri);
      occupations.push([v.conceptUri, escoScheme, orNull(v.code), iscoGroup || null, 'occupation',
        v.preferredLabel.trim(), labels(v), orNull(v.description), null]);
      return null;
    });
    read += await readFile(ctx, files.iscoGroups, ['conceptUri', 'preferredLabel', 'code'], ({ line, values: v }) => {
      const code = v.code.trim();
      if (!/^\d{1,4}$/.test(code)) return `ISCO-koden "${code}" er ugyldig.`;
      const problem = concept(occupationKeys, line, v);
      if (problem) return problem;
      occupationUris.add(v.conceptUri);
      occupations.push([v.conceptUri, escoScheme, code, code, 'iscoGroup', v.preferredLabel.trim(), labels(v),
        orNull(v.description), code.length]);
      return null;
    });
    const takeSkill = (group: boolean) => ({ line, values: v }: CsvRow) => {
      const problem = concept(skillKeys, line, v);
      if (problem) return problem;
      skillUris.add(v.conceptUri);
      skills.push([v.conceptUri, escoScheme, group ? 'skillGroup' : orNull(v.skillType), group ? null : orNull(v.reuseLevel),
        v.preferredLabel.trim(), labels(v), orNull(v.description)]);
      return null;
    };
    read += await readFile(ctx, files.skills, ['conceptUri', 'preferredLabel'], takeSkill(false));
    read += await readFile(ctx, files.skillGroups, ['conceptUri', 'preferredLabel'], takeSkill(true));

    const relationKeys = new KeySet();
    read += await readFile(ctx, files.relations, ['occupationUri', 'relationType', 'skillUri'], ({ line, values: v }) => {
      if (!occupationUris.has(v.occupationUri)) return `Erhvervet ${v.occupationUri} findes ikke.`;
      if (!skillUris.has(v.skillUri)) return `Kompetencen ${v.skillUri} findes ikke.`;
      const type = v.relationType.trim();
      if (type !== 'essential' && type !== 'optional') return `Relationstypen "${type}" er hverken essential eller optional.`;
      const first = relationKeys.seen(`${v.occupationUri} ${v.skillUri}`, line);
      if (first !== null) return `Relationen findes også på linje ${first}.`;
      relations.push([v.occupationUri, v.skillUri, type]);
      return null;
    });
    const takeBroader = (known: Set<string>, pillar: string, keys: KeySet) => ({ line, values: v }: CsvRow) => {
      if (!known.has(v.conceptUri)) return `Begrebet ${v.conceptUri} findes ikke.`;
      if (!known.has(v.broaderUri)) return `Det overordnede begreb ${v.broaderUri} findes ikke.`;
      const first = keys.seen(`${v.conceptUri} ${v.broaderUri}`, line);
      if (first !== null) return `Relationen findes også på linje ${first}.`;
      broader.push([v.conceptUri, v.broaderUri, pillar]);
      return null;
    };
    const broaderKeys = new KeySet();
    read += await readFile(ctx, files.broaderOccupations, ['conceptUri', 'broaderUri'], takeBroader(occupationUris, 'occupation', broaderKeys));
    read += await readFile(ctx, files.broaderSkills, ['conceptUri', 'broaderUri'], takeBroader(skillUris, 'skill', broaderKeys));

    return {
      read,
      rejections: ctx.rejections,
      accepted: occupations.length + skills.length + relations.length + broader.length,
      write: async (tx) => {
        await bulkUpsert(tx, occupationsTable, occupations, 5_000);
        await bulkUpsert(tx, skillsTable, skills, 5_000);
        await bulkUpsert(tx, occupationSkillsTable, relations);
        await bulkUpsert(tx, broaderTable, broader);
      },
    };
  });
}
