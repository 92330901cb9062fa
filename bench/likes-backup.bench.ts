// Playlist backup and likes sync against the fakes through the real clients over sockets, with a real
// database and real files: backing up 50 playlists × 500 items (requests against the floor, seconds),
// and an incremental likes sync of 5,000 saved tracks with 10 new since the last run (requests made).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../src/application/ports/clock.port.js';
import { systemClock } from '../src/infrastructure/clock/system-clock.js';
import { SILENT_PROGRESS } from '../src/application/ports/progress.port.js';
import { IngestConnectorTracks } from '../src/application/tracks/ingest-connector-tracks.js';
import { SpotifyToLastfm } from '../src/application/likes/spotify-to-lastfm.js';
import { SyncLikes } from '../src/application/use-cases/likes/sync-likes.js';
import { BackupPlaylists } from '../src/application/use-cases/playlist/backup-playlists.js';
import { FileBackupStore } from '../src/infrastructure/backup/file-backup-store.js';
import { CallCounter } from '../src/infrastructure/connectors/http/call-counter.js';
import { tokenBucketLimiter } from '../src/infrastructure/connectors/http/rate-limiter.js';
import { LastfmApiClient } from '../src/infrastructure/connectors/lastfm/lastfm-api-client.js';
import { createLastfmHttpClient } from '../src/infrastructure/connectors/lastfm/lastfm-http.js';
import { openDatabase, type SqliteDatabase } from '../src/infrastructure/persistence/open-database.js';
import {
  createRepositories,
  identityStoresOf,
  type Repositories,
} from '../src/infrastructure/persistence/repositories.js';
import { spotifyClientFor, spotifyApiCalls } from './support/fake-spotify-client.js';
import { aCatalogTrack } from '../test/fakes/lastfm/fake-lastfm-builders.js';
import { startFakeLastfm } from '../test/fakes/lastfm/fake-lastfm.js';
import { aFakeArtist, aFakeTrack, trackUri } from '../test/fakes/spotify/fake-spotify-builders.js';
import { startFakeSpotify } from '../test/fakes/spotify/fake-spotify.js';
import { peakRssMb, report, seededRandom, timed, type BenchResult } from './harness.js';

const PLAYLISTS = 50;
const ITEMS = 500;
const SAVED = 5_000;
const NEW_SAVES = 10;
const clock: Clock = systemClock;

interface World {
  readonly folder: string;
  readonly db: SqliteDatabase;
  readonly repos: Repositories;
  readonly ingest: IngestConnectorTracks;
}

async function openWorld(): Promise<World> {
  const folder = mkdtempSync(join(tmpdir(), 'narada-bench-likes-backup-'));
  const db = await openDatabase({ path: join(folder, 'narada.db') });
  const repos = createRepositories(db);
  const ingest = new IngestConnectorTracks(identityStoresOf(repos, clock));
  return { folder, db, repos, ingest };
}

async function backupBench(): Promise<BenchResult[]> {
  const fake = await startFakeSpotify();
  const world = await openWorld();
  try {
    const random = seededRandom(6);
    const artists = Array.from({ length: 300 }, (_, i) => aFakeArtist(`Artist ${i}`));
    const pool = fake.addTracks(
      ...Array.from({ length: 5_000 }, (_, i) =>
        aFakeTrack({ name: `Song ${i}`, artists: [artists[Math.floor(random() * artists.length)]!] }),
      ),
    );
    for (let p = 0; p < PLAYLISTS; p++) {
      const uris = Array.from({ length: ITEMS }, () => trackUri(pool[Math.floor(random() * pool.length)]!));
      fake.addPlaylist({ name: `Playlist ${p} / mix`, entries: uris });
    }
    const calls = new CallCounter();
    const backup = new BackupPlaylists({
      spotify: spotifyClientFor(fake, calls),
      store: new FileBackupStore(),
      checkpoints: world.repos.syncCheckpoints,
      playlists: world.repos.playlists,
      ingest: world.ingest,
      clock,
      progress: SILENT_PROGRESS,
      generator: 'narada/bench',
    });
    const outDir = join(world.folder, 'backups');
    const first = await timed(() => backup.run({ playlists: [], all: true, outDir }));
    const firstCalls = spotifyApiCalls(calls);
    const again = await timed(() => backup.run({ playlists: [], all: true, outDir }));
    const againCalls = spotifyApiCalls(calls) - firstCalls;
    // One page of the playlist list, then per playlist its object (embedding the first 100 items) and
    // one page per further 100; Narada adds one GET /me to tell your playlists from followed ones.
    const bound = Math.ceil(PLAYLISTS / 50) + PLAYLISTS * Math.ceil(ITEMS / 100);
    return [
      {
        name: `playlist backup --all: ${PLAYLISTS} playlists × ${ITEMS} items (real client, fake Spotify, real files)`,
        metrics: {
          written: first.value.written.length,
          calls: firstCalls,
          calls_lower_bound: bound,
          seconds: Math.round(first.seconds * 100) / 100,
          unchanged_rerun_calls: againCalls,
          unchanged_rerun_seconds: Math.round(again.seconds * 100) / 100,
          peak_rss_mb: peakRssMb(),
        },
        target: `calls <= lower bound + 1 (${bound + 1}); an unchanged re-run reads no playlist`,
        pass:
          first.value.written.length === PLAYLISTS &&
          firstCalls <= bound + 1 &&
          again.value.unchanged.length === PLAYLISTS,
      },
    ];
  } finally {
    await fake.close();
    await world.db.close();
    rmSync(world.folder, { recursive: true, force: true });
  }
}

