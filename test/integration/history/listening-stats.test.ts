import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { LastfmListen } from '../../../src/application/ports/lastfm.port.js';
import { SILENT_PROGRESS } from '../../../src/application/ports/progress.port.js';
import {
  IdentityMemo,
  lastfmListenToRecord,
  spotifyListenToRecord,
} from '../../../src/application/history/upstream-listens.js';
import { ResolveOriginalYears } from '../../../src/application/stats/resolve-original-years.js';
import { ShowEras } from '../../../src/application/use-cases/stats/show-eras.js';
import { ShowTopListens } from '../../../src/application/use-cases/stats/show-top-listens.js';
import { lastfmTrackKey } from '../../../src/domain/track/connector-track.js';
import { PartialDate } from '../../../src/domain/values/partial-date.js';
import { CallCounter } from '../../../src/infrastructure/connectors/http/call-counter.js';
import { adaptiveLimiter } from '../../../src/infrastructure/connectors/http/rate-limiter.js';
import { MusicBrainzClient } from '../../../src/infrastructure/connectors/musicbrainz/musicbrainz-client.js';
import { createMusicBrainzHttpClient } from '../../../src/infrastructure/connectors/musicbrainz/musicbrainz-http.js';
import { startFakeMusicBrainz, type FakeMusicBrainz } from '../../fakes/musicbrainz/fake-musicbrainz.js';
import { spotifyTrackUri } from '../../fixtures/history/spotify-export-rows.js';
import { openHistoryKit, type HistoryKit } from './history-test-kit.js';

const memo = new IdentityMemo();
const AT = (iso: string) => Date.parse(iso);

function scrobble(iso: string, artist: string, title: string, mbid: string | null = null) {
  const listen: LastfmListen = {
    artist,
    artistMbid: null,
    title,
    mbid,
    album: null,
    albumMbid: null,
    playedAt: AT(iso),
    loved: null,
    url: null,
    rawText: JSON.stringify({ name: title }),
  };
  return lastfmListenToRecord(listen, 'ana', null, memo);
}

function streamed(iso: string, artist: string, title: string, uri: string) {
  const listen = {
    playedAt: AT(iso),
    msPlayed: 200_000,
    artist,
    title,
    album: null,
    trackKey: uri,
    trackUri: uri,
  };
  return spotifyListenToRecord(listen, '{}', 'ana', null, memo);
}

