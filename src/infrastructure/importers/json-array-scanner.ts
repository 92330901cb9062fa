// Streams the objects of a top-level JSON array from byte chunks, one complete object at a time, so
// exports of hundreds of MB are read in constant memory. The scanner only finds object boundaries
// (strings, escapes, nesting) in the bytes, so it never decodes text: each object's exact bytes
// are handed out to be decoded and parsed on their own.
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
/** A UTF-8 byte-order mark, which some tools put before the text. */
const BOM = [0xef, 0xbb, 0xbf];
/** A Spotify row is a few hundred bytes; a longer "row" is damage, and is not held in memory. */
export const MAX_ROW_BYTES = 1 << 20;

/** Where and why the text stopped being an array of objects. */
export class JsonScanError extends Error {
  constructor(
    message: string,
    /** Byte offset in the whole stream. */
    readonly offset: number,
    /** 0-based index of the element being read; null before the list opens or after it closes. */
    readonly element: number | null,
  ) {
    super(message);
    this.name = 'JsonScanError';
  }
}

export interface ScannedObject {
  /** The object's exact bytes (a view of the chunk when the object lies within one). */
  readonly bytes: Buffer;
  /** 0-based position in the array. */
  readonly index: number;
  /** Byte offset of its `{` in the stream. */
  readonly offset: number;
}

type State = 'start' | 'element' | 'first-element' | 'object' | 'string' | 'escape' | 'after-element' | 'end';

export class JsonArrayScanner {
  private state: State = 'start';
  private depth = 0;
  private index = 0;
  /** Bytes consumed before the current chunk. */
  private consumed = 0;
  private objectStart = 0;
  /** Earlier chunks' pieces of an object that spans chunks. */
  private pieces: Buffer[] = [];
  private pieceBytes = 0;

  /** The objects completed by this chunk, in order. */
  push(chunk: Buffer): ScannedObject[] {
    const found: ScannedObject[] = [];
    let pieceStart = this.state === 'object' || this.state === 'string' || this.state === 'escape' ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i]!;
      switch (this.state) {
        case 'string':
          if (byte === QUOTE) this.state = 'object';
          else if (byte === BACKSLASH) this.state = 'escape';
          break;
        case 'escape':
          this.state = 'string';
          break;
        case 'object':
          if (byte === QUOTE) this.state = 'string';
          else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) this.depth++;
          else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
            this.depth--;
            if (this.depth === 0) {
              found.push(this.finishObject(chunk, pieceStart, i + 1));
              pieceStart = -1;
              this.state = 'after-element';
            }
          }
          break;
        case 'start':
          if (this.consumed + i < BOM.length && byte === BOM[this.consumed + i]) continue;
          if (byte === OPEN_BRACKET) this.state = 'first-element';
          else if (!isSpace(byte))
            this.fail(
              i,
              byte === OPEN_BRACE
                ? 'the file is one object, not a list of rows'
                : 'expected "[" to open the list of rows',
            );
          break;
        case 'first-element':
        case 'element':
          if (byte === OPEN_BRACE) {
            this.state = 'object';
            this.depth = 1;
            this.objectStart = this.consumed + i;
            pieceStart = i;
          } else if (byte === CLOSE_BRACKET && this.state === 'first-element') this.state = 'end';
          else if (!isSpace(byte)) this.fail(i, `row ${this.index + 1} is not an object`);
          break;
        case 'after-element':
          if (byte === COMMA) {
            this.index++;
            this.state = 'element';
          } else if (byte === CLOSE_BRACKET) this.state = 'end';
          else if (!isSpace(byte)) this.fail(i, `expected "," or "]" after row ${this.index + 1}`);
          break;
        case 'end':
          if (!isSpace(byte)) this.fail(i, 'unexpected data after the closing "]"');
          break;
      }
    }
    if (pieceStart >= 0) {
      this.pieces.push(chunk.subarray(pieceStart));
      this.pieceBytes += chunk.length - pieceStart;
      if (this.pieceBytes > MAX_ROW_BYTES) {
        throw new JsonScanError(
          `row ${this.index + 1} is longer than ${MAX_ROW_BYTES} bytes (a Spotify row is a few hundred)`,
          this.objectStart,
          this.index,
        );
      }
    }
    this.consumed += chunk.length;
    return found;
  }

  /** Call at the end of the stream: a file cut short is refused. */
  end(): void {
    if (this.state === 'end') return;
    const where = this.state === 'start' ? 'the file is empty' : `the file ends inside row ${this.index + 1}`;
    throw new JsonScanError(
      `${where} (is it truncated?)`,
      this.consumed,
      this.state === 'start' ? null : this.index,
    );
  }

  private finishObject(chunk: Buffer, pieceStart: number, end: number): ScannedObject {
    let bytes: Buffer;
    if (this.pieces.length === 0) bytes = chunk.subarray(pieceStart, end);
    else {
      bytes = Buffer.concat([...this.pieces, chunk.subarray(0, end)]);
      this.pieces = [];
      this.pieceBytes = 0;
    }
    return { bytes, index: this.index, offset: this.objectStart };
  }

  private fail(i: number, reason: string): never {
    const outsideList = this.state === 'start' || this.state === 'end';
    throw new JsonScanError(reason, this.consumed + i, outsideList ? null : this.index);
  }
}

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}
