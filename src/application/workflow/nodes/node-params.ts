// Config pieces several nodes share: playlist references in every form users paste, counts, and the
// older key spellings original narada files use.
import * as z from 'zod';
import { SpotifyRef } from '../../../domain/values/spotify-ref.js';

const PLAYLIST_FORMS = 'a Spotify playlist id, a spotify:playlist: URI or an open.spotify.com/playlist link';

/** A Spotify playlist in any form a user pastes, read as its bare id. */
export const spotifyPlaylistId = z
  .string()
  .transform((text, ctx) => {
    const ref = SpotifyRef.tryParse(text, 'playlist');
    if (ref !== null) return ref.id;
    ctx.issues.push({ code: 'custom', input: text, message: `must be ${PLAYLIST_FORMS}` });
    return z.NEVER;
  })
  .describe(`The playlist: ${PLAYLIST_FORMS}`);

export type PlaylistTarget =
  { readonly kind: 'spotify'; readonly id: string } | { readonly kind: 'internal'; readonly id: number };

/** A Spotify playlist, or a playlist of Narada's own database by its number. */
export const playlistTarget = z
  .union([z.number().int().positive(), z.string()])
  .transform((value, ctx): PlaylistTarget => {
    if (typeof value === 'number') return { kind: 'internal', id: value };
    if (/^\d{1,15}$/.test(value.trim())) return { kind: 'internal', id: Number(value.trim()) };
    const ref = SpotifyRef.tryParse(value, 'playlist');
    if (ref !== null) return { kind: 'spotify', id: ref.id };
    ctx.issues.push({
      code: 'custom',
      input: value,
      message: `must be ${PLAYLIST_FORMS}, or the number of a playlist in Narada's database`,
    });
    return z.NEVER;
  })
  .describe(`The playlist to change: ${PLAYLIST_FORMS}, or the number of a playlist in Narada's database`);

/** A whole number of things or days, ≥ 0. */
export const wholeNumber = (description: string) => z.number().int().min(0).describe(description);

/** An older spelling of `canonical`, accepted so original files run unchanged. */
export function aliasOf<S extends z.ZodType>(canonical: string, schema: S) {
  return schema.optional().describe(`Older spelling of "${canonical}"; use "${canonical}" in new files`);
}

export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

/** How many Last.fm requests an enricher keeps in flight. */
export const lastfmConcurrency = z
  .number()
  .int()
  .min(1)
  .max(10)
  .default(5)
  .describe('Requests kept in flight (Last.fm allows ~5/s)');
