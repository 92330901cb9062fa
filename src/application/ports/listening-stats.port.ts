// Read models over the daily roll-ups for `narada stats`: listens per track in a span of days,
// the facts that date a track, and the top tracks and artists.
import type { ArtistTotal } from '../../domain/history/artist-totals.js';
import type { TrackId } from '../../domain/track/track.js';

/** UTC calendar days `YYYY-MM-DD`, both included. */
export interface DayRange {
  readonly from: string;
  readonly to: string;
}

export interface TrackListenTotal {
  readonly trackId: TrackId;
  readonly listens: number;
  readonly msPlayed: number;
}

/** What Narada knows locally about when a track was first released. */
export interface TrackDatingFacts {
  readonly trackId: TrackId;
  /** The stored `original_release_year` metric (from a MusicBrainz release group). */
  readonly originalYear: number | null;
  /** The album date from the Spotify record (or the track's own release date): a fallback. */
  readonly albumDate: string | null;
  readonly mbid: string | null;
  readonly isrc: string | null;
  /** The `mbid` Last.fm gave with a scrobble of the track: usually a recording's, sometimes a MusicBrainz track's. */
  readonly lastfmMbid: string | null;
}

export interface TopTrack {
  readonly trackId: TrackId;
  readonly title: string;
  readonly artist: string;
  readonly listens: number;
  readonly msPlayed: number;
}

/** An artist's listens, its spellings that differ only in case summed (domain/history/artist-totals.ts). */
export type TopArtist = ArtistTotal;

export interface ListeningStats {
  listensByTrack(days: DayRange, user?: string): Promise<TrackListenTotal[]>;
  datingFacts(trackIds: readonly TrackId[]): Promise<TrackDatingFacts[]>;
  topTracks(days: DayRange, limit: number, user?: string): Promise<TopTrack[]>;
  /** By primary artist. */
  topArtists(days: DayRange, limit: number, user?: string): Promise<TopArtist[]>;
}

/** The metric under which a track's original release year is stored. */
export const ORIGINAL_YEAR_METRIC = 'original_release_year';
