import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { LastfmListen } from '../../../src/application/ports/lastfm.port.js';
import {
  IdentityMemo,
  lastfmListenToRecord,
  spotifyListenToRecord,
} from '../../../src/application/history/upstream-listens.js';
import type { ListenToRecord } from '../../../src/application/history/listen-recorder.js';
import { judgeSpotifyRow, type SpotifyStreamRow } from '../../../src/domain/history/spotify-listen-rules.js';
import { lastfmTrackKey } from '../../../src/domain/track/connector-track.js';
import { openHistoryKit, type HistoryKit } from './history-test-kit.js';

const T0 = Date.UTC(2025, 2, 10, 20, 0, 0);
const URI = 'spotify:track:3aJ2aJz5xL03hpaqdPS7Ah';
const memo = new IdentityMemo();

function scrobble(playedAt: number, artist = 'fripSide', title = 'only my railgun'): ListenToRecord {
  const listen: LastfmListen = {
    artist,
    artistMbid: null,
    title,
    mbid: null,
    album: 'infinite synthesis',
    albumMbid: null,
    playedAt,
    loved: null,
    url: null,
    rawText: JSON.stringify({
      name: title,
      artist: { name: artist },
      date: { uts: String(playedAt / 1000) },
    }),
  };
  return lastfmListenToRecord(listen, 'ana', null, memo);
}

function spotifyRow(
  endedAt: number,
  msPlayed: number,
  overrides: Partial<SpotifyStreamRow> = {},
): ListenToRecord {
  const row: SpotifyStreamRow = {
    format: 'extended',
    endedAt,
    msPlayed,
    trackName: 'only my railgun',
    artistName: 'fripSide',
    albumName: 'infinite synthesis',
    trackUri: URI,
    episode: false,
    audiobook: false,
    ...overrides,
  };
  const verdict = judgeSpotifyRow(row);
  if (verdict.kind !== 'listen') throw new Error('not a listen');
  return spotifyListenToRecord(verdict.listen, JSON.stringify({ ts: endedAt }), 'ana', null, memo);
}