describe('eras and top listens of a year', () => {
  let kit: HistoryKit;
  let musicbrainz: FakeMusicBrainz;
  let timeMbid: string;

  beforeEach(async () => {
    kit = await openHistoryKit();
    musicbrainz = await startFakeMusicBrainz({ enforceRateLimit: false });
    const original = musicbrainz.catalog.addRelease({
      title: 'The Dark Side of the Moon',
      date: '1973-03-24',
      artists: ['Pink Floyd'],
    });
    timeMbid = musicbrainz.catalog.addRecording({
      title: 'Time',
      artists: ['Pink Floyd'],
      releases: [
        {
          title: 'The Dark Side of the Moon (2011 Remaster)',
          date: '2011-09-26',
          releaseGroupId: original.releaseGroupId,
        },
      ],
    }).id;

    await kit.recorder.record([
      // Time: 3 listens in 2025, one just before it began (UTC).
      scrobble('2024-12-31T23:59:00Z', 'Pink Floyd', 'Time', timeMbid),
      scrobble('2025-01-01T00:00:00Z', 'Pink Floyd', 'Time', timeMbid),
      scrobble('2025-05-01T10:00:00Z', 'Pink Floyd', 'Time', timeMbid),
      scrobble('2025-12-31T23:59:59Z', 'Pink Floyd', 'Time', timeMbid),
      // Remastered song known only by its Spotify album date: 2 listens.
      streamed('2025-02-01T10:00:00Z', 'The Beatles', 'Come Together - Remastered 2009', spotifyTrackUri(1)),
      streamed('2025-02-02T10:00:00Z', 'The Beatles', 'Come Together - Remastered 2009', spotifyTrackUri(1)),
      // Nothing known: 1 listen.
      streamed('2025-03-01T10:00:00Z', 'Nobody', 'Unknown Song', spotifyTrackUri(2)),
      // A year already stored: 4 listens.
      ...['04', '05', '06', '07'].map((m) => scrobble(`2025-${m}-01T10:00:00Z`, 'Moby', 'Porcelain')),
    ]);
    const beatles = (await kit.repos.trackMappings.find('spotify', spotifyTrackUri(1).slice(14)))[0]!;
    await kit.repos.connectorTracks.upsertMany([
      {
        service: 'spotify',
        externalId: spotifyTrackUri(1).slice(14),
        title: 'Come Together - Remastered 2009',
        artists: ['The Beatles'],
        album: 'Abbey Road (Remastered)',
        durationMs: 259_000,
        isrc: null,
        releaseDate: PartialDate.parse('2009-09-09'),
        attributes: {},
        raw: {},
        fetchedAt: 0,
      },
    ]);
    expect(beatles.trackId).toBeGreaterThan(0);
    const [moby] = await kit.repos.trackMappings.find('lastfm', lastfmTrackKey('Moby', 'Porcelain'));
    await kit.repos.trackMetrics.upsertMany([
      {
        trackId: moby!.trackId,
        name: 'original_release_year',
        value: 1999,
        source: 'musicbrainz',
        fetchedAt: 0,
      },
    ]);
  });

  afterEach(async () => {
    await musicbrainz.close();
    await kit.dispose();
  });

  function eras(): ShowEras {
    const client = new MusicBrainzClient({
      baseUrl: musicbrainz.url,
      http: createMusicBrainzHttpClient({
        userAgent: 'narada-test/1.0 ( test )',
        calls: new CallCounter(),
        limiter: adaptiveLimiter(),
        // Real backoff, only shorter.
        retry: { baseDelayMs: 1, maxDelayMs: 4, maxAttempts: 3 },
      }),
      cache: kit.repos.responseCache,
    });
    const resolver = new ResolveOriginalYears({
      musicbrainz: client,
      metrics: kit.repos.trackMetrics,
      clock: kit.clock,
      progress: SILENT_PROGRESS,
    });
    return new ShowEras({ stats: kit.repos.listeningStats, resolver });
  }

  it('groups the year’s listens by release year offline, flagging album dates, and says what could be looked up', async () => {
    const report = await eras().run({ year: 2025 });

    expect(report).toMatchObject({
      year: 2025,
      total: 10,
      byYear: { '1999': 4, '2009': 2 },
      distribution: [
        { year: 1999, count: 4, fallback: 0 },
        { year: 2009, count: 2, fallback: 2 },
      ],
      known: 6,
      unknown: 4,
      fallback: 2,
      coverage: 0.6,
      undated: { tracks: 2, listens: 4, lookupable: 1 },
      resolution: null,
    });
    expect(musicbrainz.requests).toHaveLength(0);
  });

  it('dates a remaster by its release group’s first release when asked to look years up, and keeps the year', async () => {
    const report = await eras().run({ year: 2025, resolveYears: true });

    expect(report).toMatchObject({
      byYear: { '1973': 3, '1999': 4, '2009': 2 },
      unknown: 1,
      coverage: 0.9,
      resolution: { lookedUp: 1, found: 1, stoppedBecause: null },
    });
    const requests = musicbrainz.requests.length;
    expect((await eras().run({ year: 2025 })).byYear).toEqual({ '1973': 3, '1999': 4, '2009': 2 });
    expect(musicbrainz.requests).toHaveLength(requests);
  });

  it('stops looking up when MusicBrainz is down and still answers with what it knows', async () => {
    musicbrainz.failNext(20, 502);
    const report = await eras().run({ year: 2025, resolveYears: true });
    expect(report.resolution).toMatchObject({ lookedUp: 0, found: 0, stoppedBecause: expect.any(String) });
    expect(report.known).toBe(6);
  });

  it('counts an artist spelled in other cases once, non-ASCII letters too, under its first spelling in byte order', async () => {
    await kit.recorder.record([
      scrobble('2025-08-01T10:00:00Z', 'Sigur Rós', 'Hoppípolla'),
      scrobble('2025-08-02T10:00:00Z', 'Sigur Rós', 'Hoppípolla'),
      scrobble('2025-08-03T10:00:00Z', 'SIGUR RÓS', 'Glósóli'),
      scrobble('2025-08-04T10:00:00Z', 'sigur rós', 'Sæglópur'),
      scrobble('2025-08-05T10:00:00Z', 'sigur rós', 'Sæglópur'),
    ]);

    const top = await new ShowTopListens(kit.repos.listeningStats).run({ year: 2025, limit: 2 });

    expect(top.artists).toEqual([
      { artist: 'SIGUR RÓS', listens: 5, msPlayed: 0, tracks: 3 },
      { artist: 'Moby', listens: 4, msPlayed: 0, tracks: 1 },
    ]);
  });

  it('lists the year’s top tracks and artists', async () => {
    const top = await new ShowTopListens(kit.repos.listeningStats).run({ year: 2025, limit: 2 });
    expect(top).toMatchObject({
      year: 2025,
      totalListens: 10,
      totalMsPlayed: 600_000,
      tracks: [
        { title: 'Porcelain', artist: 'Moby', listens: 4 },
        { title: 'Time', artist: 'Pink Floyd', listens: 3 },
      ],
      artists: [
        { artist: 'Moby', listens: 4, tracks: 1 },
        { artist: 'Pink Floyd', listens: 3, tracks: 1 },
      ],
    });
  });
});
