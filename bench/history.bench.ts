// Listening history at scale: 1,000,000 scrobbles imported from a generated fake Last.fm with no
// rate limit, 1,000,000 rows of Spotify extended history read from one file, and `stats eras` over
// 1,000,000 listens. Each phase runs in its own process (its peak RSS is its own); the fake Last.fm
// runs in another, as the real one would be elsewhere.
// The Last.fm import is measured on SQLite and, next to it, on PostgreSQL (`lastfm-postgres`): a fresh
// database on the server in NARADA_BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test),
// created and dropped by the bench; without a reachable server that measurement is skipped, saying so.
// `node dist/bench/history.bench.js lastfm,lastfm-postgres` (or `spotify`, `eras`) runs only those.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { fileURLToPath } from 'node:url';
import { systemClock } from '../src/infrastructure/clock/system-clock.js';
import { SILENT_PROGRESS } from '../src/application/ports/progress.port.js';
import { ImportLastfmHistory } from '../src/application/use-cases/history/import-lastfm-history.js';
import { ImportSpotifyHistory } from '../src/application/use-cases/history/import-spotify-history.js';
import { ListenRecorder } from '../src/application/history/listen-recorder.js';
import { ShowEras } from '../src/application/use-cases/stats/show-eras.js';
import type { DailyListens } from '../src/domain/history/play.js';
import { CallCounter } from '../src/infrastructure/connectors/http/call-counter.js';
import { adaptiveLimiter } from '../src/infrastructure/connectors/http/rate-limiter.js';
import { LastfmApiClient } from '../src/infrastructure/connectors/lastfm/lastfm-api-client.js';
import { createLastfmHttpClient } from '../src/infrastructure/connectors/lastfm/lastfm-http.js';
import { FileSystemSpotifyExportSource } from '../src/infrastructure/importers/spotify-export-reader.js';
import type { EngineDatabase } from '../src/infrastructure/persistence/engine-database.js';
import { openDatabase, type SqliteDatabase } from '../src/infrastructure/persistence/open-database.js';
import { createRepositories } from '../src/infrastructure/persistence/repositories.js';
import { startGeneratedHistoryLastfm } from '../test/fakes/lastfm/fake-lastfm-generated-history.js';
import { type BenchResult, median, peakRssMb, report, seededRandom, timed } from './harness.js';

const SCROBBLES = 1_000_000;
const SPOTIFY_ROWS = 1_000_000;
const ERA_LISTENS = 1_000_000;
const TRACKS = 50_000;
const USER = 'bench';
const SEED = 20_260_707;
const self = fileURLToPath(import.meta.url);
const MEASUREMENTS = ['lastfm', 'lastfm-postgres', 'spotify', 'eras'];
const POSTGRES_SERVER =
  process.env['NARADA_BENCH_DATABASE_URL']?.trim() || 'postgres://postgres@127.0.0.1:5432/test';

interface PhaseResult {
  readonly count: number;
  readonly seconds: number;
  readonly peakRssMb: number;
  readonly extra?: Readonly<Record<string, number>>;
}

/** `url`: a postgres:// URL to import into instead of the SQLite file in `folder`. */
async function openBenchDatabase(folder: string, url: string | null = null) {
  const db = await openDatabase({ path: join(folder, 'history-bench.db'), url });
  const repos = createRepositories(db);
  const recorder = new ListenRecorder({
    store: repos.listenRecording,
    tracks: repos.provisionalTracks,
    unitOfWork: repos.unitOfWork,
    clock: systemClock,
  });
  return { db, repos, recorder };
}

// ---- phase: Last.fm import ----

async function lastfmPhase(folder: string, url: string, databaseUrl: string | null): Promise<PhaseResult> {
  const { db, repos, recorder } = await openBenchDatabase(folder, databaseUrl);
  const http = createLastfmHttpClient({ limiter: adaptiveLimiter(), calls: new CallCounter() });
  const config = { apiUrl: url, apiKey: 'fake-lastfm-api-key', apiSecret: null, username: USER };
  const importer = new ImportLastfmHistory({
    lastfm: new LastfmApiClient({ config, http }),
    runs: repos.importRuns,
    recorder,
    unitOfWork: repos.unitOfWork,
    clock: systemClock,
    progress: SILENT_PROGRESS,
  });
  const cpu = process.cpuUsage();
  const serverBefore = await serverCpuSeconds(db);
  const { value, seconds } = await timed(() => importer.run());
  const cpuSeconds = cpuSecondsSince(cpu);
  const serverAfter = await serverCpuSeconds(db);
  await db.close();
  return {
    count: value.new,
    seconds,
    peakRssMb: peakRssMb(),
    extra: {
      pages: value.pages,
      cpu_s: cpuSeconds,
      ...(serverAfter === null || serverBefore === null ? {} : { server_cpu_s: serverAfter - serverBefore }),
    },
  };
}

