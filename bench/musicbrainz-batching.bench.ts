// MusicBrainz requests per resolved track, by path, through `narada tracks resolve` (real use case,
// SQLite, real client) against an unpaced fake: 10,000 distinct tracks with ISRCs (one in twenty
// ISRCs also names a remix, so some batches page), then 1,000 Last.fm tracks known by MBID only,
// then 300 known by words only. Requests, not seconds, are the cost: MusicBrainz serves one a second.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SILENT_PROGRESS } from '../src/application/ports/progress.port.js';
import { IngestConnectorTracks } from '../src/application/tracks/ingest-connector-tracks.js';
import { ResolveTracks } from '../src/application/use-cases/tracks/resolve-tracks.js';
import { lastfmTrackKey, type ConnectorTrack } from '../src/domain/track/connector-track.js';
import { Isrc } from '../src/domain/values/isrc.js';
import { CallCounter } from '../src/infrastructure/connectors/http/call-counter.js';
import { MusicBrainzClient } from '../src/infrastructure/connectors/musicbrainz/musicbrainz-client.js';
import { createMusicBrainzHttpClient } from '../src/infrastructure/connectors/musicbrainz/musicbrainz-http.js';
import { openDatabase } from '../src/infrastructure/persistence/open-database.js';
import { createRepositories, identityStoresOf } from '../src/infrastructure/persistence/repositories.js';
import { startFakeMusicBrainz } from '../test/fakes/musicbrainz/fake-musicbrainz.js';
import { MusicBrainzCatalog, type CatalogRecording } from '../test/fakes/musicbrainz/musicbrainz-catalog.js';
import { peakRssMb, report, seededRandom, timed } from './harness.js';

const BY_ISRC = 10_000;
const BY_MBID = 1_000;
const BY_WORDS = 300;
const REQUEST_TARGET = 600;
const AT = 1_767_225_600_000;

const random = seededRandom(13_2026);
const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ra',
  'ven',
  'tor',
  'sa',
  'dre',
  'ul',
  'po',
  'ne',
  'ri',
  'cha',
  'bel',
  'zo',
  'an',
];
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const word = (): string => {
  const text = Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(SYLLABLES)).join('');
  return text.charAt(0).toUpperCase() + text.slice(1);
};
const ARTISTS = Array.from({ length: 3_000 }, () => `${word()} ${word()}`);
const usedTitles = new Set<string>();
/** Three words, never the same title twice, so every track is its own recording. */
function distinctTitle(): string {
  for (;;) {
    const title = `${word()} ${word()} ${word()}`;
    if (!usedTitles.has(title)) {
      usedTitles.add(title);
      return title;
    }
  }
}

interface Song {
  readonly recording: CatalogRecording;
  readonly artist: string;
  readonly isrc: string;
}

/** The catalog, and the songs listened to: each a recording with its own ISRC and release. */
function generate(): { catalog: MusicBrainzCatalog; songs: Song[] } {
  const catalog = new MusicBrainzCatalog();
  const songs: Song[] = [];
  for (let n = 0; n < BY_ISRC + BY_MBID + BY_WORDS; n++) {
    const title = distinctTitle();
    const artist = pick(ARTISTS);
    const isrc = `QZBEN${String(26 + (n % 70)).padStart(2, '0')}${String(n).padStart(5, '0')}`;
    const release = { title: `${word()} ${word()}`, date: `${1960 + Math.floor(random() * 60)}-01-01` };
    const recording = catalog.addRecording({
      title,
      artists: [artist],
      isrcs: [isrc],
      lengthMs: 200_000,
      releases: [release],
    });
    if (n % 20 === 0) {
      catalog.addRecording({
        title: `${title} (Club Remix)`,
        artists: [artist],
        isrcs: [isrc],
        lengthMs: 410_000,
      });
    }
    songs.push({ recording, artist, isrc });
  }
  return { catalog, songs };
}

