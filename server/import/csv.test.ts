import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvFormatError, parseCsv, readCsvRows, type CsvRecord } from './csv';

async function collect(chunks: (string | Buffer)[], delimiter?: string): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const r of parseCsv(chunks, { delimiter })) out.push(r);
  return out;
}

/** Every way of cutting the text into two chunks must give the same records. */
async function everySplit(text: string, delimiter?: string): Promise<CsvRecord[]> {
  const whole = await collect([text], delimiter);
  const bytes = Buffer.from(text);
  for (let k = 0; k <= bytes.length; k += 1) {
    expect(await collect([bytes.subarray(0, k), bytes.subarray(k)], delimiter)).toEqual(whole);
  }
  return whole;
}

describe('parseCsv', () => {
  it('reads plain records with line numbers, CRLF and a final newline', async () => {
    const records = await everySplit('a,b,c\r\n1,2,3\r\n\r\nx,,z\r\n');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', '2', '3'] },
      { line: 4, fields: ['x', '', 'z'] },
    ]);
  });

  it('reads quoted fields with delimiters, doubled quotes and newlines, and counts lines inside them', async () => {
    const text = 'uri,alt\nu1,"CNC-operatør\nCNC operator\n""drejer"", fræser"\nu2,"a;b"\nu3,""\n';
    const records = await everySplit(text);
    expect(records).toEqual([
      { line: 1, fields: ['uri', 'alt'] },
      { line: 2, fields: ['u1', 'CNC-operatør\nCNC operator\n"drejer", fræser'] },
      { line: 5, fields: ['u2', 'a;b'] },
      { line: 6, fields: ['u3', ''] },
    ]);
  });

  it('drops a byte-order mark, decodes UTF-8 split inside a character, and takes another delimiter', async () => {
    const records = await everySplit('\uFEFFkode;navn\n0800;Høje Taastrup\n"1;2";Æblø');
    expect(records).toEqual([
      { line: 1, fields: ['kode;navn'] },
      { line: 2, fields: ['0800;Høje Taastrup'] },
      { line: 3, fields: ['1;2;Æblø'], error: expect.stringMatching(/afsluttende/) },
    ]);
    const semicolon = await everySplit('\uFEFFkode;navn\n0800;Høje Taastrup\n"1;2";Æblø', ';');
    expect(semicolon.map((r) => r.fields)).toEqual([['kode', 'navn'], ['0800', 'Høje Taastrup'], ['1;2', 'Æblø']]);
  });

  it('keeps a quote inside an unquoted field and flags text after a closing quote', async () => {
    const records = await everySplit('a 5" rør,x\n"lukket"efter,y\nnæste,z');
    expect(records[0]).toEqual({ line: 1, fields: ['a 5" rør', 'x'] });
    expect(records[1].line).toBe(2);
    expect(records[1].error).toMatch(/afsluttende anførselstegn/);
    expect(records[2]).toEqual({ line: 3, fields: ['næste', 'z'] });
  });

  it('fails with the starting line when a quoted field is not closed before the end of the file', async () => {
    const run = collect(['a,b\n1,2\n3,"never\nclosed\n']);
    await expect(run).rejects.toBeInstanceOf(CsvFormatError);
    await expect(collect(['a,b\n1,2\n3,"never\nclosed\n'])).rejects.toMatchObject({ position: 3, message: expect.stringMatching(/linje 3/) });
  });

  it('rejects an impossible delimiter', async () => {
    await expect(collect(['a'], '"')).rejects.toThrow(/skilletegn/);
  });
});

describe('readCsvRows', () => {
  it('maps rows by header, flags wrong field counts, reports byte progress and requires columns', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samspil-csv-'));
    const file = path.join(dir, 'x.csv');
    fs.writeFileSync(file, 'kode,navn\n1,"A\nB"\n2\n');
    const seen: number[] = [];
    const rows = [];
    for await (const row of readCsvRows(file, ['kode'], { progress: (done, total) => { seen.push(done); expect(total).toBe(fs.statSync(file).size); } })) rows.push(row);
    expect(rows[0]).toEqual({ line: 2, values: { kode: '1', navn: 'A\nB' } });
    expect(rows[1]).toMatchObject({ line: 4, problem: expect.stringMatching(/forventede 2 felter, fandt 1/) });
    expect(seen.at(-1)).toBe(fs.statSync(file).size);
    const missing = async () => { for await (const _ of readCsvRows(file, ['kode', 'lat'])) { /* drain */ } };
    await expect(missing()).rejects.toThrow(/lat/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
