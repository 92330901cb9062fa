// Turns a restore source's items into the Spotify URIs to restore, in order: each by its URI, else
// found again (track id, ISRC, search, scored under the identity rules); what cannot be is reported.
import type { ProgressReporter } from '../../ports/progress.port.js';
import { restoreRoute, type RestoreItem } from '../../../domain/backup/restore-source.js';
import type { SpotifyTrackFinder } from './find-spotify-track.js';

export interface UnrestoredItem {
  readonly position: number;
  readonly name: string | null;
  readonly artists: readonly string[];
  readonly reason: string;
  /** A match below the auto-accept threshold: not restored, shown so the user can decide. */
  readonly candidate?: { readonly uri: string; readonly confidence: number };
}

export interface ResolvedItems {
  /** URIs to restore, in the source's order. */
  readonly uris: readonly string[];
  readonly unrestored: readonly UnrestoredItem[];
  /** Items that needed a look-up on Spotify. */
  readonly lookedUp: number;
}

export interface ResolveOptions {
  /** Times each URI occurs in the target playlist now (local files can only be kept, never added). */
  readonly present: ReadonlyMap<string, number>;
  /** Check every URI the playlist lacks with Spotify before trusting it (after Spotify refused one). */
  readonly verify: boolean;
}

export async function resolveRestoreItems(
  items: readonly RestoreItem[],
  finder: SpotifyTrackFinder,
  progress: ProgressReporter,
  options: ResolveOptions,
): Promise<ResolvedItems> {
  const uris: string[] = [];
  const unrestored: UnrestoredItem[] = [];
  const localLeft = new Map(options.present);
  let lookedUp = 0;
  const task = progress.task('Resolving items', items.length);
  for (const item of items) {
    const route = restoreRoute(item, new Set(localLeft.keys()));
    const skip = (reason: string): void => void unrestored.push({ ...describe(item), reason });
    if (route.kind === 'skip') skip(route.reason);
    else if (route.kind === 'uri' && item.kind === 'local') {
      const left = localLeft.get(route.uri) ?? 0;
      if (left > 0) uris.push(route.uri);
      else skip('a local file: Spotify only lets its apps add local files');
      localLeft.set(route.uri, left - 1);
    } else if (route.kind === 'uri' && (!options.verify || options.present.has(route.uri))) {
      uris.push(route.uri);
    } else {
      lookedUp += 1;
      const found = await finder.find({
        title: item.name,
        artists: item.artists,
        album: item.album,
        durationMs: item.durationMs,
        isrc: item.isrc,
        mbid: item.mbid,
        uri: item.uri,
      });
      if (found.kind === 'found') uris.push(`spotify:track:${found.track.externalId}`);
      else if (found.kind === 'review') {
        unrestored.push({
          ...describe(item),
          reason: `only a doubtful match, ${found.track.artists.join(', ')} – ${found.track.title} (confidence ${found.score.confidence}); add it by hand if it is the same recording`,
          candidate: { uri: `spotify:track:${found.track.externalId}`, confidence: found.score.confidence },
        });
      } else skip(found.reason);
    }
    task.advance();
  }
  task.done(`${uris.length} of ${items.length} items to restore`);
  return { uris, unrestored, lookedUp };
}

function describe(item: RestoreItem): Pick<UnrestoredItem, 'position' | 'name' | 'artists'> {
  return { position: item.position, name: item.name, artists: item.artists };
}
