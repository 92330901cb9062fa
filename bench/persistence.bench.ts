// Bulk inserts through the stores (the listen recorder's ledger appends, the track repository)
// against the raw better-sqlite3 ceiling: 1,000,000 ledger events and 100,000 tracks, each path into
// its own fresh database of the real schema, fed the same generated rows in interleaved rounds.
// Target: the store's bulk path reaches at least half the rows/s of prepared single-row inserts in
// one transaction (per round).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ListeningSource, RawListeningEvent } from '../src/domain/history/listening-event.js';
import { lastfmTrackKey } from '../src/domain/track/connector-track.js';
import type { TrackDraft } from '../src/domain/track/track.js';
import { Isrc } from '../src/domain/values/isrc.js';
import { Mbid } from '../src/domain/values/mbid.js';
import { PartialDate } from '../src/domain/values/partial-date.js';
import { chunks } from '../src/infrastructure/persistence/chunks.js';
import { TrackEntity } from '../src/infrastructure/persistence/tracks/track.entity.js';
import { trackDraftToRow } from '../src/infrastructure/persistence/tracks/track.mapper.js';
import { openDatabase, type SqliteDatabase } from '../src/infrastructure/persistence/open-database.js';
import { createRepositories } from '../src/infrastructure/persistence/repositories.js';
import { type BenchResult, peakRssMb, report, seededRandom, timed } from './harness.js';

const EVENTS = 1_000_000;
const TRACKS = 100_000;
const TYPEORM_SAMPLE = 5_000;
/** Rows per repository call: an importer hands over a page or a file's worth at a time. */
const BATCH = 10_000;
/** Both paths store the rows in the same rounds (see `race`). */
const ROUNDS = 20;
const SEED = 20_260_521;
const AT = Date.UTC(2026, 0, 1);

// ---- data: generated lazily from a seed, so both paths store the very same rows ----

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function pick(random: () => number, n: number): number {
  return Math.floor(random() * n);
}

function spotifyId(random: () => number): string {
  let id = '';
  for (let i = 0; i < 22; i++) id += ALPHABET[pick(random, 62)];
  return id;
}

/** Three listeners scrobbling and streaming a catalogue of 50,000 tracks, a few minutes apart. */
function* generateListeningEvents(seed: number, count: number): Generator<RawListeningEvent> {
  const random = seededRandom(seed);
  const catalogue = Array.from({ length: 50_000 }, (_, i) => ({
    artist: `Artist ${pick(random, 8_000)}`,
    title: `Song ${i}`,
    uri: `spotify:track:${spotifyId(random)}`,
  }));
  const users = ['ana', 'bo', 'chen'];
  const clock = users.map(() => Date.UTC(2012, 0, 1));
  for (let i = 0; i < count; i++) {
    const u = pick(random, users.length);
    clock[u]! += 60_000 + pick(random, 300_000);
    const playedAt = clock[u]!;
    const track = catalogue[pick(random, catalogue.length)]!;
    const source: ListeningSource = random() < 0.6 ? 'lastfm' : 'spotify_export';
    const msPlayed = source === 'lastfm' ? null : 30_000 + pick(random, 240_000);
    const payload =
      source === 'lastfm'
        ? JSON.stringify({
            artist: { '#text': track.artist },
            name: track.title,
            album: { '#text': `${track.artist} – Greatest` },
            date: { uts: String(Math.floor(playedAt / 1000)) },
          })
        : JSON.stringify({
            ts: new Date(playedAt + (msPlayed ?? 0)).toISOString(),
            ms_played: msPlayed,
            master_metadata_track_name: track.title,
            master_metadata_album_artist_name: track.artist,
            spotify_track_uri: track.uri,
          });
    const trackKey = source === 'lastfm' ? lastfmTrackKey(track.artist, track.title) : track.uri;
    yield { user: users[u]!, source, playedAt, trackKey, msPlayed, payload, importRunId: null };
  }
}

