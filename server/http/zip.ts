import zlib from 'node:zlib';

/**
 * A streaming ZIP writer (PKWARE APPNOTE, deflate, no Zip64): entries are written one after another and
 * handed back as byte chunks, so a large file is never held whole in memory. An entry of unknown size is
 * written with a data descriptor (flag bit 3) after its data; the central directory comes last.
 */

interface Written { name: Buffer; crc: number; compressed: number; size: number; offset: number; descriptor: boolean }

const utf8Names = 0x0800;
const dataDescriptor = 0x0008;
const deflated = 8;
const versionNeeded = 20;
const max32 = 0xffffffff;

/** MS-DOS time and date (ZIP keeps no time zone; the UTC parts are written, it is display only). */
function dosDateTime(date: Date): { time: number; date: number } {
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    date: ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

function tooLarge(): Error {
  return new Error('Filen er for stor til ZIP uden Zip64 (over 4 GB).');
}

/** A deflate stream whose output is collected after each sync flush, keeping its window across chunks. */
class Deflater {
  private readonly z = zlib.createDeflateRaw({ level: 6 });
  private out: Buffer[] = [];
  private failure: Error | null = null;

  constructor() {
    this.z.on('data', (chunk: Buffer) => this.out.push(chunk));
    this.z.on('error', (error) => { this.failure = error; });
  }

  private take(): Buffer {
    if (this.failure) throw this.failure;
    const chunk = Buffer.concat(this.out);
    this.out = [];
    return chunk;
  }

  async push(data: Buffer): Promise<Buffer> {
    this.z.write(data);
    await new Promise<void>((resolve) => this.z.flush(zlib.constants.Z_SYNC_FLUSH, () => resolve()));
    return this.take();
  }

  async end(): Promise<Buffer> {
    await new Promise<void>((resolve, reject) => {
      this.z.once('end', resolve);
      this.z.once('error', reject);
      this.z.end();
      this.z.resume();
    });
    return this.take();
  }
}

/** An entry being streamed: `write` returns compressed bytes to send now, `end` the rest and the descriptor. */
export interface ZipEntryStream {
  write(data: Buffer): Promise<Buffer>;
  end(): Promise<Buffer>;
}

export class ZipWriter {
  private offset = 0;
  private readonly entries: Written[] = [];
  private readonly stamp: { time: number; date: number };
  private open = false;

  constructor(modified = new Date()) {
    this.stamp = dosDateTime(modified);
  }

  private localHeader(name: Buffer, flags: number, crc: number, compressed: number, size: number): Buffer {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(versionNeeded, 4);
    h.writeUInt16LE(flags, 6);
    h.writeUInt16LE(deflated, 8);
    h.writeUInt16LE(this.stamp.time, 10);
    h.writeUInt16LE(this.stamp.date, 12);
    h.writeUInt32LE(crc, 14);
    h.writeUInt32LE(compressed, 18);
    h.writeUInt32LE(size, 22);
    h.writeUInt16LE(name.length, 26);
    h.writeUInt16LE(0, 28);
    return Buffer.concat([h, name]);
  }

  private advance(bytes: number): void {
    this.offset += bytes;
    if (this.offset > max32) throw tooLarge();
  }

  /** A whole small entry at once (sizes known: no data descriptor). */
  file(fileName: string, data: Buffer | string): Buffer {
    if (this.open) throw new Error('An entry is still open.');
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const name = Buffer.from(fileName, 'utf8');
    const compressed = zlib.deflateRawSync(bytes);
    const crc = zlib.crc32(bytes);
    const header = this.localHeader(name, utf8Names, crc, compressed.length, bytes.length);
    this.entries.push({ name, crc, compressed: compressed.length, size: bytes.length, offset: this.offset, descriptor: false });
    this.advance(header.length + compressed.length);
    return Buffer.concat([header, compressed]);
  }

  /** Starts an entry of unknown size; returns its header bytes and the stream to write it through. */
  begin(fileName: string): { header: Buffer; entry: ZipEntryStream } {
    if (this.open) throw new Error('An entry is still open.');
    this.open = true;
    const name = Buffer.from(fileName, 'utf8');
    const header = this.localHeader(name, utf8Names | dataDescriptor, 0, 0, 0);
    const record: Written = { name, crc: 0, compressed: 0, size: 0, offset: this.offset, descriptor: true };
    this.advance(header.length);
    const deflater = new Deflater();
    const count = (out: Buffer) => { record.compressed += out.length; this.advance(out.length); return out; };
    const entry: ZipEntryStream = {
      write: async (data) => {
        record.crc = zlib.crc32(data, record.crc);
        record.size += data.length;
        if (record.size > max32) throw tooLarge();
        return count(await deflater.push(data));
      },
      end: async () => {
        const rest = count(await deflater.end());
        const d = Buffer.alloc(16);
        d.writeUInt32LE(0x08074b50, 0);
        d.writeUInt32LE(record.crc >>> 0, 4);
        d.writeUInt32LE(record.compressed, 8);
        d.writeUInt32LE(record.size, 12);
        this.advance(d.length);
        this.entries.push(record);
        this.open = false;
        return Buffer.concat([rest, d]);
      },
    };
    return { header, entry };
  }

  /** The central directory and its end record: the last bytes of the archive. */
  finish(): Buffer {
    if (this.open) throw new Error('An entry is still open.');
    const start = this.offset;
    const parts = this.entries.map((e) => {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(versionNeeded, 4);
      h.writeUInt16LE(versionNeeded, 6);
      h.writeUInt16LE(utf8Names | (e.descriptor ? dataDescriptor : 0), 8);
      h.writeUInt16LE(deflated, 10);
      h.writeUInt16LE(this.stamp.time, 12);
      h.writeUInt16LE(this.stamp.date, 14);
      h.writeUInt32LE(e.crc >>> 0, 16);
      h.writeUInt32LE(e.compressed, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      // extra length, comment length, disk number, internal and external attributes: all zero
      h.writeUInt32LE(e.offset, 42);
      return Buffer.concat([h, e.name]);
    });
    const directory = Buffer.concat(parts);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(start, 16);
    this.advance(directory.length + end.length);
    return Buffer.concat([directory, end]);
  }
}
