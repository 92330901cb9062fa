// The saved-tracks library: read newest first through `GET /me/tracks` (pages of 50), written
// through the 2026 `PUT`/`DELETE /me/library?uris=` in batches of at most 40.
import type { ReadOptions, SavedTrack } from '../../../application/ports/spotify.port.js';
import { InvalidInputError } from '../../../domain/shared/errors.js';
import type { EpochMs } from '../../../domain/values/time.js';
import type { SpotifyApi } from './spotify-api.js';
import { chunk, LIBRARY_WRITE_LIMIT, unique, USER_LIST_PAGE } from './spotify-batching.js';
import { incompleteReadError } from './spotify-checked-read.js';
import { mapSavedTrack } from './spotify-library-mapper.js';
import type { WireSavedTrack } from './spotify-wire.js';

const TRACK_ID = /^[0-9A-Za-z]{22}$/;

export class SpotifyLibrary {
  constructor(
    private readonly api: SpotifyApi,
    private readonly now: () => EpochMs,
  ) {}

  /**
   * Every saved track newest first (or those since `addedSince`), or a failure: a page that stays
   * unreadable, a list that ends before the total Spotify gives, or one whose total changes while it
   * is read, fails the read instead of passing for the whole library (an import forgets, and a mirror
   * sync removes, what the list lacks).
   */
  async listSaved(options: ReadOptions & { readonly addedSince?: EpochMs } = {}): Promise<SavedTrack[]> {
    const result: SavedTrack[] = [];
    const fetchedAt = this.now();
    const pages = this.api.pages<WireSavedTrack>({
      method: 'GET',
      path: '/me/tracks',
      query: { limit: USER_LIST_PAGE, offset: 0 },
      endpoint: 'GET /me/tracks',
    });
    let read = 0;
    let total: number | null = null;
    let changed = false;
    for await (const page of pages) {
      read += page.items?.length ?? 0;
      // A track removed while the list is read shifts the later pages and one still saved is skipped.
      const pageTotal = typeof page.total === 'number' ? page.total : null;
      changed ||= total !== null && pageTotal !== null && pageTotal !== total;
      total = pageTotal ?? total;
      for (const wire of page.items ?? []) {
        const saved = mapSavedTrack(wire, fetchedAt);
        if (saved === null) continue;
        // Newest first: the first older one means the rest are known already.
        if (options.addedSince !== undefined && saved.addedAt < options.addedSince) {
          options.onProgress?.(result.length, result.length);
          return result;
        }
        result.push(saved);
      }
      options.onProgress?.(result.length, page.total ?? null);
    }
    if (total !== null && (changed || read < total)) {
      throw incompleteReadError(
        'LIST_READ_INCOMPLETE',
        `Your Spotify saved tracks: read ${read} but Spotify says there are ${total} (cut short, or changed while they were read)`,
        { endpoint: 'GET /me/tracks', read, total },
      );
    }
    return result;
  }

  save(trackIds: readonly string[]): Promise<void> {
    return this.change('PUT', trackIds);
  }

  remove(trackIds: readonly string[]): Promise<void> {
    return this.change('DELETE', trackIds);
  }

  private async change(method: 'PUT' | 'DELETE', trackIds: readonly string[]): Promise<void> {
    const uris = unique(trackIds).map(trackUri);
    for (const batch of chunk(uris, LIBRARY_WRITE_LIMIT)) {
      await this.api.call({
        method,
        path: '/me/library',
        query: { uris: batch.join(',') },
        endpoint: `${method} /me/library`,
      });
    }
  }
}

/** `spotify:track:<id>` from a bare track id; refuses anything else before it reaches Spotify. */
export function trackUri(trackId: string): string {
  if (!TRACK_ID.test(trackId)) {
    throw new InvalidInputError(
      'SPOTIFY.BAD_TRACK_ID',
      `"${trackId}" is not a Spotify track id (22 letters and digits); pass ids, not URIs or links`,
    );
  }
  return `spotify:track:${trackId}`;
}