function spotifyRecord(song: Song, n: number): ConnectorTrack {
  return record('spotify', `bench${String(n).padStart(17, '0')}`, song, { isrc: Isrc.parse(song.isrc) });
}

function lastfmRecord(song: Song, withMbid: boolean): ConnectorTrack {
  return record('lastfm', lastfmTrackKey(song.artist, song.recording.title), song, {
    durationMs: null,
    attributes: withMbid ? { mbid: song.recording.id } : {},
  });
}

function record(
  service: 'spotify' | 'lastfm',
  externalId: string,
  song: Song,
  extra: Partial<ConnectorTrack>,
): ConnectorTrack {
  return {
    service,
    externalId,
    title: song.recording.title,
    artists: [song.artist],
    album: null,
    durationMs: 200_000,
    isrc: null,
    releaseDate: null,
    attributes: {},
    raw: {},
    fetchedAt: AT,
    ...extra,
  };
}

async function main(): Promise<void> {
  const { catalog, songs } = generate();
  const fake = await startFakeMusicBrainz({ catalog, enforceRateLimit: false });
  const folder = mkdtempSync(join(tmpdir(), 'narada-mb-batching-bench-'));
  const db = await openDatabase({ path: join(folder, 'narada.db') });
  try {
    const repos = createRepositories(db);
    const stores = identityStoresOf(repos, { now: () => AT, sleep: async () => {} });
    const calls = new CallCounter();
    const musicbrainz = new MusicBrainzClient({
      baseUrl: fake.url,
      // A mirror's setting (MUSICBRAINZ_RATE_LIMIT=unlimited): the count is the measure, not the pace.
      http: createMusicBrainzHttpClient({ calls, requestsPerSecond: null }),
      cache: repos.responseCache,
    });
    const resolver = new ResolveTracks({
      ...stores,
      musicbrainz,
      attempts: repos.identityAttempts,
      progress: SILENT_PROGRESS,
    });

    const phase = async (name: string, records: readonly ConnectorTrack[]) => {
      await new IngestConnectorTracks(stores).run(records);
      const before = calls.total('musicbrainz');
      const { value: summary, seconds } = await timed(() => resolver.run());
      const requests = calls.total('musicbrainz') - before;
      const resolved = Object.values(summary.musicbrainz.accepted).reduce((a, b) => a + (b ?? 0), 0);
      return {
        name,
        metrics: {
          tracks: records.length,
          resolved,
          requests,
          requests_per_resolved_track: Math.round((requests / Math.max(1, resolved)) * 10_000) / 10_000,
          seconds: Math.round(seconds * 100) / 100,
        },
        requests,
      };
    };

    const isrc = await phase(
      `resolve ${BY_ISRC.toLocaleString('en')} distinct tracks by ISRC (MusicBrainz requests, unpaced fake)`,
      songs.slice(0, BY_ISRC).map(spotifyRecord),
    );
    const mbid = await phase(
      `resolve ${BY_MBID.toLocaleString('en')} Last.fm tracks by MBID`,
      songs.slice(BY_ISRC, BY_ISRC + BY_MBID).map((s) => lastfmRecord(s, true)),
    );
    const words = await phase(
      `resolve ${BY_WORDS} Last.fm tracks by artist and title`,
      songs.slice(BY_ISRC + BY_MBID).map((s) => lastfmRecord(s, false)),
    );
    report([
      {
        name: isrc.name,
        metrics: isrc.metrics,
        target: `< ${REQUEST_TARGET} requests`,
        pass: isrc.requests < REQUEST_TARGET,
      },
      { name: mbid.name, metrics: mbid.metrics },
      {
        name: words.name,
        metrics: {
          ...words.metrics,
          by_endpoint: JSON.stringify(calls.snapshot()),
          peak_rss_mb: peakRssMb(),
        },
      },
    ]);
  } finally {
    await db.close();
    await fake.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();
