// What a rescan reads, keeps and finds gone; and a gone file's audio at a new path is a move.
import { describe, expect, it } from '@jest/globals';
import type { LibraryFileStamp } from '../../../src/application/ports/library-store.port.js';
import type { MediaFileStat } from '../../../src/application/ports/media-files.port.js';
import { MoveMatcher, planScan } from '../../../src/application/library/scan-plan.js';

const listed = (path: string, sizeBytes = 10, modifiedMs = 1000): MediaFileStat => ({
  path,
  pathHash: `h-${path}`,
  sizeBytes,
  modifiedMs,
});
const stored = (path: string, audioHash: string, sizeBytes = 10, modifiedMs = 1000): LibraryFileStamp => ({
  path,
  audioHash,
  sizeBytes,
  modifiedMs,
});

describe('planning a scan', () => {
  it('reads new files and files whose size or mtime changed, and keeps the rest', () => {
    const plan = planScan(
      [
        listed('/m/same.mp3'),
        listed('/m/bigger.mp3', 11),
        listed('/m/touched.mp3', 10, 2000),
        listed('/m/new.mp3'),
      ],
      [stored('/m/same.mp3', 'a'), stored('/m/bigger.mp3', 'b'), stored('/m/touched.mp3', 'c')],
      ['/m'],
    );
    expect(plan.toRead.map((f) => f.path)).toEqual(['/m/bigger.mp3', '/m/touched.mp3', '/m/new.mp3']);
    expect(plan.unchanged).toBe(1);
    expect(plan.gone).toEqual([]);
  });

  it('finds gone only the files below the scanned folders', () => {
    const plan = planScan(
      [listed('/m/kept.mp3')],
      [
        stored('/m/kept.mp3', 'a'),
        stored('/m/gone.mp3', 'b'),
        stored('/other/elsewhere.mp3', 'c'),
        stored('/mx/y.mp3', 'd'),
      ],
      ['/m'],
    );
    expect(plan.gone.map((f) => f.path)).toEqual(['/m/gone.mp3']);
  });

  it('does not take files below a folder it could not list for gone', () => {
    const plan = planScan(
      [],
      [stored('/m/locked/a.mp3', 'a'), stored('/m/locked.mp3', 'b'), stored('/m/gone.mp3', 'c')],
      ['/m'],
      ['/m/locked'],
    );
    expect(plan.gone.map((f) => f.path)).toEqual(['/m/locked.mp3', '/m/gone.mp3']);
  });
});

describe('matching moves', () => {
  it('pairs a new file with a gone file of the same audio, each gone file once', () => {
    const moves = new MoveMatcher([
      stored('/m/old-1.mp3', 'same'),
      stored('/m/old-2.mp3', 'same'),
      stored('/m/x.mp3', 'x'),
    ]);
    expect(moves.claim('same')).toBe('/m/old-1.mp3');
    expect(moves.claim('other')).toBeNull();
    expect(moves.claim('same')).toBe('/m/old-2.mp3');
    expect(moves.claim('same')).toBeNull();
    expect(moves.unclaimed()).toEqual(['/m/x.mp3']);
  });
});
