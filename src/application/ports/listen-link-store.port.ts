// Listens linked to the media library's tracks: which library track each play is, how sure Narada is,
// why, and the other candidates kept for `narada tracks review`.
import type { MatchEvidence, MatchMethod } from '../../domain/track/track-mapping.js';
import type { Track, TrackId } from '../../domain/track/track.js';

/** linked: one library track, sure; ambiguous: candidates wait for a person; unlinked: none fits. */
export type ListenLinkStatus = 'linked' | 'ambiguous' | 'unlinked';

/** How a link was made: the play's track is a library track, the matcher chose it, or a person did. */
export type ListenLinkMethod = MatchMethod | 'same_track';

export interface ListenLinkCandidate {
  readonly trackId: TrackId;
  /** Integer 0–100. */
  readonly confidence: number;
  readonly method: ListenLinkMethod;
  readonly evidence: MatchEvidence;
}

/** What linking decided for the plays of one track. */
export interface ListenLinkVerdict {
  readonly status: ListenLinkStatus;
  readonly chosen: ListenLinkCandidate | null;
  readonly reason: string;
  /** Every candidate worth a look, best first (the chosen one included). */
  readonly candidates: readonly ListenLinkCandidate[];
}

/** A track some library file became (merges followed), with how sure the file's mapping to it is. */
export interface LibraryTrack {
  readonly track: Track;
  readonly confidence: number;
  readonly method: MatchMethod;
  readonly files: number;
}

export interface LibraryTracks {
  readonly tracks: readonly LibraryTrack[];
  /** Changes whenever a library track comes, goes or changes what the matcher sees of it. */
  readonly state: string;
}

/** A play whose link is missing or out of date. */
export interface PlayToLink {
  readonly playId: number;
  readonly trackId: TrackId;
}

export interface ListenLinkWrite {
  readonly playId: number;
  readonly playTrackId: TrackId;
  readonly verdict: ListenLinkVerdict;
  readonly libraryState: string;
  readonly byUser: boolean;
  readonly linkedAt: number;
}

/** The ambiguous listens of one track, waiting for a person. */
export interface ListenLinkQuestion {
  readonly playTrackId: TrackId;
  readonly listens: number;
  readonly candidates: readonly ListenLinkCandidate[];
}

export type ListenLinkCounts = Readonly<Record<ListenLinkStatus, number>>;

export interface ListenLinkStore {
  libraryTracks(): Promise<LibraryTracks>;
  /**
   * Plays (duplicates left out) never linked, whose track changed, or — unless a person decided —
   * linked against another library state.
   */
  playsToLink(libraryState: string): Promise<PlayToLink[]>;
  tracksByIds(ids: readonly TrackId[]): Promise<Track[]>;
  save(links: readonly ListenLinkWrite[]): Promise<void>;
  counts(): Promise<ListenLinkCounts>;
  /** Ambiguous listens grouped by their track, by track id. */
  questions(): Promise<ListenLinkQuestion[]>;
  /** A person's answer for every ambiguous listen of `playTrackId`; returns how many listens it settled. */
  decide(playTrackId: TrackId, verdict: ListenLinkVerdict, at: number): Promise<number>;
}
