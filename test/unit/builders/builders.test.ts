import { beforeEach, describe, expect, it } from '@jest/globals';
import { lastfmTrackKey } from '../../../src/domain/track/connector-track.js';
import { Isrc } from '../../../src/domain/values/isrc.js';
import { Mbid } from '../../../src/domain/values/mbid.js';
import { SpotifyRef } from '../../../src/domain/values/spotify-ref.js';
import { metricValue } from '../../../src/domain/workflow/track-list.js';
import {
  aConnectorTrack,
  aLike,
  aListeningEvent,
  aPlaylist,
  aPlaylistItem,
  aTrack,
  aTrackList,
  aTrackMapping,
  aTrackMetric,
  BUILT_AT,
  resetBuilderIds,
} from '../../builders/index.js';

beforeEach(() => resetBuilderIds());

describe('aTrack', () => {
  it('builds the same track every time from a fresh counter', () => {
    const first = aTrack();
    resetBuilderIds();
    expect(aTrack()).toEqual(first);
    expect(first).toMatchObject({ id: 1, title: 'Track 1', artists: ['Artist 1'], createdAt: BUILT_AT });
  });

  it('gives each track its own id and a valid, distinct ISRC', () => {
    const [a, b] = [aTrack(), aTrack()];
    expect(a.id).not.toBe(b.id);
    expect(a.isrc?.equals(b.isrc)).toBe(false);
    expect(Isrc.parse(String(a.isrc)).equals(a.isrc)).toBe(true);
  });

  it('takes overrides, including null and text for value objects', () => {
    const track = aTrack({
      isrc: null,
      mbid: '5b11f4ce-a62d-471e-81fc-a69a8278c7da',
      releaseDate: '1973-03',
    });
    expect(track.isrc).toBeNull();
    expect(track.mbid?.equals(Mbid.parse('5b11f4ce-a62d-471e-81fc-a69a8278c7da'))).toBe(true);
    expect(String(track.releaseDate)).toBe('1973-03');
  });

  it('points a track built as merged at another track', () => {
    const merged = aTrack({ status: 'merged' });
    expect(merged.mergedInto).not.toBeNull();
    expect(merged.mergedInto).not.toBe(merged.id);
  });
});

describe('aConnectorTrack', () => {
  it('keys a Spotify record by a valid Spotify track id', () => {
    const record = aConnectorTrack();
    expect(SpotifyRef.parse(record.externalId, 'track').id).toBe(record.externalId);
    expect(record.isrc).not.toBeNull();
  });

  it('keys a Last.fm record by its (overridden) artist and title, without ISRC or date', () => {
    const record = aConnectorTrack({ service: 'lastfm', artists: ['Björk'], title: 'Jóga' });
    expect(record.externalId).toBe(lastfmTrackKey('Björk', 'Jóga'));
    expect([record.isrc, record.releaseDate]).toEqual([null, null]);
  });

  it('keys a MusicBrainz record by an MBID', () => {
    expect(Mbid.tryParse(aConnectorTrack({ service: 'musicbrainz' }).externalId)).not.toBeNull();
  });
});

describe('aPlaylist and aPlaylistItem', () => {
  it('lays out track ids at consecutive positions, each added a minute later', () => {
    const playlist = aPlaylist({ trackIds: [7, 8] });
    expect(playlist.items).toEqual([
      { position: 0, trackId: 7, addedAt: BUILT_AT, addedBy: null },
      { position: 1, trackId: 8, addedAt: BUILT_AT + 60_000, addedBy: null },
    ]);
    expect(SpotifyRef.tryParse(playlist.externalId, 'playlist')).not.toBeNull();
  });

  it('makes an internal playlist without an external id', () => {
    expect(aPlaylist({ service: null })).toMatchObject({ service: null, externalId: null });
  });

  it('takes item overrides', () => {
    expect(aPlaylistItem({ position: 3, addedBy: 'friend' })).toMatchObject({
      position: 3,
      addedBy: 'friend',
    });
  });
});

describe('aListeningEvent', () => {
  it('spaces events three minutes apart so their natural keys differ', () => {
    const [a, b] = [aListeningEvent(), aListeningEvent()];
    expect(b.playedAt - a.playedAt).toBe(180_000);
  });

  it('keys a Spotify event by a track URI and records ms played', () => {
    const event = aListeningEvent({ source: 'spotify_export' });
    expect(SpotifyRef.tryParse(event.trackKey, 'track')).not.toBeNull();
    expect(event.msPlayed).toBe(180_000);
    expect(JSON.parse(event.payload)).toMatchObject({ trackKey: event.trackKey });
  });
});

describe('aTrackMapping, aLike and aTrackMetric', () => {
  it('match the method to the service', () => {
    expect(aTrackMapping().method).toBe('spotify_id');
    expect(aTrackMapping({ service: 'lastfm' }).method).toBe('artist_title');
  });

  it('refuse what the domain refuses', () => {
    expect(() => aTrackMapping({ confidence: 101 })).toThrow('Mapping confidence must be an integer 0–100');
  });

  it('take overrides', () => {
    expect(aLike({ service: 'lastfm', likedAt: null })).toMatchObject({ service: 'lastfm', likedAt: null });
    expect(aTrackMetric({ value: 3 }).value).toBe(3);
  });
});

describe('aTrackList', () => {
  it('attaches metric values and play history by track position', () => {
    const [a, b] = [aTrack(), aTrack()];
    const list = aTrackList([a, b], {
      metrics: { total_plays: [3, undefined] },
      playHistory: [undefined, { totalPlays: 1, lastPlayedAt: null }],
    });
    expect([metricValue(list, 'total_plays', a.id), metricValue(list, 'total_plays', b.id)]).toEqual([
      3,
      undefined,
    ]);
    expect([list.playHistory?.has(a.id), list.playHistory?.get(b.id)?.totalPlays]).toEqual([false, 1]);
  });

  it('has no play history unless given one', () => {
    expect(aTrackList([aTrack()]).playHistory).toBeUndefined();
  });
});
