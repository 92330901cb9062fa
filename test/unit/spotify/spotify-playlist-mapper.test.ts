import { describe, expect, it } from '@jest/globals';
import {
  embeddedEntries,
  mapPlaylistEntries,
  mapPlaylistEntry,
  mapPlaylistSummary,
  playlistContent,
} from '../../../src/infrastructure/connectors/spotify/spotify-playlist-mapper.js';
import type {
  WirePlaylist,
  WirePlaylistItem,
} from '../../../src/infrastructure/connectors/spotify/spotify-wire.js';
import {
  aFakeEpisode,
  aFakeTrack,
  localFileUri,
  trackUri,
} from '../../fakes/spotify/fake-spotify-builders.js';
import { FakeSpotifyState } from '../../fakes/spotify/fake-spotify-model.js';
import { FakeSpotifyWire } from '../../fakes/spotify/fake-spotify-wire.js';
import { spotifyFixture } from './spotify-fixtures.js';

const FETCHED_AT = Date.UTC(2026, 3, 1);

describe('playlists from the pre-2026 fixtures', () => {
  it('maps get-playlist.json and sees its embedded first page (`tracks` key)', () => {
    const wire = spotifyFixture<WirePlaylist>('get-playlist.json');

    expect(mapPlaylistSummary(wire)).toEqual({
      id: '59ZbFPES4DQwEjBpWHzrtC',
      name: 'Dinner with Friends',
      description: 'Having friends over for dinner? Here´s the perfect playlist.',
      ownerId: 'spotify',
      ownerName: null,
      isPublic: null,
      collaborative: false,
      snapshotId: 'bNLWdmhh+HDsbHzhckXeDC0uyKyg4FjPI/KEsKjAE526usnz2LxwgyBoMShVL+z+',
      itemCount: 105,
    });
    expect(embeddedEntries(wire)?.items).toHaveLength(1);
    expect(playlistContent(wire)?.next).toContain('offset=100');
    const [entry] = mapPlaylistEntries(playlistContent(wire)!.items!, 0, FETCHED_AT);
    expect(entry).toMatchObject({
      kind: 'track',
      position: 0,
      addedBy: 'spotify',
      uri: 'spotify:track:4i9sYtSIlR80bxje5B3rUb',
    });
    expect(entry!.kind === 'track' && entry!.track.isrc?.value).toBe('GBUM71403920');
  });

  it('maps get-playlist-tracks.json, keeping the entry that has no track as unavailable', () => {
    const page = spotifyFixture<{ items: WirePlaylistItem[] }>('get-playlist-tracks.json');

    const entries = mapPlaylistEntries(page.items, 40, FETCHED_AT);

    expect(entries.map((e) => [e.position, e.kind])).toEqual([
      [40, 'track'],
      [41, 'unavailable'],
    ]);
    expect(entries[1]).toEqual({
      position: 41,
      kind: 'unavailable',
      uri: null,
      addedAt: Date.UTC(2016, 9, 11, 13, 44, 40),
      addedBy: 'spotify_españa',
    });
  });

  it('maps the user playlists list, where content is only `{href,total}`', () => {
    const list = spotifyFixture<{ items: WirePlaylist[] }>('get-me-playlists.json');

    const summaries = list.items.map(mapPlaylistSummary);

    expect(summaries.map((s) => [s.id, s.ownerId, s.itemCount, s.isPublic])).toEqual([
      ['53Y8wT46QIMz5H4WQ8O22c', 'wizzler', 30, true],
      ['1AVZz0mBuGbCEoNRQdYQju', 'wizzlersmate', 58, true],
    ]);
    expect(embeddedEntries(list.items[0]!)).toBeNull();
  });
});

