// A playlist named on the command line: an id, a `spotify:playlist:` URI or an open.spotify.com link.
import { InvalidInputError, isNaradaError } from '../../domain/shared/errors.js';
import { SpotifyRef } from '../../domain/values/spotify-ref.js';

/** Spotify's own ids are 22 characters; other services' playlists (and tests) may use shorter ones. */
const LOOSE_ID = /^[0-9A-Za-z]{1,64}$/;

export function playlistIdOf(input: string): string {
  const text = input.trim();
  if (LOOSE_ID.test(text)) return text;
  try {
    return SpotifyRef.parse(text, 'playlist').id;
  } catch (error) {
    if (!isNaradaError(error)) throw error;
    throw new InvalidInputError(
      'PLAYLIST.BAD_REFERENCE',
      `"${input}" names no Spotify playlist: pass its id, its spotify:playlist:… URI or its open.spotify.com/playlist/… link`,
      { cause: error },
    );
  }
}
