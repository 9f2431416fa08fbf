import type { Db } from '../../../db/client';
import type { ImportOptions, ImportReport, Rejection } from '../../../import/report';
import { bulkUpsert, postalCodesTable, existingKeys } from './import.repo';
import { builtinMunicipalities } from '../builtin/geography';
import { eachCsvRow, KeySet, runImport } from './run';

const required = ['postnr', 'navn', 'kommunekode_primaer'];

function coordinate(text: string, min: number, max: number): number | null | 'bad' {
  if (text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) && value >= min && value <= max ? value : 'bad';
}

/**
 * Postal codes (postnr, navn, stormodtager, lat, lon, kommunekode_primaer, kommunekoder_postnord):
 * a code's primary municipality must be one of the 98; other listed codes outside them
 * (Ertholmene, 411) are left out of the list rather than failing the row.
 */
export function importPostnumre(db: Db, file: string, options: ImportOptions): Promise<ImportReport> {
  return runImport(db, 'postnumre', file, options, async () => {
    const municipalities = await existingKeys(db, 'municipalities');
    // A dry run on a fresh database has not seeded the built-ins yet; they count as known.
    for (const m of builtinMunicipalities) municipalities.add(String(m.code));
    const rejections: Rejection[] = [];
    const rows: unknown[][] = [];
    const keys = new KeySet();
    const read = await eachCsvRow(file, required, options, rejections, ({ line, values }) => {
      const code = values.postnr.trim();
      const reject = (reason: string) => rejections.push({ position: line, key: code, reason });
      if (!/^\d{4}$/.test(code)) return reject(`Postnummeret "${code}" er ikke fire cifre.`);
      const name = values.navn.trim();
      if (!name) return reject('Navn mangler.');
      const primary = values.kommunekode_primaer.trim();
      if (!municipalities.has(String(Number(primary)))) return reject(`Kommunekoden "${primary}" er ikke en kendt kommune.`);
      const lat = coordinate(values.lat ?? '', 54, 58);
      const lon = coordinate(values.lon ?? '', 7, 16);
      if (lat === 'bad' || lon === 'bad') return reject('Koordinaterne ligger ikke i Danmark.');
      const listed = (values.kommunekoder_postnord ?? '').split('|').map((c) => c.trim()).filter(Boolean);
      if (listed.some((c) => !/^\d{1,4}$/.test(c))) return reject('Listen over kommunekoder er ugyldig.');
      const all = [...new Set([Number(primary), ...listed.map(Number)])].filter((c) => municipalities.has(String(c)));
      const first = keys.seen(code, line);
      if (first !== null) return reject(`Postnummeret findes også på linje ${first}.`);
      rows.push([code, name, Number(primary), all, lat, lon, values.stormodtager?.trim() === 'true' ? 1 : 0]);
    });
    return { read, rejections, accepted: rows.length, write: (tx) => bulkUpsert(tx, postalCodesTable, rows) };
  });
}
