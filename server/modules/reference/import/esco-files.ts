import fs from 'node:fs';
import path from 'node:path';
import { ImportFormatError, type ImportOptions } from '../../../import/report';

/** The files of one ESCO CSV download (any language) that the importer reads, in reading order. */
export interface EscoFiles {
  dir: string;
  language: string;
  occupations: string;
  iscoGroups: string | null;
  skills: string | null;
  skillGroups: string | null;
  relations: string | null;
  broaderOccupations: string | null;
  broaderSkills: string | null;
}

/**
 * Finds the files in an ESCO download folder (or beside one of its files). The language comes from
 * occupations_XX.csv; relation files exist both with and without the language suffix.
 */
export function findEscoFiles(location: string): EscoFiles {
  let dir = location;
  try {
    if (fs.statSync(location).isFile()) dir = path.dirname(location);
  } catch {
    throw new ImportFormatError(`Mappen "${location}" findes ikke.`);
  }
  const names = fs.readdirSync(dir);
  const occupations = names.filter((n) => /^occupations_[a-z]{2,3}(-[a-z0-9]+)?\.csv$/i.test(n));
  if (occupations.length === 0) {
    throw new ImportFormatError(`Mappen "${dir}" indeholder ingen occupations_XX.csv (en ESCO CSV-download).`);
  }
  if (occupations.length > 1) {
    throw new ImportFormatError(`Mappen indeholder flere sprog (${occupations.join(', ')}); læg ét sprog i hver mappe.`);
  }
  const language = occupations[0].slice('occupations_'.length, -'.csv'.length).toLowerCase();
  const find = (base: string): string | null => {
    const wanted = [`${base}_${language}.csv`, `${base}.csv`].map((n) => n.toLowerCase());
    const hit = names.find((n) => wanted.includes(n.toLowerCase()));
    return hit ? path.join(dir, hit) : null;
  };
  return {
    dir,
    language,
    occupations: path.join(dir, occupations[0]),
    iscoGroups: find('ISCOGroups'),
    skills: find('skills'),
    skillGroups: find('skillGroups'),
    relations: find('occupationSkillRelations'),
    broaderOccupations: find('broaderRelationsOccPillar'),
    broaderSkills: find('broaderRelationsSkillPillar'),
  };
}

/** One progress bar over all files: each file's bytes are offset by the files before it. */
export function combinedProgress(files: (string | null)[], options: ImportOptions): (file: string) => ImportOptions {
  const present = files.filter((f): f is string => f !== null);
  const sizes = new Map(present.map((f) => [f, fs.statSync(f).size]));
  const total = [...sizes.values()].reduce((a, b) => a + b, 0);
  return (file) => {
    let offset = 0;
    for (const f of present) {
      if (f === file) break;
      offset += sizes.get(f) ?? 0;
    }
    const progress = options.progress;
    return { ...options, progress: progress ? (done) => progress(offset + done, total) : undefined };
  };
}
