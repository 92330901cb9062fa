// Reads a zip's central directory (ZIP64 included) to list its entries, and streams one entry's
// bytes through Node's raw inflate with its CRC-32 and size checked at the end. Stored and deflated
// entries only: that is what Spotify's exports (and every common zip tool) produce. An entry is
// refused before it is inflated when its directory declares more than the limits allow, and
// inflating stops as soon as it yields more than declared, so a zip bomb never fills memory or disk.
import { open, type FileHandle } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { createInflateRaw, crc32 } from 'node:zlib';

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const MIB = 1 << 20;

export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

/** Refused by a limit of ZipReadLimits rather than found damaged. */
export class ZipLimitError extends ZipFormatError {
  constructor(message: string) {
    super(message);
    this.name = 'ZipLimitError';
  }
}

export interface ZipReadLimits {
  /** Most bytes one entry may inflate to. */
  readonly maxEntryBytes: number;
  /** Most uncompressed bytes per compressed byte, for entries over `ratioFreeBytes`. */
  readonly maxRatio: number;
  /** Entries up to this size may compress any way they like: a small file of repeats does. */
  readonly ratioFreeBytes: number;
}

/**
 * Spotify's history files are a few MB to a few tens of MB, and JSON compresses about 10:1; these
 * leave room for ten times that and refuse what only a zip bomb does (docs/HISTORY.md).
 */
export const ZIP_READ_LIMITS: ZipReadLimits = Object.freeze({
  maxEntryBytes: 256 * MIB,
  maxRatio: 100,
  ratioFreeBytes: 1 * MIB,
});

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly encrypted: boolean;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localHeaderOffset: number;
}

export async function readZipEntries(path: string): Promise<ZipEntry[]> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const tailLength = Math.min(size, EOCD_SIZE + MAX_COMMENT);
    const tail = await readAt(file, size - tailLength, tailLength);
    const eocd = lastIndexOfSignature(tail, EOCD_SIGNATURE);
    if (eocd < 0) throw new ZipFormatError('no zip end-of-directory record (not a zip, or cut short)');
    let count = tail.readUInt16LE(eocd + 10);
    let directorySize = tail.readUInt32LE(eocd + 12);
    let directoryOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
      ({ count, directorySize, directoryOffset } = await readZip64End(file, size - tailLength + eocd));
    }
    if (directoryOffset + directorySize > size)
      throw new ZipFormatError('the central directory lies beyond the end of the file');
    return parseDirectory(await readAt(file, directoryOffset, directorySize), count);
  } finally {
    await file.close();
  }
}

/**
 * The entry's uncompressed bytes; the stream errors with ZipFormatError on a bad CRC or size, and
 * with ZipLimitError (before inflating, or as soon as it inflates past its declared size) on limits.
 */
