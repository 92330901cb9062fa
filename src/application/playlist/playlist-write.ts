// What a destination task did to each copy of its playlist (Spotify's, Narada's own in the local
// database), what it left alone and why, and the guard that stops a plan from silently emptying one.
import { InvalidInputError } from '../../domain/shared/errors.js';
import type { PlaylistChange } from './playlist-change.js';

/** Spotify's playlist, or Narada's own (a playlist in the local database, maybe a copy of one on Spotify). */
export type PlaylistCopy = 'spotify' | 'narada';

export interface PlaylistWrite {
  readonly copy: PlaylistCopy;
  /** No id in the dry run of a create: the playlist does not exist yet. */
  readonly playlist: { readonly id?: string | number; readonly name: string; readonly url?: string };
  readonly change: PlaylistChange;
}

export interface LeftAlone {
  readonly copy: PlaylistCopy;
  readonly reason: string;
}

/** Why a destination wrote nothing: `--dry-run`, or `"dry_run": true` in the task's config. */
export type DryRunSource = 'flag' | 'config';

/** The run-record details every destination returns (read by the run report and `--json`). */
export interface DestinationDetails {
  readonly dryRun: boolean;
  readonly dryRunBy: DryRunSource | null;
  /** The first write (Spotify's when there is one), as earlier run records had it. */
  readonly playlist: PlaylistWrite['playlist'];
  readonly change: PlaylistChange;
  /** Every copy written, or planned in a dry run, Spotify's first. */
  readonly writes: readonly PlaylistWrite[];
  readonly untouched: readonly LeftAlone[];
  /** Copies the plan would empty; a dry run says so, a real run needs --allow-empty. */
  readonly wouldEmpty: readonly PlaylistCopy[];
  readonly [key: string]: unknown;
}

export function destinationDetails(
  writes: readonly PlaylistWrite[],
  facts: {
    readonly dryRunBy: DryRunSource | null;
    readonly untouched?: readonly LeftAlone[];
    readonly wouldEmpty?: readonly PlaylistCopy[];
    readonly extra?: Readonly<Record<string, unknown>>;
  },
): DestinationDetails {
  const first = writes[0]!;
  return {
    ...facts.extra,
    dryRun: facts.dryRunBy !== null,
    dryRunBy: facts.dryRunBy,
    playlist: first.playlist,
    change: first.change,
    writes,
    untouched: facts.untouched ?? [],
    wouldEmpty: facts.wouldEmpty ?? [],
  };
}

export function copyName(copy: PlaylistCopy, name: string): string {
  return copy === 'spotify' ? `Spotify playlist "${name}"` : `Narada's copy of "${name}"`;
}

/**
 * Whether applying the plan would leave the playlist with no tracks when it has some now. An empty
 * track list usually means an upstream filter or source went wrong, so it is never applied silently.
 */
export function wouldEmpty(tracksBefore: number, tracksAfter: number): boolean {
  return tracksBefore > 0 && tracksAfter === 0;
}

/** Thrown before anything is written, so a refused run changes neither Spotify nor the database. */
export function emptyingRefused(copy: PlaylistCopy, name: string, items: number): InvalidInputError {
  return new InvalidInputError(
    'WORKFLOW.WOULD_EMPTY_PLAYLIST',
    `its plan would remove every track of ${copyName(copy, name)} (${items} now) and nothing was written; ` +
      'check the tasks upstream (a filter or source that found nothing?), or run again with --allow-empty to empty it',
    { details: { copy, playlist: name, items } },
  );
}
