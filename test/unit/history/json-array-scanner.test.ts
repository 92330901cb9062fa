import { describe, expect, it } from '@jest/globals';
import {
  JsonArrayScanner,
  JsonScanError,
  MAX_ROW_BYTES,
} from '../../../src/infrastructure/importers/json-array-scanner.js';

function scanAll(chunks: readonly Buffer[]): string[] {
  const scanner = new JsonArrayScanner();
  const texts = chunks.flatMap((chunk) => scanner.push(chunk).map((o) => o.bytes.toString('utf8')));
  scanner.end();
  return texts;
}

function scanError(text: string): JsonScanError {
  try {
    scanAll([Buffer.from(text)]);
  } catch (error) {
    if (error instanceof JsonScanError) return error;
    throw error;
  }
  throw new Error('expected the scan to fail');
}

const TRICKY = [
  { a: 'brace } and bracket ] in a string', b: [1, { c: null }] },
  { quote: 'say "hi" \\ back\\', emoji: 'Beyoncé 🎵 Ünïcødé' },
  {},
];
const TEXT = `\uFEFF[\n  ${TRICKY.map((o) => JSON.stringify(o, null, 1)).join(' ,\n ')}\n]\n`;

describe('JsonArrayScanner', () => {
  it('yields each object with its exact text', () => {
    const scanner = new JsonArrayScanner();
    const found = scanner.push(Buffer.from(TEXT));
    scanner.end();
    expect(found.map((o) => JSON.parse(o.bytes.toString('utf8')) as unknown)).toEqual(TRICKY);
    expect(found.map((o) => o.index)).toEqual([0, 1, 2]);
    expect(found[0]!.bytes.toString('utf8')).toBe(JSON.stringify(TRICKY[0], null, 1));
  });

  it('gives the same objects whichever byte the chunks split at, multi-byte characters included', () => {
    const bytes = Buffer.from(TEXT);
    const whole = scanAll([bytes]);
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(scanAll([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual(whole);
    }
  });

  it('reads one byte at a time', () => {
    const bytes = Buffer.from(TEXT);
    const ones = Array.from({ length: bytes.length }, (_, i) => bytes.subarray(i, i + 1));
    expect(scanAll(ones)).toEqual(scanAll([bytes]));
  });

  it('accepts an empty list', () => {
    expect(scanAll([Buffer.from(' [ ] ')])).toEqual([]);
  });

  it('says where a file cut short ends', () => {
    const error = scanError('[{"a": 1}, {"b": "x');
    expect(error.message).toContain('ends inside row 2');
    expect(error.element).toBe(1);
  });

  it('refuses what is not a list of objects, naming the row and byte', () => {
    expect(scanError('{"rows": []}').message).toContain('one object, not a list');
    const notObject = scanError('[{"a":1}, 42]');
    expect(notObject.message).toBe('row 2 is not an object');
    expect(notObject.offset).toBe(10);
    expect(scanError('[{"a":1},]').message).toBe('row 2 is not an object');
    expect(scanError('[{"a":1} {"b":2}]').message).toContain('expected "," or "]" after row 1');
    expect(scanError('[{"a":1}] trailing').message).toContain('after the closing');
    expect(scanError('').message).toContain('empty');
  });

  it('names no row when the text is not a list at all, or goes on after it', () => {
    expect(scanError('hello').element).toBeNull();
    expect(scanError('').element).toBeNull();
    expect(scanError('[{"a":1}] x').element).toBeNull();
    expect(scanError('[{"a":1}, x').element).toBe(1);
  });

  it('refuses a row longer than a mebibyte instead of holding it', () => {
    const scanner = new JsonArrayScanner();
    scanner.push(Buffer.from('[{"a":1}, {"b":"'));
    const block = Buffer.alloc(64 * 1024, 0x61);
    let error: unknown = null;
    try {
      for (let read = 0; read <= MAX_ROW_BYTES; read += block.length) scanner.push(block);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(JsonScanError);
    expect(error).toMatchObject({
      message: `row 2 is longer than ${MAX_ROW_BYTES} bytes (a Spotify row is a few hundred)`,
      offset: 10,
      element: 1,
    });
  });
});
