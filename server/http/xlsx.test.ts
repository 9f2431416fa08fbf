import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { columnLetter, safeSheetName, XlsxWriter, xmlText } from './xlsx';
import { countSheetRows, readWorkbook, readZip } from './export-read';
import { ZipWriter } from './zip';

interface Row { name: string; employees: number | null; founded: string | null; seen: Date | null; active: boolean }

const columns = [
  { key: 'name', header: 'Navn', value: (r: Row) => r.name },
  { key: 'employees', header: 'Ansatte', value: (r: Row) => r.employees, kind: 'number' as const },
  { key: 'founded', header: 'Stiftet', value: (r: Row) => r.founded, kind: 'date' as const },
  { key: 'seen', header: 'Sidst set', value: (r: Row) => r.seen, kind: 'datetime' as const },
  { key: 'active', header: 'Aktiv', value: (r: Row) => r.active },
];

async function build(batches: Row[][], sheetName = 'Virksomheder'): Promise<Buffer> {
  const writer = new XlsxWriter(columns, sheetName);
  const parts = [await writer.start(batches[0] ?? [])];
  for (const batch of batches) parts.push(await writer.rows(batch));
  parts.push(await writer.finish());
  return Buffer.concat(parts);
}

describe('zip writer', () => {
  it('writes entries an independent reader inflates with matching CRC-32 and sizes', async () => {
    const zip = new ZipWriter(new Date('2026-11-21T10:00:00Z'));
    const big = Buffer.from('Ærø '.repeat(50_000), 'utf8');
    const small = zip.file('lille.txt', 'hej');
    const { header, entry } = zip.begin('mappe/stor.txt');
    const bytes = Buffer.concat([
      small, header,
      await entry.write(big.subarray(0, 70_000)), await entry.write(big.subarray(70_000)), await entry.end(),
      zip.file('tom.txt', ''), zip.finish(),
    ]);
    const entries = readZip(bytes);
    expect([...entries.keys()]).toEqual(['lille.txt', 'mappe/stor.txt', 'tom.txt']);
    expect(entries.get('lille.txt')!.data.toString()).toBe('hej');
    expect(entries.get('mappe/stor.txt')!.data.equals(big)).toBe(true);
    expect(entries.get('mappe/stor.txt')!.flags & 0x08).toBe(0x08);
    expect(entries.get('tom.txt')!.data.length).toBe(0);
    // The deflate stream of the streamed entry is one valid stream (sync-flushed blocks, then a final block).
    expect(big.length).toBeGreaterThan(bytes.length);
  });

  it('rejects a corrupted archive through the CRC check', async () => {
    const zip = new ZipWriter();
    const stored = zlib.deflateRawSync(Buffer.from('abc'));
    const bytes = Buffer.concat([zip.file('a.txt', 'abc'), zip.finish()]);
    const at = bytes.indexOf(stored);
    // Flip the CRC in the central directory.
    const cd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const broken = Buffer.from(bytes);
    broken.writeUInt32LE(broken.readUInt32LE(cd + 16) ^ 1, cd + 16);
    expect(at).toBeGreaterThan(0);
    expect(() => readZip(broken)).toThrow(/CRC/);
  });
});

describe('XLSX writer', () => {
  it('writes a workbook with a bold frozen header, inline strings, numbers, dates and an autofilter', async () => {
    const file = await build([[
      { name: 'Ærø Smede & Søn <A/S>', employees: 12, founded: '2001-02-03', seen: new Date('2026-07-14T22:30:00Z'), active: true },
      { name: '=HYPERLINK("x")', employees: 2.5, founded: null, seen: null, active: false },
    ]]);
    const { entries, sheetXml, rows: parse } = readWorkbook(file);
    const rows = parse();
    expect(entries.get('[Content_Types].xml')!.data.toString()).toContain('/xl/worksheets/sheet1.xml');
    expect(entries.get('xl/workbook.xml')!.data.toString()).toContain('<sheet name="Virksomheder" sheetId="1" r:id="rId1"/>');
    const styles = entries.get('xl/styles.xml')!.data.toString();
    expect(styles).toContain('<font><b/>');
    expect(styles).toContain('numFmtId="14"');
    expect(sheetXml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheetXml).toContain('<autoFilter ref="A1:E3"/>');

    expect(rows).toHaveLength(3);
    expect(rows[0].map((c) => c.value)).toEqual(['Navn', 'Ansatte', 'Stiftet', 'Sidst set', 'Aktiv']);
    expect(rows[0].every((c) => c.style === 1 && c.type === 'inlineStr')).toBe(true);
    const [name, employees, founded, seen, active] = rows[1];
    expect(name).toMatchObject({ ref: 'A2', type: 'inlineStr', value: 'Ærø Smede & Søn <A/S>' });
    expect(employees).toMatchObject({ ref: 'B2', type: null, value: '12' });
    expect(founded).toMatchObject({ ref: 'C2', style: 2, value: '36925' });
    // 22:30 UTC in July is 00:30 on the 15th in Copenhagen: serial 46218 + 30 minutes.
    expect(Number(seen.value)).toBeCloseTo(46218 + 30 / 1440, 8);
    expect(seen.style).toBe(3);
    expect(active).toMatchObject({ type: 'b', value: '1' });
    // Empty values are no cells at all; text is never a formula in XLSX, so it is kept as written.
    expect(rows[2].map((c) => c.ref)).toEqual(['A3', 'B3', 'E3']);
    expect(rows[2][0].value).toBe('=HYPERLINK("x")');
    expect(rows[2][1].value).toBe('2.5');
    expect(sheetXml).not.toContain('<f>');
  });

  it('writes an empty list as a header row only', async () => {
    const rows = readWorkbook(await build([])).rows();
    expect(rows).toHaveLength(1);
  });

  it('streams 100,000 rows in batches into a file that reads back with every row', async () => {
    const batches: Row[][] = [];
    for (let b = 0; b < 50; b += 1) {
      batches.push(Array.from({ length: 2000 }, (_, i) => ({
        name: `Virksomhed ${b * 2000 + i}`, employees: i, founded: '2020-01-01', seen: new Date(1_700_000_000_000 + i * 60_000), active: i % 2 === 0,
      })));
    }
    const file = await build(batches);
    const { sheetXml } = readWorkbook(file);
    expect(countSheetRows(sheetXml)).toBe(100_001);
    expect(sheetXml).toContain('<row r="100001"><c r="A100001" t="inlineStr"><is><t xml:space="preserve">Virksomhed 99999</t>');
    expect(sheetXml).toContain('<autoFilter ref="A1:E100001"/>');
  });

  it('escapes XML and drops characters XML cannot carry', () => {
    expect(xmlText('a & b < c > "d"\u0001\u000b')).toBe('a &amp; b &lt; c &gt; &quot;d&quot;');
    expect(xmlText('tab\tok\nlinje')).toBe('tab\tok\nlinje');
  });

  it('names columns and sheets as Excel wants them', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
    expect(safeSheetName('Opgaver: mine [alle] / 2026')).toBe('Opgaver  mine  alle    2026');
    expect(safeSheetName("'".repeat(3))).toBe('Ark1');
    expect(safeSheetName('x'.repeat(40))).toHaveLength(31);
  });
});
