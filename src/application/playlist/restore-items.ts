// Turns a restore source's items into the Spotify URIs to restore, in order: each by its URI, else
// found again (track id, ISRC, search, scored under the identity rules); what cannot be is reported.
import type { ProgressReporter } from '../ports/progress.port.js';
import type { SpotifyPort } from '../ports/spotify.port.js';
import { restoreRoute, type RestoreItem } from '../../domain/backup/restore-source.js';
import { SpotifyRef } from '../../domain/values/spotify-ref.js';
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

export interface RestoreResolvers {
  readonly finder: SpotifyTrackFinder;
  /** Checks the track URIs a restore would add: Spotify refuses a whole add for one it no longer has. */
  readonly spotify: Pick<SpotifyPort, 'getTracks'>;
  readonly progress: ProgressReporter;
}

/**
 * The same for a dry run and a real one: every track URI the target playlist lacks is checked with
 * Spotify first, and one it no longer serves is found again, so the plan a dry run prints is the one
 * a real run carries out. `present`: times each URI occurs in the target playlist now (local files can
 * only be kept, never added).
 */
export async function resolveRestoreItems(
  items: readonly RestoreItem[],
  { finder, spotify, progress }: RestoreResolvers,
  present: ReadonlyMap<string, number>,
): Promise<ResolvedItems> {
  const uris: string[] = [];
  const unrestored: UnrestoredItem[] = [];
  const localLeft = new Map(present);
  const served = await servedTracks(items, present, spotify, progress);
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
    } else if (
      route.kind === 'uri' &&
      (!isTrackUri(route.uri) || present.has(route.uri) || served.has(route.uri))
    ) {
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
        // A track URI just checked and not served is not worth asking for again.
        uri: route.kind === 'uri' ? null : item.uri,
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

/** The track URIs (of those the target lacks) Spotify still serves: one look-up each, a few at a time. */
async function servedTracks(
  items: readonly RestoreItem[],
  present: ReadonlyMap<string, number>,
  spotify: Pick<SpotifyPort, 'getTracks'>,
  progress: ProgressReporter,
): Promise<Set<string>> {
  const ids = new Set(
    items.flatMap((item) => {
      const ref = item.kind === 'track' ? SpotifyRef.tryParse(item.uri, 'track') : null;
      return ref !== null && !present.has(item.uri!) ? [ref.id] : [];
    }),
  );
  if (ids.size === 0) return new Set();
  const task = progress.task('Checking tracks on Spotify', ids.size);
  let reported = 0;
  const found = await spotify.getTracks([...ids], {
    onProgress: (done) => {
      task.advance(done - reported);
      reported = done;
    },
  });
  task.done(`${found.size} of ${ids.size} still on Spotify`);
  return new Set([...found.keys()].map((id) => `spotify:track:${id}`));
}

function isTrackUri(uri: string): boolean {
  return uri.startsWith('spotify:track:');
}

function describe(item: RestoreItem): Pick<UnrestoredItem, 'position' | 'name' | 'artists'> {
  return { position: item.position, name: item.name, artists: item.artists };
}
