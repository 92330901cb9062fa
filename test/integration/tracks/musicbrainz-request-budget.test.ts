// How many MusicBrainz requests identity costs, counted on the fake at its real 1 request/second: a
// 30-recording history (20 with ISRCs, 6 with Last.fm MBIDs, 4 with neither) must cost at most a
// quarter of a request per distinct recording, both for `tracks resolve` and for `stats eras`.
import { afterEach, describe, expect, it } from '@jest/globals';
import { SILENT_PROGRESS } from '../../../src/application/ports/progress.port.js';
import { ResolveOriginalYears } from '../../../src/application/stats/resolve-original-years.js';
import { connectorKey, type ConnectorTrack } from '../../../src/domain/track/connector-track.js';
import type { Track } from '../../../src/domain/track/track.js';
import { MusicBrainzClient } from '../../../src/infrastructure/connectors/musicbrainz/musicbrainz-client.js';
import { createMusicBrainzHttpClient } from '../../../src/infrastructure/connectors/musicbrainz/musicbrainz-http.js';
import { aConnectorTrack } from '../../builders/index.js';
import { MusicBrainzCatalog, type CatalogRecording } from '../../fakes/musicbrainz/musicbrainz-catalog.js';
import { openMusicBrainzWorld, type MusicBrainzWorld } from './identity-test-kit.js';

const TITLES = [
  'Amber',
  'Breakwater',
  'Cinder',
  'Driftwood',
  'Ember',
  'Foxglove',
  'Granite',
  'Harbour',
  'Indigo',
  'Juniper',
  'Kestrel',
  'Lantern',
  'Meadow',
  'Nightjar',
  'Orchard',
  'Pebble',
  'Quarry',
  'Rosewood',
  'Saffron',
  'Thistle',
  'Umber',
  'Vesper',
  'Willow',
  'Xylem',
  'Yarrow',
  'Zephyr',
  'Aster',
  'Bramble',
  'Cobalt',
  'Dune',
];
const ARTISTS = [
  'The Ashen Choir',
  'Blue Meridian',
  'Copper Kites',
  'Delta Sleep Unit',
  'Echo Parade',
  'Fable Road',
  'Glass Harbour',
  'Hollow Pines',
  'Iron Lullaby',
  'Jade Arcade',
  'Kite Theory',
  'Lunar Ferns',
  'Marble Youth',
  'Neon Orchard',
  'Opal Static',
  'Paper Comets',
  'Quiet Engines',
  'Rust Tigers',
  'Silver Atlas',
  'Tidal Clocks',
  'Umbra Twins',
  'Velvet Signal',
  'Wild Lanterns',
  'Xeno Gardens',
  'Yellow Harbor',
  'Zinc Hearts',
  'Amber Rooms',
  'Brass Ghosts',
  'Cedar Minds',
  'Dusk Riders',
];
const DISTINCT = TITLES.length;
const WITH_ISRC = 20;
const WITH_MBID = 6;
const isrcOf = (n: number) => `GBZZZ99${String(n).padStart(5, '0')}`;

let world: MusicBrainzWorld | null = null;
afterEach(async () => {
  await world?.dispose();
  world = null;
});

/** Recording n: its own title and artist, released in 1970 + n on an album of its own. */
function history(): {
  catalog: MusicBrainzCatalog;
  recordings: CatalogRecording[];
  records: ConnectorTrack[];
} {
  const catalog = new MusicBrainzCatalog();
  const recordings = TITLES.map((title, n) =>
    catalog.addRecording({
      title,
      artists: [ARTISTS[n]!],
      isrcs: [isrcOf(n)],
      lengthMs: 210_000,
      releases: [{ title: `${title} (album)`, date: `${1970 + n}-05-01` }],
    }),
  );
  const records = recordings.map((recording, n) =>
    n < WITH_ISRC
      ? aConnectorTrack({ title: recording.title, artists: [ARTISTS[n]!], isrc: isrcOf(n) })
      : aConnectorTrack({
          service: 'lastfm',
          title: recording.title,
          artists: [ARTISTS[n]!],
          durationMs: null,
          attributes: n < WITH_ISRC + WITH_MBID ? { mbid: recording.id } : {},
        }),
  );
  return { catalog, recordings, records };
}