describe('2026 playlist entries', () => {
  const track = {
    id: '4iV5W9uYEdYUVa79Axb7Rh',
    uri: 'spotify:track:4iV5W9uYEdYUVa79Axb7Rh',
    name: 'New',
    type: 'track',
  };

  it('reads `item` first and falls back to `track`', () => {
    expect(mapPlaylistEntry({ item: track, track: null }, 0, FETCHED_AT)).toMatchObject({
      kind: 'track',
      uri: track.uri,
    });
    expect(mapPlaylistEntry({ track }, 0, FETCHED_AT)).toMatchObject({ kind: 'track', uri: track.uri });
    expect(mapPlaylistEntry({ item: null, track }, 0, FETCHED_AT)).toMatchObject({ kind: 'track' });
    expect(mapPlaylistEntry({ item: null, track: null }, 0, FETCHED_AT)).toMatchObject({
      kind: 'unavailable',
    });
  });

  it('recognises episodes by type and by the old `episode` flag', () => {
    const episode = {
      id: '512ojhOuo1ktJprKbVcKyQ',
      uri: 'spotify:episode:512ojhOuo1ktJprKbVcKyQ',
      name: 'Talk',
      type: 'episode',
      show: { name: 'Pod' },
    };

    expect(mapPlaylistEntry({ item: episode }, 3, FETCHED_AT)).toMatchObject({
      kind: 'episode',
      position: 3,
      episode: { title: 'Talk', show: 'Pod' },
    });
    expect(
      mapPlaylistEntry({ track: { ...episode, type: 'track', episode: true } }, 0, FETCHED_AT).kind,
    ).toBe('episode');
  });

  it('marks a local file from the entry flag or the URI', () => {
    const local = { id: null, uri: 'spotify:local:A:B:C:10', name: 'C', type: 'track' };

    expect(mapPlaylistEntry({ is_local: true, item: local }, 0, FETCHED_AT)).toMatchObject({
      kind: 'local',
      uri: local.uri,
    });
    expect(mapPlaylistEntry({ item: local }, 0, FETCHED_AT)).toMatchObject({ kind: 'local' });
  });

  it('keeps a track Spotify marks unplayable as unavailable, with its URI', () => {
    expect(mapPlaylistEntry({ item: { ...track, is_playable: false } }, 0, FETCHED_AT)).toMatchObject({
      kind: 'unavailable',
      uri: track.uri,
    });
  });

  it('keeps a `null` in a page in its place as an unavailable entry (Spotify counts it in the total)', () => {
    const entries = mapPlaylistEntries([{ item: track }, null, { item: track }], 10, FETCHED_AT);
    expect(entries.map((e) => [e.position, e.kind, e.uri])).toEqual([
      [10, 'track', track.uri],
      [11, 'unavailable', null],
      [12, 'track', track.uri],
    ]);
  });

  it('reads the summary from the 2026 `items` key', () => {
    expect(mapPlaylistSummary({ id: 'x', items: { total: 7 }, tracks: { total: 3 } }).itemCount).toBe(7);
  });
});

describe('bodies the fake Spotify emits (2026 shape)', () => {
  it('maps a fake playlist page with track, local file, episode and unavailable entries', () => {
    const state = new FakeSpotifyState();
    const wire = new FakeSpotifyWire(state, () => 'http://127.0.0.1:1/v1');
    const [kept, gone] = [aFakeTrack({ isrc: 'GBUM71403920' }), aFakeTrack()];
    const episode = aFakeEpisode({ showName: 'Pod' });
    state.tracks.set(kept.id, kept);
    state.episodes.set(episode.id, episode);
    const local = localFileUri({ artist: 'Me', album: 'Tapes', title: 'One', seconds: 61 });
    const entries = [trackUri(kept), local, `spotify:episode:${episode.id}`, trackUri(gone)].map((uri) => ({
      uri,
      addedAt: '2026-03-10T12:00:00Z',
      addedBy: 'me',
    }));

    const mapped = mapPlaylistEntries(
      entries.map((entry) => wire.playlistEntry(entry) as WirePlaylistItem),
      0,
      FETCHED_AT,
    );

    expect(mapped.map((e) => e.kind)).toEqual(['track', 'local', 'episode', 'unavailable']);
    expect(mapped[0]!.kind === 'track' && mapped[0]!.track.isrc?.value).toBe('GBUM71403920');
    expect(mapped[1]!.kind === 'local' && mapped[1]!.track).toMatchObject({
      externalId: local,
      title: 'One',
      durationMs: 61_000,
    });
    expect(mapped.every((e) => e.addedAt === Date.UTC(2026, 2, 10, 12) && e.addedBy === 'me')).toBe(true);
  });
});