/**
 * CPU seconds of the PostgreSQL server processes serving this database, read from /proc when the
 * server runs on this machine (null for SQLite, or a server elsewhere).
 */
async function serverCpuSeconds(db: EngineDatabase): Promise<number | null> {
  if (db.engine !== 'postgres') return null;
  const rows = await db.sql.all<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE datname = current_database()',
  );
  let ticks = 0;
  for (const { pid } of rows) {
    try {
      // utime and stime: the 14th and 15th fields, counted after the parenthesised command name.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      return null;
    }
  }
  return ticks / 100;
}

// ---- phase: Spotify extended history ----

/** Five years of streaming: 50,000 tracks, 5% short plays, 1% podcast episodes, 0.5% rows without a track. */
async function writeExtendedHistory(path: string): Promise<void> {
  const random = seededRandom(SEED);
  const out = createWriteStream(path);
  let ts = Date.UTC(2020, 0, 1);
  out.write('[\n');
  for (let i = 0; i < SPOTIFY_ROWS; i++) {
    const kind = random();
    const ms = kind < 0.05 ? Math.floor(random() * 29_000) : 30_000 + Math.floor(random() * 240_000);
    ts += ms + Math.floor(random() * 60_000);
    const track = Math.floor(random() * TRACKS);
    const isTrack = kind >= 0.015;
    const row = {
      ts: new Date(ts).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      platform: 'android',
      ms_played: kind >= 0.005 && kind < 0.015 ? 1_200_000 : ms,
      conn_country: 'NL',
      ip_addr: 'x.x.x.x',
      master_metadata_track_name: isTrack ? `Song ${track}` : null,
      master_metadata_album_artist_name: isTrack ? `Artist ${track % 2_000}` : null,
      master_metadata_album_album_name: isTrack ? `Album ${track % 5_000}` : null,
      spotify_track_uri: isTrack ? `spotify:track:${String(track).padStart(22, 'A')}` : null,
      episode_name: kind >= 0.005 && kind < 0.015 ? 'Episode' : null,
      episode_show_name: kind >= 0.005 && kind < 0.015 ? 'Show' : null,
      spotify_episode_uri: kind >= 0.005 && kind < 0.015 ? 'spotify:episode:0' : null,
      audiobook_title: null,
      audiobook_uri: null,
      audiobook_chapter_uri: null,
      audiobook_chapter_title: null,
      reason_start: 'trackdone',
      reason_end: 'trackdone',
      shuffle: false,
      skipped: false,
      offline: false,
      offline_timestamp: 0,
      incognito_mode: false,
    };
    if (!out.write(`${i === 0 ? '' : ',\n'}  ${JSON.stringify(row)}`)) await once(out, 'drain');
  }
  out.end('\n]\n');
  await once(out, 'finish');
}

async function spotifyPhase(folder: string): Promise<PhaseResult> {
  const file = join(folder, 'Streaming_History_Audio_2020-2025.json');
  await writeExtendedHistory(file);
  const { db, repos, recorder } = await openBenchDatabase(folder);
  const importer = new ImportSpotifyHistory({
    source: new FileSystemSpotifyExportSource(),
    runs: repos.importRuns,
    recorder,
    unitOfWork: repos.unitOfWork,
    clock: systemClock,
    progress: SILENT_PROGRESS,
    defaultListener: async () => USER,
  });
  const { value, seconds } = await timed(() => importer.run({ paths: [file] }));
  await db.close();
  return {
    count: value.rows,
    seconds,
    peakRssMb: peakRssMb(),
    extra: { listens: value.new, file_mb: Math.round(statSync(file).size / 1e6) },
  };
}

// ---- phase: eras over a year of listens ----

