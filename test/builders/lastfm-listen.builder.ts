// aLastfmListen(): one scrobble as the Last.fm connector hands it to the application.
import type { LastfmListen } from '../../src/application/ports/lastfm.port.js';

/** A scrobble by "Band" at `playedAt`, with no MusicBrainz ids, album or URL; overrides win. */
export function aLastfmListen(playedAt: number, overrides: Partial<LastfmListen> = {}): LastfmListen {
  return {
    artist: 'Band',
    artistMbid: null,
    title: `Song ${playedAt}`,
    mbid: null,
    album: null,
    albumMbid: null,
    playedAt,
    loved: null,
    url: null,
    rawText: '{}',
    ...overrides,
  };
}
