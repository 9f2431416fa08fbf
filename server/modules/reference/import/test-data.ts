import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCsvFile } from '../../../import/csv';

/** Test support: the real reference files beside the checkout (../shared/data), never copied into the project. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const sharedData = path.resolve(repoRoot, '../shared/data');
export const hasSharedData = fs.existsSync(path.join(sharedData, 'SOURCES.md'));
export const noDataMessage = `(skipped: reference data folder ${sharedData} is absent)`;
export const dataFile = (...parts: string[]): string => path.join(sharedData, ...parts);

/** A temporary directory and a way to remove it. */
export function tempDir(): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samspil-ref-'));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

const quote = (field: string) => (/[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field);

/** Writes records as RFC 4180 CSV. */
export function writeCsv(file: string, records: string[][]): void {
  fs.writeFileSync(file, records.map((r) => r.map(quote).join(',')).join('\n') + '\n');
}

/** The header and the first `count` data records of a CSV file (whole records, embedded newlines kept). */
export async function headOfCsv(file: string, count: number): Promise<string[][]> {
  const out: string[][] = [];
  for await (const record of readCsvFile(file)) {
    out.push(record.fields);
    if (out.length > count) break;
  }
  return out;
}