/** 50,000 tracks, 80% with a stored original year, and 1,000,000 listens spread over 2025's days. */
async function seedYear(db: SqliteDatabase): Promise<void> {
  const repos = createRepositories(db);
  const random = seededRandom(SEED + 1);
  const drafts = Array.from({ length: TRACKS }, (_, i) => ({
    title: `Song ${i}`,
    artists: [`Artist ${i % 2_000}`],
    album: null,
    durationMs: null,
    releaseDate: null,
    isrc: null,
    mbid: null,
    confidence: 50,
    source: 'lastfm' as const,
  }));
  const ids = await repos.tracks.insertMany(drafts, 0);
  await repos.trackMetrics.upsertMany(
    ids
      .filter(() => random() < 0.8)
      .map((trackId) => ({
        trackId,
        name: 'original_release_year',
        value: 1955 + Math.floor(random() * 71),
        source: 'musicbrainz' as const,
        fetchedAt: 0,
      })),
  );
  for (let day = 0; day < 365; day++) {
    const listens = Math.floor(((day + 1) * ERA_LISTENS) / 365) - Math.floor((day * ERA_LISTENS) / 365);
    const date = new Date(Date.UTC(2025, 0, 1 + day)).toISOString().slice(0, 10);
    const counts = new Map<number, number>();
    for (let n = 0; n < listens; n++) {
      const id = ids[Math.floor(random() ** 2 * ids.length)]!;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const rows: DailyListens[] = [...counts].map(([trackId, listenCount]) => ({
      user: USER,
      trackId,
      date,
      listenCount,
      totalMsPlayed: listenCount * 200_000,
    }));
    await repos.listenRecording.addDailyListens(rows);
  }
}

async function erasPhase(folder: string): Promise<PhaseResult> {
  const db = await openDatabase({ path: join(folder, 'eras-bench.db') });
  await seedYear(db);
  const eras = new ShowEras({ stats: createRepositories(db).listeningStats });
  const runs: number[] = [];
  let total = 0;
  for (let i = 0; i < 3; i++) {
    const { value, seconds } = await timed(() => eras.run({ year: 2025 }));
    runs.push(seconds);
    total = value.total;
  }
  await db.close();
  return { count: total, seconds: median(runs), peakRssMb: peakRssMb() };
}

// ---- orchestration ----

/** Children inherit the bench's Node flags (e.g. `--cpu-prof`, so each process writes its own profile). */
function start(args: readonly string[]): ChildProcess {
  const execArgv = [...new Set([...process.execArgv, '--expose-gc'])];
  return fork(self, [...args], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

async function firstMessage<T>(child: ChildProcess): Promise<T> {
  const [message] = (await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(([code]) =>
      Promise.reject(new Error(`bench child exited with ${String(code)}`)),
    ),
  ])) as [T];
  return message;
}

async function phase(name: string, ...args: string[]): Promise<PhaseResult> {
  process.stderr.write(`  history bench: ${name}…\n`);
  const child = start(['--phase', name, ...args]);
  const result = await firstMessage<PhaseResult>(child);
  await once(child, 'exit');
  return result;
}

/** `only` names the measurements to run, comma-separated (`lastfm,lastfm-postgres`), for profiling them alone. */
async function orchestrate(only: string | undefined): Promise<void> {
  const wanted = (name: string) => only === undefined || only.split(',').includes(name);
  const folder = mkdtempSync(join(tmpdir(), 'narada-history-bench-'));
  try {
    const results: BenchResult[] = [];
    if (wanted('lastfm')) results.push(await lastfmResult(folder, null));
    if (wanted('lastfm-postgres')) {
      const postgres = await benchPostgresDatabase();
      if (postgres === null) {
        process.stderr.write(
          `  history bench: lastfm-postgres skipped: no PostgreSQL at ${POSTGRES_SERVER.replace(/:[^:@/]*@/, '@')}\n`,
        );
      } else {
        try {
          results.push(await lastfmResult(folder, postgres.url));
        } finally {
          await postgres.drop();
        }
      }
    }
    if (wanted('spotify')) results.push(spotifyResult(await phase('spotify', folder)));
    if (wanted('eras')) results.push(erasResult(await phase('eras', folder)));
    report(results);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** A fresh database on the bench's PostgreSQL server, or null when none answers. */
async function benchPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> } | null> {
  const name = `narada_bench_${randomBytes(5).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: POSTGRES_SERVER, connectionTimeoutMillis: 3000 });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  try {
    await admin(`CREATE DATABASE "${name}"`);
  } catch {
    return null;
  }
  const url = new URL(POSTGRES_SERVER);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/** `databaseUrl`: PostgreSQL's, or null for a SQLite file. */
async function lastfmResult(folder: string, databaseUrl: string | null): Promise<BenchResult> {
  const fake = start(['--fake-lastfm']);
  const { url } = await firstMessage<{ url: string }>(fake);
  const lastfm = await phase('lastfm', folder, url, ...(databaseUrl === null ? [] : [databaseUrl]));
  // Asked to stop, the fake reports its own CPU time and exits normally (writing its profile under --cpu-prof).
  fake.send('stop');
  const { cpuSeconds: fakeCpuSeconds } = await firstMessage<{ cpuSeconds: number }>(fake);
  await once(fake, 'exit');
  rmSync(join(folder, 'history-bench.db'), { force: true });
  const lastfmRate = Math.round(lastfm.count / lastfm.seconds);
  const floor = databaseUrl === null ? 30_000 : 20_000;
  return {
    name: `history import lastfm${databaseUrl === null ? '' : ' into PostgreSQL'}: ${lastfm.count.toLocaleString('en-US')} scrobbles from the fake Last.fm, no rate limit`,
    metrics: {
      listens_per_s: lastfmRate,
      seconds: round(lastfm.seconds),
      pages: lastfm.extra?.pages ?? 0,
      peak_rss_mb: lastfm.peakRssMb,
      importer_cpu_s: round(lastfm.extra?.cpu_s ?? 0),
      fake_lastfm_cpu_s: round(fakeCpuSeconds),
      ...(lastfm.extra?.server_cpu_s === undefined ? {} : { server_cpu_s: round(lastfm.extra.server_cpu_s) }),
    },
    target: `>= ${floor.toLocaleString('en-US')} listens/s and < 300 MB`,
    pass: lastfmRate >= floor && lastfm.peakRssMb < 300,
  };
}

function spotifyResult(spotify: PhaseResult): BenchResult {
  return {
    name: `history import spotify: ${spotify.count.toLocaleString('en-US')} rows of extended history (${spotify.extra?.file_mb ?? 0} MB, one file)`,
    metrics: {
      rows_per_s: Math.round(spotify.count / spotify.seconds),
      listens: spotify.extra?.listens ?? 0,
      seconds: round(spotify.seconds),
      peak_rss_mb: spotify.peakRssMb,
    },
  };
}

function erasResult(eras: PhaseResult): BenchResult {
  return {
    name: `stats eras over ${eras.count.toLocaleString('en-US')} listens of one year (median of 3)`,
    metrics: { ms: Math.round(eras.seconds * 1000), peak_rss_mb: eras.peakRssMb },
  };
}

function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1e6;
}

function round(seconds: number): number {
  return Math.round(seconds * 100) / 100;
}

const [role, name, ...rest] = process.argv.slice(2);
if (role === '--fake-lastfm') {
  const newest = Math.floor(Date.now() / 1000) - 86_400;
  const fake = await startGeneratedHistoryLastfm({
    user: USER,
    count: SCROBBLES,
    newest,
    stepSeconds: 180,
    tracks: TRACKS,
  });
  process.send?.({ url: fake.url });
  process.once('message', () => {
    const cpuSeconds = cpuSecondsSince({ user: 0, system: 0 });
    process.send?.({ cpuSeconds }, () => void fake.close().then(() => process.exit(0)));
  });
} else if (role === '--phase') {
  const run =
    name === 'lastfm'
      ? () => lastfmPhase(rest[0]!, rest[1]!, rest[2] ?? null)
      : name === 'spotify'
        ? () => spotifyPhase(rest[0]!)
        : () => erasPhase(rest[0]!);
  process.send?.(await run(), () => process.exit(0));
} else if (role === undefined || role.split(',').every((m) => MEASUREMENTS.includes(m))) {
  await orchestrate(role);
} else {
  throw new Error(`Unknown measurement "${role}"; name one of ${MEASUREMENTS.join(', ')} or none for all`);
}
