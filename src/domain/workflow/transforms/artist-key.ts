// The artist a track is counted under by the artist-aware transforms: its primary (first-credited)
// artist, compared case-insensitively after trimming and Unicode normalisation.
import type { Track } from '../../track/track.js';

export function primaryArtistKey(track: Track): string {
  return (track.artists[0] ?? '').normalize('NFC').trim().toLowerCase();
}
