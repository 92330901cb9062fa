// `library scan` over real files and a real SQLite database, through the real identity pipeline:
// rescans read only what changed, moves and deletions are noticed, a bad file is skipped and named,
// and a file carrying the ISRC of a Spotify track becomes that track.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, renameSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MediaFileReader } from '../../../src/application/ports/media-files.port.js';
import { SILENT_PROGRESS } from '../../../src/application/ports/progress.port.js';
import { ScanLibrary } from '../../../src/application/use-cases/library/scan-library.js';
import { Isrc } from '../../../src/domain/values/isrc.js';
import { FsMediaFinder } from '../../../src/infrastructure/media/fs-media-finder.js';
import { MusicMetadataReader } from '../../../src/infrastructure/media/music-metadata-reader.js';
import { mp3Bytes, writeMp3, writeWav } from '../../support/audio-files.js';
import { tempDatabasePerTest } from '../persistence/temp-database.js';
import { ingestOver, SteppingClock } from '../tracks/identity-test-kit.js';

const ISRC = 'GBAYE0601498';

describe('scanning a music library', () => {
  const temp = tempDatabasePerTest();
  let music: string;
  let reads: string[];

  beforeEach(() => {
    music = mkdtempSync(join(tmpdir(), 'narada-music-'));
    reads = [];
  });
  afterEach(() => rmSync(music, { recursive: true, force: true }));

  function scanner(batchSize = 200) {
    const clock = new SteppingClock();
    const ingest = ingestOver(temp, clock);
    const real = new MusicMetadataReader();
    // The real reader, counting what it is asked to read.
    const reader: MediaFileReader = { read: (path) => (reads.push(path), real.read(path)) };
    const scan = new ScanLibrary({
      finder: new FsMediaFinder(),
      reader,
      store: temp.repos.library,
      ingest: (records) => ingest.run(records),
      unitOfWork: temp.repos.unitOfWork,
      clock,
      progress: SILENT_PROGRESS,
    });
    return { scan: (dryRun = false) => scan.run({ folders: [music], dryRun, batchSize }), ingest };
  }

  it('stores each file with its tags and a track, and a rescan reads nothing unchanged', async () => {
    mkdirSync(join(music, 'album'));
    writeMp3(join(music, 'album', '01.mp3'), {
      title: 'One',
      artist: 'Band',
      track: '1',
      isrc: 'USRC17607839',
    });
    writeWav(join(music, 'album', '02.wav'), { title: 'Two', artist: 'Band', track: '2' });
    const { scan } = scanner();

    const first = await scan();
    expect(first).toMatchObject({
      found: 2,
      added: 2,
      updated: 0,
      unchanged: 0,
      tracksCreated: 2,
      skipped: [],
    });
    const files = await temp.repos.library.list();
    expect(files.map((f) => [f.path, f.title, f.trackTitle, f.trackArtists])).toEqual([
      [join(music, 'album', '01.mp3'), 'One', 'One', ['Band']],
      [join(music, 'album', '02.wav'), 'Two', 'Two', ['Band']],
    ]);
    expect(files.every((f) => f.trackId !== null)).toBe(true);

    reads.length = 0;
    const again = await scan();
    expect(again).toMatchObject({ found: 2, added: 0, updated: 0, unchanged: 2, moved: [], removed: [] });
    expect(reads).toEqual([]);
  });

  it('rereads a changed file, and notices a moved file and a deleted one', async () => {
    writeMp3(join(music, 'a.mp3'), { title: 'A', artist: 'X' });
    writeMp3(join(music, 'b.mp3'), { title: 'B', artist: 'X' }, { fill: 0x11 });
    writeMp3(join(music, 'c.mp3'), { title: 'C', artist: 'X' }, { fill: 0x22 });
    const { scan } = scanner();
    await scan();
    const before = await temp.repos.library.list();

    writeMp3(join(music, 'a.mp3'), { title: 'A (retagged)', artist: 'X' });
    utimesSync(join(music, 'a.mp3'), new Date(2030, 0, 1), new Date(2030, 0, 1));
    mkdirSync(join(music, 'moved'));
    renameSync(join(music, 'b.mp3'), join(music, 'moved', 'b.mp3'));
    unlinkSync(join(music, 'c.mp3'));
    reads.length = 0;

    const report = await scan();
    expect(report).toMatchObject({ found: 2, added: 0, updated: 1, unchanged: 0 });
    expect(report.moved).toEqual([{ from: join(music, 'b.mp3'), to: join(music, 'moved', 'b.mp3') }]);
    expect(report.removed).toEqual([join(music, 'c.mp3')]);
    expect(reads.sort()).toEqual([join(music, 'a.mp3'), join(music, 'moved', 'b.mp3')]);

    const after = await temp.repos.library.list();
    expect(after.map((f) => [f.path, f.title])).toEqual([
      [join(music, 'a.mp3'), 'A (retagged)'],
      [join(music, 'moved', 'b.mp3'), 'B'],
    ]);
    const was = (path: string) => before.find((f) => f.path === path)!;
    // The moved file keeps its row and its track; the retagged one keeps its track (same audio).
    expect(after[1]!.id).toBe(was(join(music, 'b.mp3')).id);
    expect(after[1]!.trackId).toBe(was(join(music, 'b.mp3')).trackId);
    expect(after[0]!.trackId).toBe(was(join(music, 'a.mp3')).trackId);
  });

  it('skips and names an unreadable or truncated file, and stores the others', async () => {
    writeMp3(join(music, 'good.mp3'), { title: 'Good', artist: 'X' });
    writeFileSync(join(music, 'cut.mp3'), mp3Bytes({ title: 'Cut', artist: 'X' }).subarray(0, 30));
    writeFileSync(join(music, 'text.flac'), 'not a flac file at all\n'.repeat(10));
    const { scan } = scanner(1);

    const report = await scan();
    expect(report.skipped.map((s) => s.path)).toEqual([join(music, 'cut.mp3'), join(music, 'text.flac')]);
    expect(report.skipped.every((s) => s.reason.length > 0)).toBe(true);
    expect((await temp.repos.library.list()).map((f) => f.path)).toEqual([join(music, 'good.mp3')]);
  });

  it('makes a file with the ISRC of an ingested Spotify track that track, and groups duplicates', async () => {
    const { scan, ingest } = scanner();
    const spotify = await ingest.run([
      {
        service: 'spotify',
        externalId: '3n3Ppam7vgaVa1iaRUc9Lp',
        title: 'Mr. Brightside',
        artists: ['The Killers'],
        album: 'Hot Fuss',
        durationMs: 222_000,
        isrc: Isrc.parse(ISRC),
        releaseDate: null,
        attributes: {},
        raw: {},
        fetchedAt: 1,
      },
    ]);
    const trackId = [...spotify.tracks.values()][0]!.id;
    writeMp3(join(music, 'brightside.mp3'), { title: 'Mr Brightside', artist: 'Killers', isrc: ISRC });
    writeMp3(join(music, 'copy.mp3'), { title: 'copy', artist: 'Killers', isrc: ISRC });
    writeWav(join(music, 'brightside.wav'), { title: 'Mr Brightside', artist: 'Killers', isrc: ISRC });

    const report = await scan();
    expect(report).toMatchObject({ added: 3, tracksCreated: 0, tracksLinked: 2 });
    const files = await temp.repos.library.list();
    expect(files.map((f) => [f.trackId, f.trackTitle])).toEqual([
      [trackId, 'Mr. Brightside'],
      [trackId, 'Mr. Brightside'],
      [trackId, 'Mr. Brightside'],
    ]);

    const groups = await temp.repos.library.duplicates();
    expect(groups.map((g) => [g.by, g.files.map((f) => f.path)])).toEqual([
      ['audio', [join(music, 'brightside.mp3'), join(music, 'copy.mp3')]],
      ['track', [join(music, 'brightside.mp3'), join(music, 'brightside.wav'), join(music, 'copy.mp3')]],
    ]);
  });

  it('stores nothing on a dry run', async () => {
    writeMp3(join(music, 'a.mp3'), { title: 'A', artist: 'X' });
    const { scan } = scanner();
    expect(await scan(true)).toMatchObject({ dryRun: true, added: 1 });
    expect(await temp.repos.library.list()).toEqual([]);
    expect(await temp.repos.tracks.findByIds([1])).toEqual([]);
  });
});
