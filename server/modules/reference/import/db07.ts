import type { Db } from '../../../db/client';
import type { ImportOptions, ImportReport, Rejection } from '../../../import/report';
import { bulkUpsert, industryCodesTable, existingIndustryCodes } from './import.repo';
import { eachCsvRow, KeySet, runImport } from './run';

const required = ['niveau', 'kode', 'sektion', 'overordnet_kode', 'titel_da'];
/** Code shape per level: section letter, then 2, 3, 4 and 6 digits. */
const codePattern = [/^[A-Z]$/, /^\d{2}$/, /^\d{3}$/, /^\d{4}$/, /^\d{6}$/];
const parentLength = [0, 0, 2, 3, 4];

interface Candidate {
  line: number;
  code: string;
  level: number;
  parent: string | null;
  section: string;
  titleDa: string;
  titleEn: string | null;
  classTitleEn: string | null;
  note: string | null;
}

/** NACE prints section titles in capitals; shown beside Danish titles they read better in sentence case. */
export function sentenceCase(title: string): string {
  if (title !== title.toUpperCase()) return title;
  const lower = title.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

function parse(line: number, v: Record<string, string>): Candidate | string {
  const level = Number(v.niveau);
  if (!Number.isInteger(level) || level < 0 || level > 4) return `Niveauet "${v.niveau}" er ikke 0–4.`;
  const code = v.kode.trim().replaceAll('.', '');
  if (!codePattern[level].test(code)) return `Koden "${v.kode}" passer ikke til niveau ${level}.`;
  const section = v.sektion.trim();
  if (!/^[A-Z]$/.test(section)) return `Sektionen "${v.sektion}" er ikke et bogstav A–Z.`;
  if (level === 0 && section !== code) return 'En sektion skal have sit eget bogstav som sektion.';
  const parent = v.overordnet_kode.trim().replaceAll('.', '') || null;
  if (level === 0 && parent) return 'En sektion har ingen overordnet kode.';
  if (level === 1 && parent !== section) return `Den overordnede kode skal være sektionen ${section}.`;
  // DST's "uoplyst" code (999999, section X) stands alone, without a section row or parents.
  const unknownActivity = section === 'X' && parent === null;
  if (level > 1 && !unknownActivity && parent !== code.slice(0, parentLength[level])) return `Den overordnede kode "${parent ?? ''}" passer ikke til koden.`;
  const titleDa = v.titel_da.trim();
  if (!titleDa) return 'Dansk titel mangler.';
  const en = (v.titel_en_nace ?? '').trim();
  return {
    line, code, level, parent, section, titleDa,
    titleEn: en ? sentenceCase(en) : null,
    classTitleEn: (v.nace_klasse_titel_en ?? '').trim() || null,
    note: (v.note ?? '').trim() || null,
  };
}

/**
 * DB07 structure from Danmarks Statistik (levels 0–4). Every code must hang under a parent that is
 * in the file or already in the database. A 6-digit code borrows its NACE class's English title
 * only when it is the class's sole sub-code, because then the two mean the same.
 */
export function importDb07(db: Db, file: string, options: ImportOptions): Promise<ImportReport> {
  return runImport(db, 'db07', file, options, async () => {
    const known = await existingIndustryCodes(db, 'DB07');
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
    // Parents first, so a child of a rejected parent is rejected too.
    candidates.sort((a, b) => a.level - b.level);
    const accepted = new Map<string, Candidate>();
    for (const c of candidates) {
      if (c.parent && !accepted.has(c.parent) && !known.has(c.parent)) {
        rejections.push({ position: c.line, key: c.code, reason: `Den overordnede kode "${c.parent}" findes ikke.` });
      } else accepted.set(c.code, c);
    }
    const childCount = new Map<string, number>();
    for (const c of accepted.values()) if (c.parent) childCount.set(c.parent, (childCount.get(c.parent) ?? 0) + 1);
    const rows = [...accepted.values()].map((c) => {
      const titleEn = c.titleEn ?? (c.level === 4 && c.parent && childCount.get(c.parent) === 1 ? c.classTitleEn : null);
      return ['DB07', c.code, c.level, c.parent, c.section, c.titleDa, titleEn, c.note];
    });
    rejections.sort((a, b) => a.position - b.position);
    return { read, rejections, accepted: rows.length, write: (tx) => bulkUpsert(tx, industryCodesTable, rows) };
  });
}
