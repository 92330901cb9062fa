// The likes both layers of the likes-sync tests start from (the integration tests with the real
// clients, the end-to-end ones with the built CLI): five saved tracks on the fake Spotify, and on the
// fake Last.fm one loved as is, one loved under its plain title, one spelt otherwise, one unknown.
import { aCatalogTrack } from '../lastfm/fake-lastfm-builders.js';
import type { FakeLastfm } from '../lastfm/fake-lastfm.js';
import { aFakeTrack } from '../spotify/fake-spotify-builders.js';
import type { FakeTrack } from '../spotify/fake-spotify-model.js';
import type { FakeSpotify } from '../spotify/fake-spotify.js';

export interface LikesLibrary {
  readonly lovedAlready: FakeTrack;
  readonly remastered: FakeTrack;
  readonly misspelt: FakeTrack;
  readonly unknown: FakeTrack;
  /** On Last.fm under the same name, not loved yet: the one a sync must love. */
  readonly plain: FakeTrack;
}

/** Adds the five tracks to Spotify (not saved: the caller saves them, on its own clock) and Last.fm's side. */
export function seedLikesLibrary(spotify: FakeSpotify, lastfm: FakeLastfm, user: string): LikesLibrary {
  const [lovedAlready, remastered, misspelt, unknown, plain] = spotify.addTracks(
    aFakeTrack({ name: 'Karma Police', artist: 'Radiohead' }),
    aFakeTrack({ name: 'Hey Jude - Remastered 2015', artist: 'The Beatles' }),
    aFakeTrack({ name: 'Hoppipolla', artist: 'Sigur Ros' }),
    aFakeTrack({ name: 'Basement Demo', artist: 'Nobody Knows' }),
    aFakeTrack({ name: 'Reckoner', artist: 'Radiohead' }),
  );
  for (const [artist, track] of [
    ['Radiohead', 'Karma Police'],
    ['The Beatles', 'Hey Jude'],
    ['Sigur Rós', 'Hoppípolla'],
    ['Radiohead', 'Reckoner'],
  ] as const) {
    lastfm.addTrack(aCatalogTrack({ artist, track }));
  }
  lastfm.autocorrect('Sigur Ros', 'Sigur Rós');
  lastfm.autocorrect('Hoppipolla', 'Hoppípolla');
  lastfm.addLove(user, { artist: 'Radiohead', track: 'Karma Police', date: 1_600_000_000 });
  lastfm.addLove(user, { artist: 'The Beatles', track: 'Hey Jude', date: 1_600_000_100 });
  return {
    lovedAlready: lovedAlready!,
    remastered: remastered!,
    misspelt: misspelt!,
    unknown: unknown!,
    plain: plain!,
  };
}

/** The user's loves on the fake Last.fm now, as "artist – track", sorted. */
export function lovesOn(lastfm: FakeLastfm, user: string): string[] {
  return lastfm.state
    .lovesNewestFirst(user)
    .map((l) => `${l.artist} – ${l.track}`)
    .sort();
}