async function likesBench(): Promise<BenchResult[]> {
  const spotify = await startFakeSpotify();
  const lastfm = await startFakeLastfm();
  const world = await openWorld();
  try {
    lastfm.addUser('listener');
    const tracks = spotify.addTracks(
      ...Array.from({ length: SAVED + NEW_SAVES }, (_, i) =>
        aFakeTrack({ name: `Tune ${i}`, artist: `Band ${i % 700}` }),
      ),
    );
    for (const track of tracks)
      lastfm.addTrack(aCatalogTrack({ artist: track.artists[0]!.name, track: track.name }));
    const base = Date.UTC(2024, 0, 1);
    const saveAt = (i: number): string => new Date(base + i * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    spotify.addSavedTracks(tracks.slice(0, SAVED).map((t, i) => ({ trackId: t.id, addedAt: saveAt(i) })));
    // Most are loved on Last.fm already; the first sync loves the rest.
    tracks
      .slice(0, SAVED - 200)
      .forEach((t, i) =>
        lastfm.addLove('listener', { artist: t.artists[0]!.name, track: t.name, date: 1_600_000_000 + i }),
      );

    const spotifyCalls = new CallCounter();
    const lastfmCalls = new CallCounter();
    const lastfmClient = new LastfmApiClient({
      config: {
        apiUrl: lastfm.url,
        apiKey: lastfm.apiKey,
        apiSecret: lastfm.secret,
        username: 'listener',
        sessionKey: lastfm.createSession('listener'),
      },
      http: createLastfmHttpClient({ limiter: tokenBucketLimiter(1000, 1000), calls: lastfmCalls }),
    });
    const client = spotifyClientFor(spotify, spotifyCalls);
    const sync = new SyncLikes({
      checkpoints: world.repos.syncCheckpoints,
      clock,
      progress: SILENT_PROGRESS,
    });
    const direction = () =>
      new SpotifyToLastfm({
        spotify: client,
        lastfm: lastfmClient,
        ingest: world.ingest,
        likes: world.repos.likes,
        mappings: world.repos.identityLookup,
        clock,
      });
    const total = () => spotifyApiCalls(spotifyCalls) + lastfmCalls.total('lastfm');

    const first = await timed(() => sync.run(direction(), { dryRun: false, mirror: false }));
    const firstCalls = total();
    spotify.addSavedTracks(
      tracks.slice(SAVED).map((t, i) => ({ trackId: t.id, addedAt: saveAt(SAVED + i) })),
    );
    const loveCallsBefore = lastfm.calls('track.love').length;
    const second = await timed(() => sync.run(direction(), { dryRun: false, mirror: false }));
    const secondCalls = total() - firstCalls;
    const secondLoves = lastfm.calls('track.love').length - loveCallsBefore;
    const byEndpoint = Object.entries(spotifyCalls.snapshot())
      .concat(Object.entries(lastfmCalls.snapshot()))
      .map(([endpoint, n]) => `${endpoint}=${n}`)
      .join(', ');
    return [
      {
        name: `likes sync spotify→lastfm: ${SAVED.toLocaleString('en')} saved tracks, ${NEW_SAVES} new since the last run`,
        metrics: {
          first_run_calls: firstCalls,
          first_run_written: first.value.written,
          first_run_seconds: Math.round(first.seconds * 100) / 100,
          incremental_calls: secondCalls,
          incremental_written: second.value.written,
          incremental_love_calls: secondLoves,
          incremental_seconds: Math.round(second.seconds * 100) / 100,
          all_calls_by_endpoint: byEndpoint,
          peak_rss_mb: peakRssMb(),
        },
        target: `the incremental run reads one page of saved tracks and writes exactly the ${NEW_SAVES} new likes`,
        pass:
          second.value.written === NEW_SAVES &&
          secondLoves === NEW_SAVES &&
          (spotifyCalls.snapshot()['spotify GET /me/tracks'] ?? 0) === Math.ceil(SAVED / 50) + 1,
      },
    ];
  } finally {
    await spotify.close();
    await lastfm.close();
    await world.db.close();
    rmSync(world.folder, { recursive: true, force: true });
  }
}

report([...(await backupBench()), ...(await likesBench())]);
