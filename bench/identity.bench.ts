// Track identity through SQLite, as `narada tracks resolve` runs it: ingesting 10,000 new service
// records, then resolving them against a local library of 100,000 resolved tracks (the local pass:
// candidate index, scoring, merges with their journal, review proposals). MusicBrainz is left out
// (`limit: 0`): at one request a second it is bounded by the service, not by Narada.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { SILENT_PROGRESS } from '../src/application/ports/progress.port.js';
import type { MusicBrainzPort } from '../src/application/ports/musicbrainz.port.js';
import { IngestConnectorTracks } from '../src/application/tracks/ingest-connector-tracks.js';
import { ResolveTracks } from '../src/application/use-cases/tracks/resolve-tracks.js';
import type { ConnectorTrack } from '../src/domain/track/connector-track.js';
import { lastfmTrackKey } from '../src/domain/track/connector-track.js';
import { trackMapping } from '../src/domain/track/track-mapping.js';
import type { TrackDraft } from '../src/domain/track/track.js';
import { openDatabase } from '../src/infrastructure/persistence/open-database.js';
import { createRepositories, identityStoresOf } from '../src/infrastructure/persistence/repositories.js';
import { peakRssMb, report, seededRandom, timed } from './harness.js';
import { capitalise, PLAIN_SYLLABLES } from './support/made-up-words.js';

const LIBRARY = 100_000;
const NEW_RECORDS = 10_000;
const AT = 1_767_225_600_000;
const random = seededRandom(4_2026);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const word = (): string =>
  Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(PLAIN_SYLLABLES)).join('');
const VOCABULARY = Array.from({ length: 8000 }, word);
const ARTISTS = Array.from(
  { length: 25_000 },
  () => capitalise(word()) + (random() < 0.4 ? ` ${capitalise(word())}` : ''),
);
const title = (): string =>
  Array.from({ length: 1 + Math.floor(random() * 3) }, () => capitalise(pick(VOCABULARY))).join(' ');

const mbid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const spotifyId = (n: number): string => `bench${String(n).padStart(17, '0')}`;

function libraryDraft(): TrackDraft {
  return {
    title: title(),
    artists: [pick(ARTISTS)],
    album: title(),
    durationMs: Math.round(120_000 + random() * 300_000),
    releaseDate: null,
    isrc: null,
    mbid: null,
    status: 'canonical',
    confidence: 98,
    source: 'spotify',
  };
}

/** Half respell a library track (as Last.fm would), a tenth are doubtful versions, the rest are new. */
function newRecord(n: number, library: readonly TrackDraft[]): ConnectorTrack {
  const roll = random();
  const base = pick(library);
  const fresh = roll >= 0.6;
  const artist = fresh ? pick(ARTISTS) : base.artists[0]!;
  const name = fresh
    ? `${title()} ${capitalise(word())}`
    : roll < 0.5
      ? base.title.toLowerCase()
      : base.title;
  const durationMs = fresh ? 200_000 : (base.durationMs ?? 200_000) + (roll < 0.5 ? 1500 : 13_000);
  const lastfm = random() < 0.7;
  return {
    service: lastfm ? 'lastfm' : 'spotify',
    externalId: lastfm ? lastfmTrackKey(artist, `${name} ${n}`) : spotifyId(n),
    title: lastfm ? name : name,
    artists: [artist],
    album: null,
    durationMs,
    isrc: null,
    releaseDate: null,
    attributes: {},
    raw: {},
    fetchedAt: AT,
  };
}

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'narada-identity-bench-'));
  const db = await openDatabase({ path: join(folder, 'narada.db') });
  try {
    const repos = createRepositories(db);
    const clock = { now: () => AT, sleep: async () => {} };
    const lookup = repos.identityLookup;
    const stores = identityStoresOf(repos, clock);
    const library = Array.from({ length: LIBRARY }, libraryDraft);
    const ids = await repos.tracks.insertMany(library, AT);
    await lookup.upsertMappings(
      ids.map((trackId, n) =>
        trackMapping({
          trackId,
          service: 'musicbrainz',
          externalId: mbid(n),
          confidence: 98,
          method: 'isrc',
          status: 'accepted',
          evidence: { factors: [], notes: [] },
          pinned: false,
          createdAt: AT,
          updatedAt: AT,
        }),
      ),
    );
    const records = Array.from({ length: NEW_RECORDS }, (_, n) => newRecord(n, library));

    const ingest = await timed(() => new IngestConnectorTracks(stores).run(records));
    const refusingMusicBrainz = new Proxy({} as MusicBrainzPort, {
      get: () => () => Promise.reject(new Error('the bench keeps MusicBrainz out')),
    });
    const resolver = new ResolveTracks({
      ...stores,
      musicbrainz: refusingMusicBrainz,
      attempts: repos.identityAttempts,
      progress: SILENT_PROGRESS,
    });
    const cpu = process.cpuUsage();
    const resolve = await timed(() => resolver.run({ limit: 0 }));
    const used = process.cpuUsage(cpu);
    const { local } = resolve.value;
    report([
      {
        name: `ingest ${NEW_RECORDS.toLocaleString('en')} service records into a library of ${LIBRARY.toLocaleString('en')} (SQLite)`,
        metrics: {
          seconds: round(ingest.seconds),
          created: ingest.value.created,
          records_per_s: Math.round(NEW_RECORDS / ingest.seconds),
        },
      },
      {
        name: `resolve ${NEW_RECORDS.toLocaleString('en')} tracks against a local library of ${LIBRARY.toLocaleString('en')} (use case through SQLite)`,
        metrics: {
          seconds: round(resolve.seconds),
          // CPU time shows the cost when other processes share the cores.
          cpu_seconds: round((used.user + used.system) / 1e6),
          examined: local.examined,
          merged: local.merged,
          to_review: local.review,
          peak_rss_mb: peakRssMb(),
          load_average_1m: Math.round(loadavg()[0]! * 10) / 10,
        },
        target: '< 10 s',
        pass: resolve.seconds < 10,
      },
    ]);
  } finally {
    await db.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

const round = (value: number): number => Math.round(value * 1000) / 1000;

await main();
