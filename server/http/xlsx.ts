import { excelSerial, toCell, type CellKind } from './export-values';
import { ZipWriter, type ZipEntryStream } from './zip';

/**
 * A minimal Office Open XML workbook (one sheet), written as a stream: inline strings (no shared-string
 * table to keep in memory), numbers as numbers, dates as serial numbers with a date style, a bold and
 * frozen header row with an autofilter. Text is never a formula in XLSX, so no defusing is needed here.
 */

interface XlsxColumn<T> { header: string; value: (row: T) => unknown; kind?: CellKind }

const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const relNs = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const pkgRelNs = 'http://schemas.openxmlformats.org/package/2006/relationships';
const xmlDecl = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Excel's last row; more rows would be cut off when the file is opened. */
export const xlsxMaxRows = 1_048_576;
const maxCellText = 32_767;

/** Style ids in styles.xml's cellXfs. */
const style = { header: 1, date: 2, datetime: 3 } as const;

const contentTypes = `${xmlDecl}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
  + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
  + '<Default Extension="xml" ContentType="application/xml"/>'
  + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
  + '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
  + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
  + '</Types>';

const rootRels = `${xmlDecl}<Relationships xmlns="${pkgRelNs}">`
  + `<Relationship Id="rId1" Type="${relNs}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

const workbookRels = `${xmlDecl}<Relationships xmlns="${pkgRelNs}">`
  + `<Relationship Id="rId1" Type="${relNs}/worksheet" Target="worksheets/sheet1.xml"/>`
  + `<Relationship Id="rId2" Type="${relNs}/styles" Target="styles.xml"/></Relationships>`;

// numFmt 14 is Excel's built-in short date, shown in the reader's locale (dd-mm-åååå in Danish Excel).
const styles = `${xmlDecl}<styleSheet xmlns="${ns}">`
  + '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd-mm-yyyy hh:mm"/></numFmts>'
  + '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
  + '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
  + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
  + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
  + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
  + '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
  + '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
  + '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
  + '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
  + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** Escapes XML text and drops the control characters XML 1.0 cannot carry at all. */
export function xmlText(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** A, B, …, Z, AA, … */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ], not edged by an apostrophe. */
export function safeSheetName(name: string): string {
  const clean = name.replace(/[:\\/?*[\]]/g, ' ').replace(/^'+|'+$/g, '').trim().slice(0, 31);
  return clean || 'Ark1';
}

function inlineString(ref: string, text: string, s?: number): string {
  const t = xmlText(text.length > maxCellText ? text.slice(0, maxCellText) : text);
  return `<c r="${ref}"${s ? ` s="${s}"` : ''} t="inlineStr"><is><t xml:space="preserve">${t}</t></is></c>`;
}

function cellXml(ref: string, value: unknown, kind?: CellKind): string {
  const cell = toCell(value, kind);
  switch (cell.t) {
    case 'empty': return '';
    case 'text': return inlineString(ref, cell.v);
    case 'number': return `<c r="${ref}"><v>${cell.v}</v></c>`;
    case 'bool': return `<c r="${ref}" t="b"><v>${cell.v ? 1 : 0}</v></c>`;
    case 'date': return `<c r="${ref}" s="${style.date}"><v>${excelSerial(cell)}</v></c>`;
    case 'datetime': return `<c r="${ref}" s="${style.datetime}"><v>${excelSerial(cell)}</v></c>`;
  }
}

/** Column widths from the header and a sample of rows (dates and numbers need little room). */
function widths<T>(columns: readonly XlsxColumn<T>[], sample: readonly T[]): number[] {
  return columns.map((c) => {
    let width = c.header.length + 2;
    if (c.kind === 'date') width = Math.max(width, 12);
    if (c.kind === 'datetime') width = Math.max(width, 17);
    for (const row of sample.slice(0, 200)) {
      const v = c.value(row);
      if (typeof v === 'string') width = Math.max(width, v.length + 1);
      else if (typeof v === 'number') width = Math.max(width, String(v).length + 1);
    }
    return Math.min(Math.max(width, 6), 60);
  });
}

/** Writes one workbook: `start` (with a sample for column widths), `rows` per batch, then `finish`. */
export class XlsxWriter<T> {
  private readonly zip = new ZipWriter();
  private readonly letters: string[];
  private readonly sheetName: string;
  private sheet: ZipEntryStream | null = null;
  private rowNumber = 1;

  constructor(private readonly columns: readonly XlsxColumn<T>[], sheetName: string) {
    this.letters = columns.map((_, i) => columnLetter(i));
    this.sheetName = safeSheetName(sheetName);
  }

  async start(sample: readonly T[] = []): Promise<Buffer> {
    const fixed = [
      this.zip.file('[Content_Types].xml', contentTypes),
      this.zip.file('_rels/.rels', rootRels),
      this.zip.file('xl/_rels/workbook.xml.rels', workbookRels),
      this.zip.file('xl/styles.xml', styles),
    ];
    const { header, entry } = this.zip.begin('xl/worksheets/sheet1.xml');
    this.sheet = entry;
    const cols = widths(this.columns, sample).map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
    const head = this.columns.map((c, i) => inlineString(`${this.letters[i]}1`, c.header, style.header)).join('');
    const open = `${xmlDecl}<worksheet xmlns="${ns}" xmlns:r="${relNs}">`
      + '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
      + '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
      + `<sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ''}`
      + `<sheetData><row r="1">${head}</row>`;
    return Buffer.concat([...fixed, header, await entry.write(Buffer.from(open, 'utf8'))]);
  }

  async rows(batch: readonly T[]): Promise<Buffer> {
    if (!this.sheet) throw new Error('XlsxWriter.start() first.');
    if (this.rowNumber + batch.length > xlsxMaxRows) {
      throw new Error(`Excel kan højst vise ${xlsxMaxRows - 1} rækker; vælg CSV eller afgræns listen.`);
    }
    let xml = '';
    for (const row of batch) {
      this.rowNumber += 1;
      const r = this.rowNumber;
      xml += `<row r="${r}">`;
      for (let i = 0; i < this.columns.length; i += 1) {
        const c = this.columns[i];
        xml += cellXml(`${this.letters[i]}${r}`, c.value(row), c.kind);
      }
      xml += '</row>';
    }
    return this.sheet.write(Buffer.from(xml, 'utf8'));
  }

  async finish(): Promise<Buffer> {
    if (!this.sheet) throw new Error('XlsxWriter.start() first.');
    const last = this.letters[this.letters.length - 1] ?? 'A';
    const range = `A1:${last}${this.rowNumber}`;
    const close = `</sheetData><autoFilter ref="${range}"/></worksheet>`;
    const tail = [await this.sheet.write(Buffer.from(close, 'utf8')), await this.sheet.end()];
    const quoted = `'${this.sheetName.replace(/'/g, "''")}'`;
    const workbook = `${xmlDecl}<workbook xmlns="${ns}" xmlns:r="${relNs}"><bookViews><workbookView/></bookViews>`
      + `<sheets><sheet name="${xmlText(this.sheetName)}" sheetId="1" r:id="rId1"/></sheets>`
      + `<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">${xmlText(quoted)}!$A$1:$${last}$${this.rowNumber}</definedName></definedNames>`
      + '</workbook>';
    return Buffer.concat([...tail, this.zip.file('xl/workbook.xml', workbook), this.zip.finish()]);
  }

  /** Data rows written so far. */
  get rowCount(): number {
    return this.rowNumber - 1;
  }
}
