import type { Db } from '../../../db/client';
import type { ImportOptions, ImportReport, Rejection } from '../../../import/report';
import { broaderTable, bulkUpsert, existingKeys, occupationsTable } from './import.repo';
import { eachCsvRow, KeySet, runImport } from './run';

export const disco08Scheme = 'disco08';
export const disco08Uri = (code: string): string => `urn:samspil:disco08:${code}`;

const required = ['kode', 'niveau', 'overordnet_kode', 'titel_da'];
/** Code length per DISCO-08 level 1–5. */
const codeLength = [0, 1, 2, 3, 4, 6];

interface Candidate {
  line: number;
  code: string;
  level: number;
  parent: string | null;
  title: string;
}

function parse(line: number, v: Record<string, string>): Candidate | string {
  const level = Number(v.niveau);
  if (!Number.isInteger(level) || level < 1 || level > 5) return `Niveauet "${v.niveau}" er ikke 1–5.`;
  const code = v.kode.trim();
  if (!/^\d+$/.test(code) || code.length !== codeLength[level]) return `Koden "${code}" passer ikke til niveau ${level}.`;
  const parent = v.overordnet_kode.trim() || null;
  if (level === 1 && parent) return 'Et hovedområde har ingen overordnet kode.';
  if (level > 1 && parent !== code.slice(0, codeLength[level - 1])) return `Den overordnede kode "${parent ?? ''}" passer ikke til koden.`;
  const title = v.titel_da.trim();
  if (!title) return 'Titel mangler.';
  return { line, code, level, parent, title };
}

/**
 * DISCO-08 (Danmarks Statistik, Danish titles): groups at levels 1–4 follow ISCO-08 codes and
 * level 5 are the 6-digit Danish job functions. Each row gets its ISCO unit group (the first four
 * digits) and a broader link to its parent.
 */
export function importDisco08(db: Db, file: string, options: ImportOptions): Promise<ImportReport> {
  return runImport(db, 'disco08', file, options, async () => {
    const known = await existingKeys(db, 'occupations');
    const rejections: Rejection[] = [];
    const candidates: Candidate[] = [];
    const keys = new KeySet();
    const read = await eachCsvRow(file, required, options, rejections, ({ line, values }) => {
      const result = parse(line, values);
      if (typeof result === 'string') return void rejections.push({ position: line, key: values.kode, reason: result });
      const first = keys.seen(result.code, line);
      if (first !== null) return void rejections.push({ position: line, key: result.code, reason: `Koden findes også på linje ${first}.` });
      candidates.push(result);
    });
    candidates.sort((a, b) => a.level - b.level);
    const accepted = new Set<string>();
    const occupations: unknown[][] = [];
    const broader: unknown[][] = [];
    for (const c of candidates) {
      if (c.parent && !accepted.has(c.parent) && !known.has(disco08Uri(c.parent))) {
        rejections.push({ position: c.line, key: c.code, reason: `Den overordnede kode "${c.parent}" findes ikke.` });
        continue;
      }
      accepted.add(c.code);
      occupations.push([
        disco08Uri(c.code), disco08Scheme, c.code, c.code.slice(0, 4), c.level === 5 ? 'occupation' : 'discoGroup',
        c.title, { da: { preferred: c.title, alt: [] } }, null, c.level,
      ]);
      if (c.parent) broader.push([disco08Uri(c.code), disco08Uri(c.parent), 'occupation']);
    }
    rejections.sort((a, b) => a.position - b.position);
    return {
      read,
      rejections,
      accepted: occupations.length,
      write: async (tx) => {
        await bulkUpsert(tx, occupationsTable, occupations);
        await bulkUpsert(tx, broaderTable, broader);
      },
    };
  });
}
