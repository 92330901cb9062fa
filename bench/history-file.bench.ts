// `narada history import file` on a generated 1,000,000-row Last.fm CSV (lastfm-to-csv layout, five
// years of listens over 50,000 tracks): rows per second and the process's peak memory, which must
// stay bounded however long the file is (CSV streamed through csv-parse, rows in batches): the RSS
// of the run's first and last quarters are reported beside the peak.
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListenRecorder } from '../src/application/history/listen-recorder.js';
import { SILENT_PROGRESS } from '../src/application/ports/progress.port.js';
import { ImportHistoryFile } from '../src/application/use-cases/history/import-history-file.js';
import { systemClock } from '../src/infrastructure/clock/system-clock.js';
import { FileSystemHistoryFileSource } from '../src/infrastructure/importers/history-file-reader.js';
import { openDatabase } from '../src/infrastructure/persistence/open-database.js';
import { createRepositories } from '../src/infrastructure/persistence/repositories.js';
import { peakRssMb, report, seededRandom, timed } from './harness.js';

/** `NARADA_BENCH_ROWS=250000` for a shorter file: peak memory must be the same. */
const ROWS = Number(process.env['NARADA_BENCH_ROWS'] ?? 1_000_000);
const TRACKS = 50_000;
const SEED = 20_261_206;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** lastfm-to-csv writes newest first, `artist,album,track,DD Mon YYYY HH:MM`, no header, no quotes. */
async function writeLastfmCsv(path: string): Promise<void> {
  const random = seededRandom(SEED);
  const out = createWriteStream(path);
  let at = Date.UTC(2025, 11, 31);
  const two = (n: number) => String(n).padStart(2, '0');
  for (let i = 0; i < ROWS; i++) {
    at -= 60_000 + Math.floor(random() * 240_000);
    const track = Math.floor(random() * TRACKS);
    const d = new Date(at);
    const date = `${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
    const row = `Artist ${track % 2_000},Album ${track % 5_000},Song ${track},${date}\n`;
    if (!out.write(row)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

const folder = mkdtempSync(join(tmpdir(), 'narada-history-file-bench-'));
try {
  const file = join(folder, 'scrobbles.csv');
  await writeLastfmCsv(file);
  const db = await openDatabase({ path: join(folder, 'history-file-bench.db') });
  const repos = createRepositories(db);
  const recorder = new ListenRecorder({
    store: repos.listenRecording,
    tracks: repos.provisionalTracks,
    unitOfWork: repos.unitOfWork,
    clock: systemClock,
  });
  const importer = new ImportHistoryFile({
    source: new FileSystemHistoryFileSource(),
    spotify: {
      run: () => Promise.reject(new Error('the bench imports no Spotify export')),
    },
    runs: repos.importRuns,
    recorder,
    ledger: repos.ledgerPresence,
    unitOfWork: repos.unitOfWork,
    clock: systemClock,
    progress: SILENT_PROGRESS,
    defaultListener: async () => 'bench',
  });
  // RSS sampled while the import runs: the first quarter's peak against the whole run's shows
  // whether memory grows with the rows read (it must not).
  const samples: Array<{ at: number; rss: number }> = [];
  const started = Date.now();
  const timer = setInterval(() => samples.push({ at: Date.now(), rss: process.memoryUsage().rss }), 250);
  const { value, seconds } = await timed(() => importer.run({ paths: [file] }));
  clearInterval(timer);
  const quarterEnd = started + (seconds * 1000) / 4;
  // MiB, as peakRssMb counts.
  const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
  const firstQuarter = mb(Math.max(0, ...samples.filter((x) => x.at <= quarterEnd).map((x) => x.rss)));
  const lastQuarter = mb(
    Math.max(0, ...samples.filter((x) => x.at >= quarterEnd + (seconds * 1000) / 2).map((x) => x.rss)),
  );
  await db.close();
  const peak = peakRssMb();
  report([
    {
      name: `history import file: ${value.rows.toLocaleString('en-US')} rows of a Last.fm CSV (${Math.round(statSync(file).size / 1e6)} MB, lastfm-to-csv)`,
      metrics: {
        rows_per_s: Math.round(value.rows / seconds),
        listens: value.new,
        seconds: Math.round(seconds * 100) / 100,
        rss_mb_first_quarter: firstQuarter,
        rss_mb_last_quarter: lastQuarter,
        peak_rss_mb: peak,
      },
      target: 'bounded memory: < 300 MB',
      pass: peak < 300,
    },
  ]);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