/** Tracks as a Spotify import would create them: ISRC, often an MBID, release dates of every precision. */
function* generateTrackDrafts(seed: number, count: number): Generator<TrackDraft> {
  const random = seededRandom(seed + 1);
  for (let i = 0; i < count; i++) {
    const year = 1960 + pick(random, 66);
    const precision = random();
    const month = String(1 + pick(random, 12)).padStart(2, '0');
    const day = String(1 + pick(random, 28)).padStart(2, '0');
    const date =
      precision < 0.1 ? `${year}` : precision < 0.2 ? `${year}-${month}` : `${year}-${month}-${day}`;
    const hex = (n: number) => Array.from({ length: n }, () => pick(random, 16).toString(16)).join('');
    yield {
      title: `Song ${i}`,
      artists: Array.from({ length: 1 + pick(random, 3) }, () => `Artist ${pick(random, 20_000)}`),
      album: random() < 0.9 ? `Album ${pick(random, 30_000)}` : null,
      durationMs: 90_000 + pick(random, 300_000),
      releaseDate: PartialDate.parse(date),
      isrc: Isrc.parse(
        `QZ${ALPHABET[10 + pick(random, 26)]}${hex(2).toUpperCase()}${String(i).padStart(7, '0')}`,
      ),
      mbid: random() < 0.3 ? Mbid.parse(`${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`) : null,
      confidence: 60,
      source: 'spotify',
    };
  }
}

