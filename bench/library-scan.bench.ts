// `narada library scan` on 10,000 generated music files (MP3, WAV, FLAC, M4A, Ogg Opus, Ogg Vorbis in
// equal parts, each with its own tags and audio) through the real use case, the real tag reader and the
// identity pipeline over a real database: files per second and peak RSS, then a rescan with nothing
// changed (only size and mtime compared), files per second.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SILENT_PROGRESS } from '../src/application/ports/progress.port.js';
import { IngestConnectorTracks } from '../src/application/tracks/ingest-connector-tracks.js';
import { ScanLibrary } from '../src/application/use-cases/library/scan-library.js';
import { systemClock } from '../src/infrastructure/clock/system-clock.js';
import { FsMediaFinder } from '../src/infrastructure/media/fs-media-finder.js';
import { MusicMetadataReader } from '../src/infrastructure/media/music-metadata-reader.js';
import { openDatabase } from '../src/infrastructure/persistence/open-database.js';
import { createRepositories, identityStoresOf } from '../src/infrastructure/persistence/repositories.js';
import {
  flacBytes,
  m4aBytes,
  mp3Bytes,
  opusBytes,
  vorbisBytes,
  wavBytes,
  type TestTags,
} from '../test/support/audio-files.js';
import { peakRssMb, report, timed } from './harness.js';

/** `NARADA_BENCH_FILES=2000` for a shorter run. */
const FILES = Number(process.env['NARADA_BENCH_FILES'] ?? 10_000);

/** Each format's writer; the file's number is stamped into its audio so no two files share audio. */
const FORMATS: readonly { ext: string; bytes: (tags: TestTags, n: number) => Buffer }[] = [
  { ext: 'mp3', bytes: (tags, n) => stamped(mp3Bytes(tags, { frames: 12 }), n) },
  { ext: 'wav', bytes: (tags, n) => wavBytes(tags, { samples: 2000, level: n % 32_000 }) },
  { ext: 'flac', bytes: (tags, n) => stamped(flacBytes(tags), n) },
  { ext: 'm4a', bytes: (tags, n) => stamped(m4aBytes(tags), n) },
  { ext: 'opus', bytes: (tags, n) => stamped(opusBytes(tags), n) },
  { ext: 'ogg', bytes: (tags, n) => stamped(vorbisBytes(tags), n) },
];

/** The number in the last bytes, which are audio in these layouts (WAV ends with its tag: see above). */
function stamped(file: Buffer, n: number): Buffer {
  file.writeUInt32BE(n, file.length - 4);
  return file;
}

function writeLibrary(root: string): void {
  for (let n = 0; n < FILES; n++) {
    const format = FORMATS[n % FORMATS.length]!;
    const artist = `Artist ${n % 400}`;
    const album = `Album ${Math.floor(n / 12)}`;
    const folder = join(root, artist, album);
    mkdirSync(folder, { recursive: true });
    const tags: TestTags = { title: `Song ${n}`, artist, album, track: String((n % 12) + 1) };
    writeFileSync(
      join(folder, `${String((n % 12) + 1).padStart(2, '0')} Song ${n}.${format.ext}`),
      format.bytes(tags, n),
    );
  }
}

const folder = mkdtempSync(join(tmpdir(), 'narada-library-bench-'));
try {
  const music = join(folder, 'Music');
  writeLibrary(music);
  const db = await openDatabase({ path: join(folder, 'library-bench.db') });
  const repos = createRepositories(db);
  const ingest = new IngestConnectorTracks(identityStoresOf(repos, systemClock));
  const scanner = new ScanLibrary({
    finder: new FsMediaFinder(),
    reader: new MusicMetadataReader(),
    store: repos.library,
    ingest: (records) => ingest.run(records),
    unitOfWork: repos.unitOfWork,
    clock: systemClock,
    progress: SILENT_PROGRESS,
  });
  const first = await timed(() => scanner.run({ folders: [music] }));
  const peak = peakRssMb();
  const again = await timed(() => scanner.run({ folders: [music] }));
  await db.close();
  if (first.value.added !== FILES || first.value.skipped.length > 0 || again.value.unchanged !== FILES) {
    throw new Error(
      `the scan read ${first.value.added} of ${FILES} files (${first.value.skipped.length} skipped), ` +
        `the rescan found ${again.value.unchanged} unchanged`,
    );
  }
  report([
    {
      name: `library scan: ${FILES.toLocaleString('en-US')} tagged files (MP3, WAV, FLAC, M4A, Opus, Vorbis)`,
      metrics: {
        files_per_s: Math.round(FILES / first.seconds),
        seconds: Math.round(first.seconds * 100) / 100,
        tracks_created: first.value.tracksCreated,
        peak_rss_mb: peak,
      },
    },
    {
      name: `library rescan, nothing changed: ${FILES.toLocaleString('en-US')} files`,
      metrics: {
        files_per_s: Math.round(FILES / again.seconds),
        seconds: Math.round(again.seconds * 100) / 100,
      },
    },
  ]);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
