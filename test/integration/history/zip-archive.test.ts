import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  readZipEntries,
  readZipEntry,
  ZipFormatError,
  ZIP_READ_LIMITS,
  type ZipReadLimits,
} from '../../../src/infrastructure/importers/zip-archive.js';
import { buildZip, writeZipBomb, type ZipEntrySeed } from '../../fixtures/history/zip-writer.js';

const ENTRIES: ZipEntrySeed[] = [
  { name: 'a.json', data: '[{"x": 1}]' },
  { name: 'dir/b.json', data: Buffer.alloc(300_000, 'b'), method: 'store' },
  { name: 'ünïcode.json', data: 'x'.repeat(5_000) },
];

const MIB = 1 << 20;

/** Reads the zip's one entry and says how many bytes it yielded before it stopped, and why. */
async function drain(path: string, limits?: ZipReadLimits): Promise<{ bytes: number; error: unknown }> {
  const [entry] = await readZipEntries(path);
  let bytes = 0;
  try {
    for await (const chunk of readZipEntry(path, entry!, limits)) bytes += chunk.length;
  } catch (error) {
    return { bytes, error };
  }
  return { bytes, error: null };
}

async function contents(path: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readZipEntries(path)) {
    const chunks: Buffer[] = [];
    for await (const chunk of readZipEntry(path, entry)) chunks.push(chunk);
    out[entry.name] = Buffer.concat(chunks).toString('utf8');
  }
  return out;
}

describe('zip archive reader', () => {
  let folder: string;
  const write = (name: string, data: Buffer) => {
    const path = join(folder, name);
    writeFileSync(path, data);
    return path;
  };
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'narada-zip-'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('lists entries and inflates deflated and stored ones', async () => {
    const path = write('plain.zip', buildZip(ENTRIES));
    expect(await contents(path)).toEqual({
      'a.json': '[{"x": 1}]',
      'dir/b.json': 'b'.repeat(300_000),
      'ünïcode.json': 'x'.repeat(5_000),
    });
  });

  it('reads ZIP64 directories and sizes', async () => {
    const path = write('zip64.zip', buildZip(ENTRIES, { zip64: true }));
    const entries = await readZipEntries(path);
    expect(entries.map((e) => [e.name, e.size])).toEqual([
      ['a.json', 10],
      ['dir/b.json', 300_000],
      ['ünïcode.json', 5_000],
    ]);
    expect((await contents(path))['a.json']).toBe('[{"x": 1}]');
  });

  it('notices a checksum that does not match', async () => {
    const path = write('bad.zip', buildZip(ENTRIES, { badCrcFor: 'dir/b.json' }));
    await expect(contents(path)).rejects.toThrow(/dir\/b\.json is damaged \(its size or checksum/);
  });

  it('refuses a file that is not a zip, or one cut short', async () => {
    await expect(readZipEntries(write('not.zip', Buffer.from('hello')))).rejects.toBeInstanceOf(
      ZipFormatError,
    );
    const whole = buildZip(ENTRIES);
    await expect(
      readZipEntries(write('cut.zip', whole.subarray(0, whole.length - 30))),
    ).rejects.toBeInstanceOf(ZipFormatError);
  });

  it('reports damaged compressed data as a damaged entry', async () => {
    const zip = buildZip([{ name: 'a.json', data: 'y'.repeat(10_000) }]);
    const path = write(
      'garbled.zip',
      Buffer.concat([zip.subarray(0, 40), Buffer.alloc(20, 0xff), zip.subarray(60)]),
    );
    await expect(contents(path)).rejects.toThrow(/a\.json is damaged/);
  });

  describe('limits against zip bombs', () => {
    const bomb = (name: string, fillBytes: number, declaredSize?: number) =>
      writeZipBomb(join(folder, name), {
        name: 'Streaming_History_Audio_2025.json',
        head: '[{"ts":"',
        fill: 0x61,
        fillBytes,
        declaredSize,
      }).then(() => join(folder, name));

    it('refuses an entry declared larger than the limit without inflating any of it', async () => {
      const path = await bomb('large.zip', 3 * MIB);
      const limits = { ...ZIP_READ_LIMITS, maxEntryBytes: 2 * MIB, maxRatio: 10_000 };
      const { bytes, error } = await drain(path, limits);
      expect(bytes).toBe(0);
      expect(error).toBeInstanceOf(ZipFormatError);
      expect((error as Error).message).toBe(
        'Streaming_History_Audio_2025.json would inflate to 3 MiB, more than the 2 MiB Narada reads from one zip entry; nothing of it was inflated',
      );
    });

    it('refuses an entry that compresses more than a genuine export could, without inflating it', async () => {
      const path = await bomb('ratio.zip', 8 * MIB);
      const { bytes, error } = await drain(path);
      expect(bytes).toBe(0);
      expect((error as Error).message).toMatch(
        /^Streaming_History_Audio_2025\.json would inflate \d+ times \([\d.]+ (bytes|MiB) to 8 MiB\), more than the 100 times Narada allows \(a zip bomb\?\)/,
      );
    });

    it('stops inflating at the size the directory declares when the data holds more', async () => {
      const path = await bomb('lying.zip', 8 * MIB, 1000);
      const { bytes, error } = await drain(path);
      expect(bytes).toBeLessThanOrEqual(1000);
      expect(error).toBeInstanceOf(ZipFormatError);
      expect((error as Error).message).toBe(
        "Streaming_History_Audio_2025.json inflates to more than the 1000 bytes the zip's directory declares; Narada stopped reading it there (a damaged zip, or a zip bomb)",
      );
    });

    it('inflates an entry within the limits whole', async () => {
      const path = await bomb('fine.zip', 50_000);
      expect(await drain(path)).toEqual({ bytes: 50_008, error: null });
    });
  });
});