function* chunked<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let chunk: T[] = [];
  for (const item of items) {
    chunk.push(item);
    if (chunk.length === size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

// ---- the measured paths ----

/** One way of storing rows, timed round by round on its own fresh database. */
interface StorePath<T> {
  /** Stores one round's rows and returns how many were stored. */
  store(rows: readonly T[]): Promise<number> | number;
  close(): Promise<void>;
}

interface Tally {
  seconds: number;
  stored: number;
}

const folder = mkdtempSync(join(tmpdir(), 'narada-bench-'));
let databases = 0;

async function freshDatabase(): Promise<SqliteDatabase> {
  databases += 1;
  return openDatabase({ path: join(folder, `bench-${databases}.db`) });
}

async function repositoryEventPath(): Promise<StorePath<RawListeningEvent>> {
  const db = await freshDatabase();
  const { listenRecording } = createRepositories(db);
  return {
    store: async (rows) => {
      let inserted = 0;
      for (const batch of chunks(rows, BATCH)) {
        inserted += (await listenRecording.appendEvents(batch)).filter((id) => id !== null).length;
      }
      return inserted;
    },
    close: () => db.close(),
  };
}

async function rawEventPath(): Promise<StorePath<RawListeningEvent>> {
  const db = await freshDatabase();
  const insert = db.sqlite.prepare<[string, string, number, string, number | null, string, number | null]>(
    `INSERT INTO listening_events ("user", source, played_at, track_key, ms_played, payload, import_run_id)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const storeAll = db.sqlite.transaction((rows: readonly RawListeningEvent[]) => {
    let inserted = 0;
    for (const e of rows) {
      inserted += insert.run(
        e.user,
        e.source,
        e.playedAt,
        e.trackKey,
        e.msPlayed,
        e.payload,
        e.importRunId,
      ).changes;
    }
    return inserted;
  });
  return { store: (rows) => storeAll(rows), close: () => db.close() };
}

async function repositoryTrackPath(): Promise<StorePath<TrackDraft>> {
  const db = await freshDatabase();
  const { tracks } = createRepositories(db);
  return {
    store: async (rows) => {
      let inserted = 0;
      for (const batch of chunks(rows, BATCH)) inserted += (await tracks.insertMany(batch, AT)).length;
      return inserted;
    },
    close: () => db.close(),
  };
}

async function rawTrackPath(): Promise<StorePath<TrackDraft>> {
  const db = await freshDatabase();
  const insert = db.sqlite.prepare(
    `INSERT INTO tracks (title, artists, primary_artist, album, duration_ms, release_date, isrc, mbid, status,
       confidence, source, merged_into, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
  );
  const storeAll = db.sqlite.transaction((rows: readonly TrackDraft[]) => {
    let inserted = 0;
    for (const d of rows) {
      inserted += insert.run(
        d.title,
        JSON.stringify(d.artists),
        d.artists[0] ?? '',
        d.album,
        d.durationMs,
        d.releaseDate?.toString() ?? null,
        d.isrc?.value ?? null,
        d.mbid?.value ?? null,
        d.status ?? 'provisional',
        d.confidence,
        d.source,
        AT,
        AT,
      ).changes;
    }
    return inserted;
  });
  return { store: (rows) => storeAll(rows), close: () => db.close() };
}

/** Between timed steps (run with --expose-gc), so one step's garbage is not collected on another's clock. */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Feeds both paths the same rounds of rows and times only the storing. Rounds alternate which path
 * goes first, so a busy machine slows both alike instead of whichever phase it happens to hit.
 */
async function race<T>(
  rounds: Iterable<T[]>,
  repository: StorePath<T>,
  raw: StorePath<T>,
): Promise<{ repository: Tally; raw: Tally }> {
  const tally = { repository: { seconds: 0, stored: 0 }, raw: { seconds: 0, stored: 0 } };
  let round = 0;
  for (const rows of rounds) {
    const order: Array<keyof typeof tally> = round % 2 === 0 ? ['repository', 'raw'] : ['raw', 'repository'];
    for (const name of order) {
      const path = name === 'repository' ? repository : raw;
      const { value, seconds } = await timed(() => path.store(rows));
      tally[name].seconds += seconds;
      tally[name].stored += value;
      collectGarbage();
    }
    round += 1;
  }
  await repository.close();
  await raw.close();
  return tally;
}

/** The path the bulk writer replaces: TypeORM saving entities one by one, in one transaction. */
async function typeormRowByRowTracks(): Promise<Tally> {
  const db = await freshDatabase();
  const rows = db.dataSource.getRepository(TrackEntity);
  const drafts = [...generateTrackDrafts(SEED, TYPEORM_SAMPLE)];
  const { seconds } = await timed(() =>
    db.unitOfWork.transaction(async () => {
      // The unit of work owns the transaction (BEGIN IMMEDIATE); save() must not open its own.
      for (const draft of drafts)
        await rows.save(rows.create(trackDraftToRow(draft, AT)), { transaction: false });
    }),
  );
  await db.close();
  return { seconds, stored: drafts.length };
}

function rate({ stored, seconds }: Tally): number {
  return Math.round(stored / seconds);
}

function comparison(name: string, { repository, raw }: { repository: Tally; raw: Tally }): BenchResult {
  if (repository.stored !== raw.stored) {
    throw new Error(`${name}: the repository stored ${repository.stored} rows, the raw path ${raw.stored}`);
  }
  const ratio = raw.seconds / repository.seconds;
  return {
    name,
    metrics: {
      rows: repository.stored,
      repository_rows_per_s: rate(repository),
      raw_ceiling_rows_per_s: rate(raw),
      ratio_of_raw: Number(ratio.toFixed(2)),
      repository_seconds: Number(repository.seconds.toFixed(2)),
      raw_ceiling_seconds: Number(raw.seconds.toFixed(2)),
      peak_rss_mb: peakRssMb(),
    },
    target: '>= 0.5 of raw',
    pass: ratio >= 0.5,
  };
}

try {
  const events = await race(
    chunked(generateListeningEvents(SEED, EVENTS), EVENTS / ROUNDS),
    await repositoryEventPath(),
    await rawEventPath(),
  );
  const tracks = await race(
    chunked(generateTrackDrafts(SEED, TRACKS), TRACKS / ROUNDS),
    await repositoryTrackPath(),
    await rawTrackPath(),
  );
  const rowByRow = await typeormRowByRowTracks();
  report([
    comparison(
      `bulk insert ${EVENTS.toLocaleString('en')} listening events (listen recording store appendEvents)`,
      events,
    ),
    comparison(`bulk insert ${TRACKS.toLocaleString('en')} tracks (repository insertMany)`, tracks),
    {
      name: `insert ${TYPEORM_SAMPLE.toLocaleString('en')} tracks with TypeORM save, row by row (reference)`,
      metrics: { rows_per_s: rate(rowByRow) },
    },
  ]);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