export async function* readZipEntry(
  path: string,
  entry: ZipEntry,
  limits: ZipReadLimits = ZIP_READ_LIMITS,
): AsyncGenerator<Buffer> {
  if (entry.encrypted) throw new ZipFormatError(`${entry.name} is encrypted`);
  if (entry.method !== 0 && entry.method !== 8) {
    throw new ZipFormatError(
      `${entry.name} uses compression method ${entry.method}, which Narada cannot read; unzip it and pass the JSON files`,
    );
  }
  checkDeclaredSize(entry, limits);
  if (entry.compressedSize === 0) {
    if (entry.size !== 0)
      throw new ZipFormatError(`${entry.name} is damaged (no data where ${entry.size} bytes should be)`);
    return;
  }
  const dataStart = await localDataStart(path, entry);
  const raw = createReadStream(path, {
    start: dataStart,
    end: dataStart + entry.compressedSize - 1,
    highWaterMark: 1 << 20,
  });
  const inflate = entry.method === 8 ? createInflateRaw() : null;
  if (inflate !== null) {
    raw.on('error', (error) => inflate.destroy(error));
    raw.pipe(inflate);
  }
  let crc = 0;
  let length = 0;
  try {
    for await (const chunk of (inflate ?? raw) as AsyncIterable<Buffer>) {
      length += chunk.length;
      if (length > entry.size) {
        // The directory lied (a damaged zip or a bomb): stop here, the declared size passed the limits.
        throw new ZipLimitError(
          `${entry.name} inflates to more than the ${sizeText(entry.size)} the zip's directory declares; Narada stopped reading it there (a damaged zip, or a zip bomb)`,
        );
      }
      crc = crc32(chunk, crc);
      yield chunk;
    }
  } catch (error) {
    if (error instanceof ZipLimitError) throw error;
    throw new ZipFormatError(
      `${entry.name} is damaged: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    raw.destroy();
    inflate?.destroy();
  }
  if (length !== entry.size || crc >>> 0 !== entry.crc) {
    throw new ZipFormatError(
      `${entry.name} is damaged (its size or checksum does not match the zip's directory)`,
    );
  }
}

function checkDeclaredSize(entry: ZipEntry, limits: ZipReadLimits): void {
  if (entry.size > limits.maxEntryBytes) {
    throw new ZipLimitError(
      `${entry.name} would inflate to ${sizeText(entry.size)}, more than the ${sizeText(limits.maxEntryBytes)} Narada reads from one zip entry; nothing of it was inflated`,
    );
  }
  if (entry.size > limits.ratioFreeBytes && entry.size > entry.compressedSize * limits.maxRatio) {
    const ratio = Math.round(entry.size / Math.max(entry.compressedSize, 1));
    throw new ZipLimitError(
      `${entry.name} would inflate ${ratio} times (${sizeText(entry.compressedSize)} to ${sizeText(entry.size)}), more than the ${limits.maxRatio} times Narada allows (a zip bomb?); nothing of it was inflated`,
    );
  }
  if (entry.method === 0 && entry.size !== entry.compressedSize)
    throw new ZipFormatError(`${entry.name} is damaged (stored, yet its two sizes differ)`);
}

/** `812 bytes`, `600 MiB`, `1.5 MiB`. */
function sizeText(bytes: number): string {
  return bytes < MIB ? `${bytes} bytes` : `${Number((bytes / MIB).toFixed(1))} MiB`;
}

async function readZip64End(file: FileHandle, eocdAt: number) {
  const locator = await readAt(file, eocdAt - 20, 20);
  if (locator.readUInt32LE(0) !== ZIP64_LOCATOR_SIGNATURE)
    throw new ZipFormatError('ZIP64 sizes without a ZIP64 locator');
  const record = await readAt(file, Number(locator.readBigUInt64LE(8)), 56);
  if (record.readUInt32LE(0) !== ZIP64_EOCD_SIGNATURE)
    throw new ZipFormatError('damaged ZIP64 end-of-directory record');
  return {
    count: Number(record.readBigUInt64LE(32)),
    directorySize: Number(record.readBigUInt64LE(40)),
    directoryOffset: Number(record.readBigUInt64LE(48)),
  };
}

function parseDirectory(directory: Buffer, count: number): ZipEntry[] {
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_SIGNATURE) {
      throw new ZipFormatError(`damaged central directory at entry ${n + 1}`);
    }
    const flags = directory.readUInt16LE(at + 8);
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const name = directory.toString(flags & 0x800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength);
    const sizes = {
      size: directory.readUInt32LE(at + 24),
      compressedSize: directory.readUInt32LE(at + 20),
      localHeaderOffset: directory.readUInt32LE(at + 42),
    };
    applyZip64Extra(directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), sizes);
    entries.push({
      name,
      method: directory.readUInt16LE(at + 10),
      encrypted: (flags & 0x1) !== 0,
      crc: directory.readUInt32LE(at + 16),
      ...sizes,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** ZIP64 keeps the real values of fields set to 0xFFFFFFFF in extra field 0x0001, in this order. */
function applyZip64Extra(
  extra: Buffer,
  sizes: { size: number; compressedSize: number; localHeaderOffset: number },
): void {
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      for (const key of ['size', 'compressedSize', 'localHeaderOffset'] as const) {
        if (sizes[key] === 0xffffffff && field + 8 <= at + 4 + length) {
          sizes[key] = Number(extra.readBigUInt64LE(field));
          field += 8;
        }
      }
    }
    at += 4 + length;
  }
}

async function localDataStart(path: string, entry: ZipEntry): Promise<number> {
  const file = await open(path, 'r');
  try {
    const header = await readAt(file, entry.localHeaderOffset, 30);
    if (header.readUInt32LE(0) !== LOCAL_SIGNATURE)
      throw new ZipFormatError(`${entry.name}: damaged local header`);
    return entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  } finally {
    await file.close();
  }
}

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  if (bytesRead !== length)
    throw new ZipFormatError('the zip is shorter than its directory says (cut short?)');
  return buffer;
}

function lastIndexOfSignature(buffer: Buffer, signature: number): number {
  for (let at = buffer.length - EOCD_SIZE; at >= 0; at--)
    if (buffer.readUInt32LE(at) === signature) return at;
  return -1;
}
