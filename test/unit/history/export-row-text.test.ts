import { describe, expect, it } from '@jest/globals';
import { exportRowBytes, exportRowText } from '../../../src/infrastructure/importers/export-row-text.js';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('exportRowText', () => {
  it('keeps a UTF-8 row as its text', () => {
    const row = bytes('{"name": "Beyoncé 🎵"}');
    expect(exportRowText(row)).toEqual({
      text: '{"name": "Beyoncé 🎵"}',
      payload: '{"name": "Beyoncé 🎵"}',
      utf8: true,
    });
    expect(exportRowBytes(exportRowText(row).payload).equals(row)).toBe(true);
  });

  it('keeps the bytes of a row that is not UTF-8, and reads each stray byte as Windows-1252', () => {
    const row = bytes('{"name": "Caf', [0xe9], ' ', [0x93], 'ok', [0x94], ' Beyoncé"}');
    const read = exportRowText(row);
    expect(read.utf8).toBe(false);
    expect(read.text).toBe('{"name": "Café “ok” Beyoncé"}');
    expect(read.payload).toBe(`{"narada_raw_bytes_base64":"${row.toString('base64')}"}`);
    expect(JSON.parse(read.payload)).toEqual({ narada_raw_bytes_base64: row.toString('base64') });
    expect(exportRowBytes(read.payload).equals(row)).toBe(true);
  });

  it('treats overlong forms, surrogates and cut sequences as stray bytes', () => {
    const row = bytes('{"a": "', [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82], '"}');
    const read = exportRowText(row);
    expect(read.text).toBe('{"a": "À¯í\u00a0€â‚"}');
    expect(exportRowBytes(read.payload).equals(row)).toBe(true);
  });

  it('stores a UTF-8 row that looks like the base64 form as bytes too, so reading back is never ambiguous', () => {
    const row = bytes('{"narada_raw_bytes_base64":"e30="}');
    const read = exportRowText(row);
    expect(read.payload).not.toBe(row.toString('utf8'));
    expect(exportRowBytes(read.payload).equals(row)).toBe(true);
  });
});
