// `narada tracks resolve` against a MusicBrainz mirror of one's own: MUSICBRAINZ_API_URL points at it
// and MUSICBRAINZ_RATE_LIMIT=unlimited lifts the public server's 1 request/second; a bad value stops
// every command with a configuration error naming the variable.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { IngestConnectorTracks } from '../../../src/application/tracks/ingest-connector-tracks.js';
import { createRepositories } from '../../../src/infrastructure/persistence/repositories.js';
import { aClock, aConnectorTrack } from '../../builders/index.js';
import { startFakeMusicBrainz, type FakeMusicBrainz } from '../../fakes/musicbrainz/fake-musicbrainz.js';
import { MusicBrainzCatalog } from '../../fakes/musicbrainz/musicbrainz-catalog.js';
import { cleanEnv, openHomeDatabase, runNarada, tempDir } from '../cli-harness.js';

const home = tempDir();
let mirror: FakeMusicBrainz;
const SONGS = ['Amber', 'Cinder', 'Ember', 'Granite', 'Indigo', 'Kestrel', 'Meadow', 'Orchard'];
const BANDS = [
  'Ashen Choir',
  'Copper Kites',
  'Echo Parade',
  'Glass Harbour',
  'Iron Lullaby',
  'Kite Theory',
  'Marble Youth',
  'Opal Static',
];
const isrcOf = (n: number) => `GBZZZ98${String(n).padStart(5, '0')}`;
/** The first half carry ISRCs (one batch), the rest only words (a search each). */
const WITH_ISRC = 4;

beforeAll(async () => {
  const catalog = new MusicBrainzCatalog();
  SONGS.forEach((title, n) =>
    catalog.addRecording({ title, artists: [BANDS[n]!], isrcs: [isrcOf(n)], lengthMs: 210_000 }),
  );
  // A mirror sets no rate limit of its own.
  mirror = await startFakeMusicBrainz({ catalog, enforceRateLimit: false });
  const db = await openHomeDatabase(home.path);
  const repos = createRepositories(db);
  await new IngestConnectorTracks({
    tracks: repos.tracks,
    connectorTracks: repos.connectorTracks,
    mappings: repos.trackMappings,
    unitOfWork: repos.unitOfWork,
    clock: aClock(() => Date.now() - 60_000),
  }).run(
    SONGS.map((title, n) =>
      n < WITH_ISRC
        ? aConnectorTrack({ title, artists: [BANDS[n]!], isrc: isrcOf(n) })
        : aConnectorTrack({ service: 'lastfm', title, artists: [BANDS[n]!], durationMs: null }),
    ),
  );
  await db.close();
});

afterAll(async () => {
  await mirror.close();
  home.remove();
});

describe('tracks resolve against a mirror', () => {
  it('refuses a MUSICBRAINZ_RATE_LIMIT it cannot read, naming it, with exit code 2', async () => {
    for (const bad of ['fast', '0']) {
      const env = cleanEnv(home.path, { MUSICBRAINZ_API_URL: mirror.url, MUSICBRAINZ_RATE_LIMIT: bad });
      const result = await runNarada(['tracks', 'resolve'], { env });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`MUSICBRAINZ_RATE_LIMIT "${bad}"`);
    }
    expect(mirror.requests).toHaveLength(0);
  });

  it('resolves unthrottled with MUSICBRAINZ_RATE_LIMIT=unlimited: one ISRC batch, then a search per track without ids', async () => {
    const env = cleanEnv(home.path, { MUSICBRAINZ_API_URL: mirror.url, MUSICBRAINZ_RATE_LIMIT: 'unlimited' });
    const result = await runNarada(['tracks', 'resolve', '--json'], { env });

    expect(result.code).toBe(0);
    expect(result.json()).toMatchObject({
      pending: SONGS.length,
      musicbrainz: { tried: SONGS.length, accepted: { isrc: WITH_ISRC }, review: 0, noMatch: 0 },
      remaining: 0,
    });
    expect(mirror.requests.map((r) => new URLSearchParams(r.query).get('query')?.split(':')[0])).toEqual([
      'isrc',
      ...SONGS.slice(WITH_ISRC).map(() => 'recording'),
    ]);
    // Paced at 1 a second these would take 4 s; unlimited, they come back to back.
    expect(mirror.maxRequestsInAnyWindow(1000)).toBeGreaterThan(1);
  });
});
