// What Narada needs from Last.fm: listening history, track facts, loves, scrobbling and whose
// session is in use. Results are typed and numeric; the Last.fm wire quirks stay in the connector.
import type { EpochMs } from '../../domain/values/time.js';

/** Last.fm has no track ids: a track is the artist and title as spelled. */
export interface LastfmTrackRef {
  readonly artist: string;
  readonly title: string;
}

/** Paging facts of one response page, as numbers. `page` is 1-based. */
export interface LastfmPageInfo {
  readonly page: number;
  readonly perPage: number;
  readonly totalPages: number;
  readonly total: number;
}

/** One scrobble from the user's history (the now-playing entry is never one). */
export interface LastfmListen {
  readonly artist: string;
  readonly artistMbid: string | null;
  readonly title: string;
  readonly mbid: string | null;
  readonly album: string | null;
  readonly albumMbid: string | null;
  readonly playedAt: EpochMs;
  /** Known only when the history was fetched with extended data. */
  readonly loved: boolean | null;
  readonly url: string | null;
  /** The entry's JSON text exactly as received, for the listening ledger. */
  readonly rawText: string;
}

export interface LastfmListenPage extends LastfmPageInfo {
  readonly listens: readonly LastfmListen[];
}

export interface RecentTracksQuery {
  /** 1-based; default 1. */
  readonly page?: number;
  /** Scrobbles per page; default 200 (Last.fm allows up to 1000). */
  readonly limit?: number;
  /** Only scrobbles at or after this instant. */
  readonly from?: EpochMs;
  /** Only scrobbles before this instant. */
  readonly to?: EpochMs;
  /** Whose history; default the configured or logged-in user. */
  readonly user?: string;
  /**
   * Last.fm's extended form: adds the artist's URL and images and whether the track is loved *now*
   * (not when it was played); about 40% more data per scrobble. Default false.
   */
  readonly extended?: boolean;
}

/** `track.getInfo` facts, under the names Last.fm corrected the query to. */
export interface LastfmTrackInfo {
  readonly artist: string;
  readonly title: string;
  readonly mbid: string | null;
  readonly artistMbid: string | null;
  readonly album: string | null;
  readonly albumMbid: string | null;
  readonly durationMs: number | null;
  readonly globalPlaycount: number | null;
  readonly listeners: number | null;
  /** Null when no user was asked about (or Last.fm left it out). */
  readonly userPlaycount: number | null;
  readonly userLoved: boolean | null;
  readonly url: string | null;
  readonly raw: unknown;
}

export interface TrackInfoQuery extends LastfmTrackRef {
  /** Whose play count and love to include; default the configured or logged-in user. */
  readonly user?: string;
}

export interface TrackSearchQuery {
  readonly title: string;
  readonly artist?: string;
  /** Default 30. */
  readonly limit?: number;
  readonly page?: number;
}

export interface LastfmSearchHit {
  readonly artist: string;
  readonly title: string;
  readonly mbid: string | null;
  readonly listeners: number | null;
  readonly url: string | null;
}

export interface LastfmLovedTrack {
  readonly artist: string;
  readonly artistMbid: string | null;
  readonly title: string;
  readonly mbid: string | null;
  readonly lovedAt: EpochMs | null;
  readonly url: string | null;
  readonly raw: unknown;
}

export interface LastfmLovedTracksPage extends LastfmPageInfo {
  readonly tracks: readonly LastfmLovedTrack[];
}

export interface LovedTracksQuery {
  readonly page?: number;
  /** Default 200. */
  readonly limit?: number;
  readonly user?: string;
}

export interface ScrobbleSubmission {
  readonly artist: string;
  readonly title: string;
  /** When playback started. */
  readonly playedAt: EpochMs;
  readonly album?: string | null;
  readonly albumArtist?: string | null;
  readonly durationMs?: number | null;
  readonly mbid?: string | null;
}

/**
 * Why Last.fm ignored a scrobble: 0 not ignored, 1 artist ignored, 2 track ignored,
 * 3 timestamp too old, 4 timestamp too new, 5 daily scrobble limit exceeded.
 */
export type ScrobbleIgnoredCode = 0 | 1 | 2 | 3 | 4 | 5;

export interface ScrobbleOutcome {
  readonly artist: string;
  readonly title: string;
  readonly album: string | null;
  readonly playedAt: EpochMs;
  readonly accepted: boolean;
  /** A number outside 0–5 if Last.fm invents a new reason. */
  readonly ignoredCode: ScrobbleIgnoredCode | number;
  readonly ignoredMessage: string | null;
  /** Last.fm changed the artist or title it stored. */
  readonly corrected: boolean;
}

