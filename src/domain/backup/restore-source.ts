// What a restore works from, whatever the file was: a Narada backup or a playlist of a Spotify
// account-data export. Items keep what is needed to find them again on Spotify.
import type { BackupItemKind, PlaylistBackup } from './playlist-backup.js';

export interface RestoreItem {
  /** 0-based position in the source playlist. */
  readonly position: number;
  readonly kind: BackupItemKind;
  readonly uri: string | null;
  readonly name: string | null;
  readonly artists: readonly string[];
  readonly album: string | null;
  readonly durationMs: number | null;
  readonly isrc: string | null;
  readonly mbid: string | null;
}

export interface RestoreSource {
  readonly origin: 'backup' | 'spotify-export' | 'exportify-csv' | 'jspf';
  /** The file it came from, for messages. */
  readonly file: string;
  /**
   * What the playlist is, across backups of it: a second restore of the same playlist brings the
   * playlist the first one made up to date instead of creating another.
   */
  readonly key: string;
  readonly name: string;
  readonly description: string | null;
  readonly isPublic: boolean | null;
  readonly collaborative: boolean;
  readonly items: readonly RestoreItem[];
}

export function restoreSourceFromBackup(backup: PlaylistBackup, file: string): RestoreSource {
  const { playlist } = backup;
  return {
    origin: 'backup',
    file,
    key: `restore:${playlist.service}:${playlist.id}`,
    name: playlist.name,
    description: playlist.description,
    isPublic: playlist.public,
    collaborative: playlist.collaborative,
    items: backup.items.map((item) => ({
      position: item.position,
      kind: item.kind,
      uri: item.uri,
      name: item.name,
      artists: item.artists,
      album: item.album?.name ?? null,
      durationMs: item.durationMs,
      isrc: item.isrc,
      mbid: item.mbid,
    })),
  };
}

/** How each item gets back onto Spotify, decided before any call. */
export type RestoreRoute =
  /** Its URI is added as it is (a track or episode Spotify served when the backup was taken). */
  | { readonly kind: 'uri'; readonly uri: string }
  /** Found again: its track id if Spotify serves it again, else by ISRC, else by search. */
  | { readonly kind: 'lookup' }
  | { readonly kind: 'skip'; readonly reason: string };

/**
 * Local files cannot be added through the Web API, so they survive only where the target playlist
 * holds them already; entries Spotify no longer served are looked up again by their facts.
 */
export function restoreRoute(item: RestoreItem, targetUris: ReadonlySet<string>): RestoreRoute {
  if (item.kind === 'local') {
    return item.uri !== null && targetUris.has(item.uri)
      ? { kind: 'uri', uri: item.uri }
      : { kind: 'skip', reason: 'a local file: Spotify only lets its apps add local files' };
  }
  if (item.kind === 'episode') {
    return item.uri === null
      ? { kind: 'skip', reason: 'an episode without a URI' }
      : { kind: 'uri', uri: item.uri };
  }
  if (item.kind === 'track' && item.uri !== null && item.uri.startsWith('spotify:track:')) {
    return { kind: 'uri', uri: item.uri };
  }
  const findable = item.uri !== null || item.isrc !== null || (item.name ?? '').trim() !== '';
  return findable
    ? { kind: 'lookup' }
    : {
        kind: 'skip',
        reason: 'unavailable on Spotify, and the file has no URI, ISRC or title to find it by',
      };
}
