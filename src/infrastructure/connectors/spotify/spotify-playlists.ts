// Playlist operations on the 2026 routes: reading (embedded first page, then `/items` pages a few at a
// time), creating under /me/playlists, and writes batched to 100 URIs with the snapshot id chained.
import type {
  NewSpotifyPlaylist,
  PlaylistMove,
  ReadOptions,
  SpotifyPlaylist,
  SpotifyPlaylistEntry,
  SpotifyPlaylistSummary,
} from '../../../application/ports/spotify.port.js';
import { InvalidInputError } from '../../../domain/shared/errors.js';
import type { EpochMs } from '../../../domain/values/time.js';
import type { SpotifyApi } from './spotify-api.js';
import type { SpotifyCall } from './spotify-call.js';
import {
  chunk,
  PLAYLIST_ITEMS_PAGE,
  PLAYLIST_WRITE_LIMIT,
  unique,
  USER_LIST_PAGE,
} from './spotify-batching.js';
import { incompleteReadError, pageProblem, readPlaylistHeader } from './spotify-checked-read.js';
import { playlistNotFoundError, playlistNotYoursError, upstreamStatus } from './spotify-errors.js';
import { pagesInOrder } from './spotify-page-window.js';
import { embeddedEntries, mapPlaylistEntries, mapPlaylistSummary } from './spotify-playlist-mapper.js';
import type { WirePlaylist, WirePlaylistItem, WireSnapshot } from './spotify-wire.js';

const ADDITIONAL_TYPES = 'track,episode';

export class SpotifyPlaylists {
  constructor(
    private readonly api: SpotifyApi,
    private readonly now: () => EpochMs,
  ) {}

  async listMine(options: ReadOptions = {}): Promise<SpotifyPlaylistSummary[]> {
    const result: SpotifyPlaylistSummary[] = [];
    const first: SpotifyCall = {
      method: 'GET',
      path: '/me/playlists',
      query: { limit: USER_LIST_PAGE },
      endpoint: 'GET /me/playlists',
    };
    for await (const page of pagesInOrder<WirePlaylist>(this.api, first, 'Your Spotify playlist list')) {
      result.push(...(page.items ?? []).map(mapPlaylistSummary));
      options.onProgress?.(result.length, page.total ?? null);
    }
    return result;
  }

  /**
   * The playlist and every entry, or a failure: a page that stays unreadable, or a read that does not
   * come to the total Spotify gives, fails the read instead of passing for the whole playlist.
   */
  async get(playlistId: string, options: ReadOptions = {}): Promise<SpotifyPlaylist> {
    const id = checkId(playlistId);
    const subject = `Spotify playlist ${id}`;
    const wire = await this.guard(id, 'read', () =>
      readPlaylistHeader(
        this.api,
        {
          method: 'GET',
          path: `/playlists/${id}`,
          query: { additional_types: ADDITIONAL_TYPES },
          endpoint: 'GET /playlists/{id}',
        },
        subject,
      ),
    );
    const summary = mapPlaylistSummary(wire);
    const entries: SpotifyPlaylistEntry[] = [];
    const fetchedAt = this.now();
    const itemsCall: SpotifyCall = {
      method: 'GET',
      path: `/playlists/${id}/items`,
      query: { limit: PLAYLIST_ITEMS_PAGE, offset: 0, additional_types: ADDITIONAL_TYPES },
      endpoint: 'GET /playlists/{id}/items',
    };
    // The playlist object embeds the first page for owners; reuse it (if whole) and save a request.
    const embedded = embeddedEntries(wire);
    const head = embedded !== null && pageProblem(embedded) === null ? embedded : undefined;
    const total = await this.guard(id, 'read', async () => {
      let last: number | null = null;
      for await (const page of pagesInOrder<WirePlaylistItem>(this.api, itemsCall, subject, head)) {
        entries.push(...mapPlaylistEntries(page.items ?? [], entries.length, fetchedAt));
        last = page.total ?? last;
        options.onProgress?.(entries.length, page.total ?? summary.itemCount);
      }
      return last;
    });
    // Spotify counts every entry in `total` and sends every one (an entry it no longer serves comes
    // with no item; local files and episodes come as they are), so a whole read comes to exactly it.
    if (total !== null && entries.length !== total) {
      throw incompleteReadError(
        'PLAYLIST_READ_INCOMPLETE',
        `${subject}: read ${entries.length} items but Spotify says it has ${total} (cut short, or edited while it was read)`,
        { playlistId: id, read: entries.length, total },
      );
    }
    return Object.freeze({ ...summary, itemCount: entries.length, entries: Object.freeze(entries) });
  }