export interface ScrobbleReport {
  readonly accepted: number;
  readonly ignored: number;
  /** In submission order. */
  readonly outcomes: readonly ScrobbleOutcome[];
}

export interface LastfmIdentity {
  readonly username: string;
  /** Whether write calls (love, scrobble) have a session key to use. */
  readonly canWrite: boolean;
}

/** The periods Last.fm keeps a user's charts for. */
export const LASTFM_PERIODS = ['overall', '7day', '1month', '3month', '6month', '12month'] as const;
export type LastfmPeriod = (typeof LASTFM_PERIODS)[number];

/** A track Last.fm suggests or charts (track.getSimilar, user.getTopTracks, artist.getTopTracks). */
export interface LastfmChartTrack {
  readonly artist: string;
  readonly artistMbid: string | null;
  readonly title: string;
  readonly mbid: string | null;
  readonly durationMs: number | null;
  /** The user's plays (user.getTopTracks) or everyone's (artist.getTopTracks, track.getSimilar). */
  readonly playcount: number | null;
  /** track.getSimilar's similarity, 0–1; null elsewhere. */
  readonly match: number | null;
  readonly url: string | null;
}

export interface LastfmChartPage extends LastfmPageInfo {
  readonly tracks: readonly LastfmChartTrack[];
}

export interface SimilarTracksQuery extends LastfmTrackRef {
  /** Default 50 (Last.fm's own default is 100). */
  readonly limit?: number;
}

export interface UserTopTracksQuery {
  /** Default `overall`. */
  readonly period?: LastfmPeriod;
  readonly page?: number;
  /** Default 50. */
  readonly limit?: number;
  /** Default the configured or logged-in user. */
  readonly user?: string;
}

export interface ArtistTopTracksQuery {
  readonly artist: string;
  readonly page?: number;
  /** Default 50. */
  readonly limit?: number;
}

/** A tag with Last.fm's weight: its count relative to the item's top tag, 0–100. */
export interface LastfmTag {
  readonly name: string;
  readonly count: number;
}

export interface LastfmPort {
  /**
   * One page of history, newest first. A page Last.fm sends empty although its paging says it holds
   * scrobbles (or cut short, or with error 8) is asked again, then thrown as a failure: never
   * returned as an empty page.
   */
  getRecentTracks(query?: RecentTracksQuery): Promise<LastfmListenPage>;
  /** Null when Last.fm does not know the track. */
  getTrackInfo(query: TrackInfoQuery): Promise<LastfmTrackInfo | null>;
  searchTracks(query: TrackSearchQuery): Promise<readonly LastfmSearchHit[]>;
  /** One page of loves, newest first; like getRecentTracks, never a page wrongly empty. */
  getLovedTracks(query?: LovedTracksQuery): Promise<LastfmLovedTracksPage>;
  /** Idempotent: loving a loved track is fine. Needs a session. */
  love(track: LastfmTrackRef): Promise<void>;
  unlove(track: LastfmTrackRef): Promise<void>;
  /** Any number of scrobbles; sent in batches of at most 50. Needs a session. */
  scrobble(items: readonly ScrobbleSubmission[]): Promise<ScrobbleReport>;
  /** Tracks like this one, most similar first (autocorrected); null when Last.fm does not know it. */
  getSimilarTracks(query: SimilarTracksQuery): Promise<readonly LastfmChartTrack[] | null>;
  /** One page of the user's most played tracks in the period, most played first. */
  getUserTopTracks(query?: UserTopTracksQuery): Promise<LastfmChartPage>;
  /** One page of an artist's most played tracks (autocorrected); null when Last.fm does not know the artist. */
  getArtistTopTracks(query: ArtistTopTracksQuery): Promise<LastfmChartPage | null>;
  /** The track's top tags, heaviest first (autocorrected); null when Last.fm does not know the track. */
  getTrackTopTags(track: LastfmTrackRef): Promise<readonly LastfmTag[] | null>;
  /** The artist's top tags, heaviest first (autocorrected); null when Last.fm does not know the artist. */
  getArtistTopTags(artist: string): Promise<readonly LastfmTag[] | null>;
  /** The user Narada acts as, from configuration or the stored login; null when neither is set. */
  whoAmI(): Promise<LastfmIdentity | null>;
}
