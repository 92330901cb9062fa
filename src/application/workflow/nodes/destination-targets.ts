// What a destination writes: the Spotify URI of each track of its input (the item a source read, or
// the track's Spotify mapping), readable names for reports, the warnings about what was left out, and
// whether this task may write at all (`--dry-run`, or `"dry_run": true` in its config).
import * as z from 'zod';
import type { DryRunSource } from '../../playlist/playlist-write.js';
import type { Track } from '../../../domain/track/track.js';
import type { TrackList } from '../../../domain/workflow/track-list.js';
import type { NodeContext } from '../node-context.js';

export interface SpotifyTarget {
  readonly uris: readonly string[];
  /** Tracks with no Spotify item at all. */
  readonly unlinked: number;
  readonly label: (uri: string) => string;
}

export async function spotifyTarget(ctx: NodeContext, list: TrackList): Promise<SpotifyTarget> {
  const uris = await ctx.state.links.urisFor(list.tracks, ctx.trackMappings);
  const names = new Map<string, string>();
  const kept: string[] = [];
  uris.forEach((uri, index) => {
    if (uri === null) return;
    kept.push(uri);
    names.set(uri, trackLabel(list.tracks[index]!));
  });
  return { uris: kept, unlinked: uris.length - kept.length, label: (uri) => names.get(uri) ?? uri };
}

export function trackLabel(track: Track): string {
  return `${track.primaryArtist || 'Unknown artist'} – ${track.title}`;
}

export function leftOutWarnings(unlinked: number, localFiles: number): string[] {
  const warnings: string[] = [];
  if (unlinked > 0) {
    warnings.push(
      `${unlinked} track(s) have no Spotify item and were left out; \`narada tracks resolve\` may find them`,
    );
  }
  if (localFiles > 0)
    warnings.push(`${localFiles} local file(s) were left out: Spotify's API cannot add local files`);
  return warnings;
}

/** The original narada's per-task dry run; every destination honours it. */
export const dryRunParam = z
  .boolean()
  .default(false)
  .describe("Plan and report this task's changes but write nothing, as --dry-run does for the whole run");

/** Why this task must not write, or null when it may. */
export function dryRunSource(ctx: NodeContext, params: { readonly dry_run: boolean }): DryRunSource | null {
  if (ctx.run.dryRun) return 'flag';
  return params.dry_run ? 'config' : null;
}