function clientFor(w: MusicBrainzWorld): MusicBrainzClient {
  return new MusicBrainzClient({
    baseUrl: w.fake.url,
    http: createMusicBrainzHttpClient({
      calls: w.calls,
      userAgent: 'narada-tests/1.0 ( tests@example.org )',
    }),
    cache: w.temp.repos.responseCache,
  });
}

describe('MusicBrainz requests per distinct recording', () => {
  it('resolves a 30-recording history in at most a quarter of a request per recording', async () => {
    const { catalog, recordings, records } = history();
    world = await openMusicBrainzWorld(catalog);
    const ingested = await world.ingest.run(records);

    const summary = await world.resolver().run();

    expect(summary.musicbrainz).toMatchObject({ tried: DISTINCT, review: 0, noMatch: 0 });
    expect(Object.values(summary.musicbrainz.accepted).reduce((a, b) => a + b, 0)).toBe(DISTINCT);
    expect(summary.musicbrainz.accepted.isrc).toBe(WITH_ISRC);
    for (const [n, record] of records.entries()) {
      const track = ingested.tracks.get(connectorKey(record.service, record.externalId))!;
      expect((await world.stores.tracks.findById(track.id))?.mbid?.value).toBe(recordings[n]!.id);
    }
    // One ISRC batch, one MBID batch, one search per track with neither id (today: one request each).
    expect(world.calls.snapshot()).toEqual({
      'musicbrainz GET /recording?query=isrc': 1,
      'musicbrainz GET /recording?query=rid': 1,
      'musicbrainz GET /recording?query': DISTINCT - WITH_ISRC - WITH_MBID,
    });
    expect(world.calls.total('musicbrainz')).toBeLessThanOrEqual(DISTINCT / 4);
    expect(world.fake.maxRequestsInAnyWindow()).toBe(1);
  });

  it('dates the same history for `stats eras` in three batched requests', async () => {
    const { catalog, recordings, records } = history();
    world = await openMusicBrainzWorld(catalog);
    const ingested = await world.ingest.run(records);
    const tracks: Track[] = records.map((r) => ingested.tracks.get(connectorKey(r.service, r.externalId))!);
    const resolver = new ResolveOriginalYears({
      musicbrainz: clientFor(world),
      metrics: world.temp.repos.trackMetrics,
      clock: world.clock,
      progress: SILENT_PROGRESS,
    });
    // ISRCs for the first 20; a Last.fm MBID for the rest, or a recording MBID a resolve stored.
    const facts = tracks.map((track, n) => ({
      trackId: track.id,
      originalYear: null,
      albumDate: null,
      mbid: n >= WITH_ISRC + WITH_MBID ? recordings[n]!.id : null,
      isrc: n < WITH_ISRC ? isrcOf(n) : null,
      lastfmMbid: n >= WITH_ISRC && n < WITH_ISRC + WITH_MBID ? recordings[n]!.id : null,
    }));

    const resolution = await resolver.run(facts);

    expect(resolution).toEqual({ lookedUp: DISTINCT, found: DISTINCT, stoppedBecause: null });
    const stored = await world.temp.repos.trackMetrics.get(
      tracks.map((t) => t.id),
      ['original_release_year'],
    );
    const years = new Map(stored.map((metric) => [metric.trackId, metric.value]));
    expect(tracks.map((t) => years.get(t.id))).toEqual(TITLES.map((_, n) => 1970 + n));
    expect(world.calls.snapshot()).toEqual({
      'musicbrainz GET /recording?query=rid': 1,
      'musicbrainz GET /recording?query=isrc': 1,
      'musicbrainz GET /release-group?query=rgid': 1,
    });
    expect(world.calls.total('musicbrainz')).toBeLessThanOrEqual(DISTINCT / 4);
  });
});