describe('ListenRecorder on a real database', () => {
  let kit: HistoryKit;
  beforeEach(async () => {
    kit = await openHistoryKit();
  });
  afterEach(() => kit.dispose());

  it('stores a listen scrobbled and exported once in the interpreted view, and both raw events', async () => {
    await kit.recorder.record([scrobble(T0)]);
    // Spotify's row ends 4 min 10 s later; it started 5 s after the scrobble's timestamp.
    const outcome = await kit.recorder.record([spotifyRow(T0 + 250_000, 245_000)]);

    expect(outcome).toEqual({ inserted: 1, existing: 0, sameAsHeld: 1 });
    expect(await kit.count('listening_events')).toBe(2);
    expect(await kit.count('plays')).toBe(2);
    expect(await kit.countedPlays()).toBe(1);
    expect(await kit.danglingReferences()).toBe(0);
    expect(await kit.dailyTotal()).toBe(1);
    const daily = (await kit.query('SELECT "total_ms_played" AS ms FROM "daily_listens"'))[0] as {
      ms: number;
    };
    expect(daily.ms).toBe(245_000);
  });

  it('keeps two plays in a row apart, each paired with its own scrobble', async () => {
    await kit.recorder.record([scrobble(T0), scrobble(T0 + 245_000)]);
    await kit.recorder.record([spotifyRow(T0 + 245_000, 245_000), spotifyRow(T0 + 490_000, 245_000)]);
    expect(await kit.countedPlays()).toBe(2);
    expect(await kit.dailyTotal()).toBe(2);
  });

  it('counts a repeat import as already present and recounts nothing', async () => {
    const batch = [scrobble(T0), scrobble(T0 + 300_000, 'Carpenters', 'Top Of The World')];
    await kit.recorder.record(batch);
    const again = await kit.recorder.record(batch);

    expect(again).toEqual({ inserted: 0, existing: 2, sameAsHeld: 0 });
    expect(await kit.count('plays')).toBe(2);
    expect(await kit.dailyTotal()).toBe(2);
  });

  it('creates one provisional track per upstream record, with its connector record and an accepted mapping', async () => {
    await kit.recorder.record([scrobble(T0), scrobble(T0 + 600_000), spotifyRow(T0 + 2_000_000, 200_000)]);

    expect(await kit.count('tracks')).toBe(2);
    const lastfm = await kit.repos.trackMappings.find(
      'lastfm',
      lastfmTrackKey('fripSide', 'only my railgun'),
    );
    const spotify = await kit.repos.trackMappings.find('spotify', '3aJ2aJz5xL03hpaqdPS7Ah');
    expect(lastfm).toMatchObject([{ method: 'artist_title', status: 'accepted', confidence: 100 }]);
    expect(spotify).toMatchObject([{ method: 'spotify_id', status: 'accepted' }]);
    const track = await kit.repos.tracks.findById(spotify[0]!.trackId);
    expect(track).toMatchObject({
      status: 'provisional',
      title: 'only my railgun',
      source: 'spotify_export',
    });
  });

  it('uses the track an accepted mapping already names, and never overwrites a known connector record', async () => {
    const existing = await kit.repos.tracks.insert(
      {
        title: 'Only My Railgun',
        artists: ['fripSide'],
        album: null,
        durationMs: 255_000,
        releaseDate: null,
        isrc: null,
        mbid: null,
        confidence: 90,
        source: 'spotify',
      },
      T0,
    );
    await kit.repos.connectorTracks.upsertMany([
      {
        service: 'spotify',
        externalId: '3aJ2aJz5xL03hpaqdPS7Ah',
        title: 'Only My Railgun',
        artists: ['fripSide'],
        album: 'infinite synthesis',
        durationMs: 255_000,
        isrc: null,
        releaseDate: null,
        attributes: { explicit: false },
        raw: { from: 'web api' },
        fetchedAt: T0,
      },
    ]);
    await kit.repos.trackMappings.upsert({
      trackId: existing.id,
      service: 'spotify',
      externalId: '3aJ2aJz5xL03hpaqdPS7Ah',
      confidence: 100,
      method: 'spotify_id',
      status: 'accepted',
      evidence: { factors: [], notes: [] },
      pinned: false,
      createdAt: T0,
      updatedAt: T0,
    });

    await kit.recorder.record([spotifyRow(T0 + 300_000, 250_000)]);

    expect(await kit.count('tracks')).toBe(1);
    expect((await kit.playHistory.forTracks([existing.id]))[0]?.totalPlays).toBe(1);
    expect((await kit.repos.connectorTracks.find('spotify', '3aJ2aJz5xL03hpaqdPS7Ah'))?.raw).toEqual({
      from: 'web api',
    });
  });

  it('counts a listen in overlapping extended and account-data exports once', async () => {
    const end = T0 + 200_000;
    await kit.recorder.record([spotifyRow(end, 200_000)]);
    // The account data has the end time to the minute and no URI.
    const minute = Math.floor(end / 60_000) * 60_000;
    const outcome = await kit.recorder.record([
      spotifyRow(minute, 200_400, { format: 'account', trackUri: null, albumName: null }),
    ]);

    expect(outcome.sameAsHeld).toBe(1);
    expect(await kit.countedPlays()).toBe(1);
  });

  it('re-points listens when resolution merges tracks, and recounts nothing', async () => {
    await kit.recorder.record([scrobble(T0), spotifyRow(T0 + 9_000_000, 200_000)]);
    const [lastfmMapping] = await kit.repos.trackMappings.find(
      'lastfm',
      lastfmTrackKey('fripSide', 'only my railgun'),
    );
    const [spotifyMapping] = await kit.repos.trackMappings.find('spotify', '3aJ2aJz5xL03hpaqdPS7Ah');
    const merged = (await kit.repos.tracks.findById(lastfmMapping!.trackId))!;
    const survivor = (await kit.repos.tracks.findById(spotifyMapping!.trackId))!;

    await kit.repos.tracks.recordMerge(merged.mergeInto(survivor, T0));

    expect(await kit.dailyTotal()).toBe(2);
    const [fromSurvivor, fromMerged] = await kit.playHistory.forTracks([survivor.id, merged.id]);
    expect(fromSurvivor).toMatchObject({ totalPlays: 2, lastPlayedAt: T0 + 9_000_000 - 200_000 });
    expect(fromMerged).toMatchObject({ trackId: merged.id, totalPlays: 2 });
    // A later scrobble of the same song now lands on the survivor through the re-pointed mapping.
    await kit.recorder.record([scrobble(T0 + 20_000_000)]);
    expect((await kit.playHistory.forTracks([survivor.id]))[0]!.totalPlays).toBe(3);
  });
});

describe('SqlPlayHistoryQuery', () => {
  let kit: HistoryKit;
  beforeEach(async () => {
    kit = await openHistoryKit();
  });
  afterEach(() => kit.dispose());

  it('answers total plays, last played and plays in a period, leaving duplicates out', async () => {
    await kit.recorder.record([scrobble(T0), scrobble(T0 + 86_400_000), scrobble(T0 + 2 * 86_400_000)]);
    await kit.recorder.record([spotifyRow(T0 + 200_000, 200_000)]);
    const [mapping] = await kit.repos.trackMappings.find(
      'lastfm',
      lastfmTrackKey('fripSide', 'only my railgun'),
    );

    const [history, never] = await kit.playHistory.forTracks([mapping!.trackId, 999_999], {
      period: { from: T0 + 1, to: T0 + 2 * 86_400_000 },
    });

    expect(history).toEqual({
      trackId: mapping!.trackId,
      totalPlays: 3,
      lastPlayedAt: T0 + 2 * 86_400_000,
      playsInPeriod: 1,
    });
    expect(never).toEqual({ trackId: 999_999, totalPlays: 0, lastPlayedAt: null, playsInPeriod: 0 });
  });

  it('counts one listener’s plays when asked', async () => {
    await kit.recorder.record([scrobble(T0)]);
    const [mapping] = await kit.repos.trackMappings.find(
      'lastfm',
      lastfmTrackKey('fripSide', 'only my railgun'),
    );
    expect((await kit.playHistory.forTracks([mapping!.trackId], { user: 'bo' }))[0]!.totalPlays).toBe(0);
    expect((await kit.playHistory.forTracks([mapping!.trackId], { user: 'ana' }))[0]!.totalPlays).toBe(1);
  });
});
