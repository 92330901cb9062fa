// `narada library scan` on 10,000 generated music files (MP3, WAV, FLAC, M4A, Ogg Opus, Ogg Vorbis in
// equal parts, each with its own tags and audio) through the real use case, the real tag reader and the
// identity pipeline over a real database: files per second and peak RSS, then a rescan with nothing
// changed (only size and mtime compared), files per second. Then 100,000 scrobbles (half of library
// songs, half of songs the library lacks) are linked to the library's tracks: listens per second, and
// the incremental rerun with nothing changed.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListenRecorder } from '../src/application/history/listen-recorder.js';
import { IdentityMemo, lastfmListenToRecord } from '../src/application/history/upstream-listens.js';
import { SILENT_PROGRESS } from '../src/application/ports/progress.port.js';
import { IngestConnectorTracks } from '../src/application/tracks/ingest-connector-tracks.js';
import { LinkListens } from '../src/application/use-cases/library/link-listens.js';
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
import { peakRssMb, report, seededRandom, timed } from './harness.js';

/** `NARADA_BENCH_FILES=2000` for a shorter run. */
const FILES = Number(process.env['NARADA_BENCH_FILES'] ?? 10_000);
const LISTENS = 100_000;

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

/** Scrobbles of `Song n` by the library's artist (n < FILES) or of songs the library lacks. */
async function recordListens(recorder: ListenRecorder): Promise<void> {
  const random = seededRandom(20_261_206);
  const memo = new IdentityMemo();
  let at = Date.UTC(2025, 0, 1);
  for (let start = 0; start < LISTENS; start += 5000) {
    const batch = Array.from({ length: Math.min(5000, LISTENS - start) }, () => {
      const n = Math.floor(random() * FILES * 2);
      at += 200_000;
      const known = n < FILES;
      const listen = {
        artist: known ? `Artist ${n % 400}` : `Someone ${n % 300}`,
        artistMbid: null,
        title: known ? `Song ${n}` : `Unknown ${n}`,
        mbid: null,
        album: null,
        albumMbid: null,
        playedAt: at,
        loved: null,
        url: null,
        rawText: '{}',
      };
      return lastfmListenToRecord(listen, 'bench', null, memo);
    });
    await recorder.record(batch);
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
  await recordListens(
    new ListenRecorder({
      store: repos.listenRecording,
      tracks: repos.provisionalTracks,
      unitOfWork: repos.unitOfWork,
      clock: systemClock,
    }),
  );
  const linker = new LinkListens({
    store: repos.listenLinks,
    unitOfWork: repos.unitOfWork,
    clock: systemClock,
    progress: SILENT_PROGRESS,
  });
  const linked = await timed(() => linker.run());
  const relinked = await timed(() => linker.run());
  const peakAfterLinking = peakRssMb();
  await db.close();
  if (first.value.added !== FILES || first.value.skipped.length > 0 || again.value.unchanged !== FILES) {
    throw new Error(
      `the scan read ${first.value.added} of ${FILES} files (${first.value.skipped.length} skipped), ` +
        `the rescan found ${again.value.unchanged} unchanged`,
    );
  }
  if (linked.value.examined !== LISTENS || relinked.value.examined !== 0) {
    throw new Error(`linking examined ${linked.value.examined}, then ${relinked.value.examined} listens`);
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
    {
      name: `library link: ${LISTENS.toLocaleString('en-US')} listens against ${FILES.toLocaleString('en-US')} library tracks`,
      metrics: {
        listens_per_s: Math.round(LISTENS / linked.seconds),
        seconds: Math.round(linked.seconds * 100) / 100,
        linked: linked.value.decided.linked,
        ambiguous: linked.value.decided.ambiguous,
        unlinked: linked.value.decided.unlinked,
        rerun_nothing_changed_seconds: Math.round(relinked.seconds * 100) / 100,
        peak_rss_mb_whole_bench: peakAfterLinking,
      },
    },
  ]);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