  async create(playlist: NewSpotifyPlaylist): Promise<SpotifyPlaylistSummary> {
    if (playlist.name.trim() === '') {
      throw new InvalidInputError('SPOTIFY.PLAYLIST_NAME_EMPTY', 'A Spotify playlist needs a name; give one');
    }
    const collaborative = playlist.collaborative ?? false;
    const wire = await this.api.json<WirePlaylist>({
      method: 'POST',
      path: '/me/playlists',
      json: {
        name: playlist.name,
        ...(playlist.description === undefined ? {} : { description: playlist.description }),
        // Spotify requires collaborative playlists to be private.
        public: collaborative ? false : (playlist.isPublic ?? false),
        collaborative,
      },
      endpoint: 'POST /me/playlists',
    });
    return mapPlaylistSummary(wire);
  }

  async add(playlistId: string, uris: readonly string[], position?: number): Promise<string | null> {
    const id = checkId(playlistId);
    let snapshot: string | null = null;
    const batches = chunk(uris, PLAYLIST_WRITE_LIMIT);
    for (const [index, batch] of batches.entries()) {
      const at = position === undefined ? undefined : position + index * PLAYLIST_WRITE_LIMIT;
      snapshot = await this.write(id, {
        method: 'POST',
        path: `/playlists/${id}/items`,
        json: { uris: batch, ...(at === undefined ? {} : { position: at }) },
        endpoint: 'POST /playlists/{id}/items',
      });
    }
    return snapshot;
  }

  async remove(playlistId: string, uris: readonly string[], snapshotId?: string): Promise<string | null> {
    const id = checkId(playlistId);
    let snapshot: string | null = snapshotId ?? null;
    let wrote = false;
    for (const batch of chunk(unique(uris), PLAYLIST_WRITE_LIMIT)) {
      snapshot = await this.write(id, {
        method: 'DELETE',
        path: `/playlists/${id}/items`,
        json: {
          items: batch.map((uri) => ({ uri })),
          ...(snapshot === null ? {} : { snapshot_id: snapshot }),
        },
        endpoint: 'DELETE /playlists/{id}/items',
      });
      wrote = true;
    }
    return wrote ? snapshot : null;
  }

  /** The first 100 replace the playlist; the rest are appended in order. */
  async replace(playlistId: string, uris: readonly string[]): Promise<string> {
    const id = checkId(playlistId);
    const [head = [], ...rest] = chunk(uris, PLAYLIST_WRITE_LIMIT);
    // An empty `uris=` query reads as "no uris given" (a reorder); an empty body list clears.
    const replaced = await this.write(id, {
      method: 'PUT',
      path: `/playlists/${id}/items`,
      ...(head.length === 0 ? { json: { uris: [] } } : { query: { uris: head.join(',') } }),
      endpoint: 'PUT /playlists/{id}/items',
    });
    const appended = await this.add(id, rest.flat());
    return appended ?? replaced;
  }

  async reorder(playlistId: string, move: PlaylistMove): Promise<string> {
    const id = checkId(playlistId);
    return this.write(id, {
      method: 'PUT',
      path: `/playlists/${id}/items`,
      json: {
        range_start: move.rangeStart,
        range_length: move.rangeLength ?? 1,
        insert_before: move.insertBefore,
        ...(move.snapshotId === undefined ? {} : { snapshot_id: move.snapshotId }),
      },
      endpoint: 'PUT /playlists/{id}/items',
    });
  }

  private async write(playlistId: string, call: SpotifyCall): Promise<string> {
    const wire = await this.guard(playlistId, 'change', () => this.api.json<WireSnapshot>(call));
    return wire.snapshot_id ?? '';
  }

  /** Gives 403 and 404 on a playlist their meaning for the user. */
  private async guard<T>(playlistId: string, intent: 'read' | 'change', run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      const status = upstreamStatus(error);
      if (status === 403) throw playlistNotYoursError(playlistId, intent, error);
      if (status === 404) throw playlistNotFoundError(playlistId, error);
      throw error;
    }
  }
}

function checkId(playlistId: string): string {
  if (!/^[0-9A-Za-z]{1,64}$/.test(playlistId)) {
    throw new InvalidInputError(
      'SPOTIFY.BAD_PLAYLIST_ID',
      `"${playlistId}" is not a Spotify playlist id; pass the id or an open.spotify.com/playlist link`,
    );
  }
  return playlistId;
}
