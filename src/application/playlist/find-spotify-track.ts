// Finds the Spotify track for what is known of a song (a Last.fm love, a backup entry), under the
// identity rules: its own track id, else its ISRC (from MusicBrainz when only the MBID is known),
// else a search, each candidate scored; below the auto-accept threshold it is a match to review.
import type { MusicBrainzPort } from '../ports/musicbrainz.port.js';
import type { SpotifyPort } from '../ports/spotify.port.js';
import { scoreMatch, type MatchScore } from '../../domain/matching/match-scorer.js';
import type { MatchInput } from '../../domain/matching/match-input.js';
import { THRESHOLDS } from '../../domain/matching/thresholds.js';
import type { ConnectorTrack } from '../../domain/track/connector-track.js';
import { Isrc } from '../../domain/values/isrc.js';
import { Mbid } from '../../domain/values/mbid.js';
import { SpotifyRef } from '../../domain/values/spotify-ref.js';
import { recordMatchInput } from '../tracks/match-inputs.js';

export interface TrackFacts {
  readonly title: string | null;
  readonly artists: readonly string[];
  readonly album: string | null;
  readonly durationMs: number | null;
  readonly isrc: string | null;
  readonly mbid: string | null;
  /** A Spotify track URI the song had, tried first. */
  readonly uri?: string | null;
}

export type TrackSearchResult =
  | { readonly kind: 'found'; readonly track: ConnectorTrack; readonly score: MatchScore }
  | { readonly kind: 'review'; readonly track: ConnectorTrack; readonly score: MatchScore }
  | { readonly kind: 'none'; readonly reason: string };

/** Spotify's 2026 page limit for development-mode apps. */
const SEARCH_LIMIT = 10;
/** A recording rarely has more ISRCs worth trying; each costs a search. */
const MAX_ISRCS = 3;

export class SpotifyTrackFinder {
  constructor(
    private readonly deps: { readonly spotify: SpotifyPort; readonly musicbrainz?: MusicBrainzPort },
  ) {}

  async find(facts: TrackFacts): Promise<TrackSearchResult> {
    const byId = await this.byTrackId(facts);
    if (byId !== null) return byId;
    let best: { track: ConnectorTrack; score: MatchScore } | null = null;
    for (const isrc of await this.isrcsOf(facts)) {
      const hits = await this.deps.spotify.searchTracks({ isrc }, { limit: SEARCH_LIMIT });
      best = better(best, bestScored({ ...matchInputOf(facts), isrc }, hits));
      if (best !== null && best.score.decision === 'accept') return { kind: 'found', ...best };
    }
    const title = facts.title?.trim() ?? '';
    if (title !== '') {
      const query = { title, ...(facts.artists[0] === undefined ? {} : { artist: facts.artists[0] }) };
      const hits = await this.deps.spotify.searchTracks(query, { limit: SEARCH_LIMIT });
      best = better(best, bestScored(matchInputOf(facts), hits));
    }
    if (best === null) return { kind: 'none', reason: 'Spotify has no track by that ISRC, title and artist' };
    if (best.score.decision === 'accept') return { kind: 'found', ...best };
    if (best.score.decision === 'review') return { kind: 'review', ...best };
    return {
      kind: 'none',
      reason: `the closest Spotify track, ${best.track.artists.join(', ')} – ${best.track.title}, scored ${best.score.confidence} (below ${THRESHOLDS.review})`,
    };
  }

  private async byTrackId(facts: TrackFacts): Promise<TrackSearchResult | null> {
    const ref = SpotifyRef.tryParse(facts.uri, 'track');
    if (ref === null) return null;
    const track = await this.deps.spotify.getTrack(ref.id);
    if (track === null) return null;
    return {
      kind: 'found',
      track,
      score: scoreMatch({ ...matchInputOf(facts), spotifyId: ref.id }, recordMatchInput(track)),
    };
  }

  private async isrcsOf(facts: TrackFacts): Promise<string[]> {
    const own = Isrc.tryParse(facts.isrc);
    if (own !== null) return [own.value];
    const mbid = Mbid.tryParse(facts.mbid);
    if (mbid === null || this.deps.musicbrainz === undefined) return [];
    const recording = await this.deps.musicbrainz.recording(mbid);
    return (recording?.isrcs ?? []).slice(0, MAX_ISRCS).map((isrc) => isrc.value);
  }
}

function matchInputOf(facts: TrackFacts): MatchInput {
  return {
    artists: facts.artists,
    title: facts.title ?? '',
    album: facts.album,
    durationMs: facts.durationMs,
    isrc: facts.isrc,
    mbid: facts.mbid,
  };
}

function bestScored(
  query: MatchInput,
  hits: readonly ConnectorTrack[],
): { track: ConnectorTrack; score: MatchScore } | null {
  let best: { track: ConnectorTrack; score: MatchScore } | null = null;
  for (const track of hits) {
    const score = scoreMatch(query, recordMatchInput(track));
    if (best === null || score.confidence > best.score.confidence) best = { track, score };
  }
  return best;
}

function better<T extends { score: MatchScore }>(a: T | null, b: T | null): T | null {
  if (a === null) return b;
  if (b === null) return a;
  return b.score.confidence > a.score.confidence ? b : a;
}
