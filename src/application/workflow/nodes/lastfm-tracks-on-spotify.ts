// Tracks Last.fm names (similar tracks, top tracks) found on Spotify through the identity pipeline:
// a link Narada already has (accepted, in review or refused) is used as it is; otherwise the one
// Spotify finder searches (ISRC or title and artist, pages of 10) and scores the candidates. An
// accepted match joins the Last.fm record to the Spotify track's internal track; a match below the
// auto-accept threshold is queued for `narada tracks review` and left out until confirmed.
import { SpotifyTrackFinder, type TrackSearchResult } from '../../playlist/find-spotify-track.js';
import type { LastfmChartTrack } from '../../ports/lastfm.port.js';
import type { MatchScore } from '../../../domain/matching/match-scorer.js';
import {
  connectorKey,
  lastfmRecord,
  lastfmTrackKey,
  type ConnectorTrack,
} from '../../../domain/track/connector-track.js';
import { trackMapping, type MappingStatus } from '../../../domain/track/track-mapping.js';
import type { Track, TrackId } from '../../../domain/track/track.js';
import { trackList, type TrackList } from '../../../domain/workflow/track-list.js';
import type { NodeContext } from '../node-context.js';
import { boundedMap } from './bounded-map.js';

/** Searches kept in flight; the Spotify client's rate limiter paces them. */
const SEARCHES_IN_FLIGHT = 3;

export interface SpotifyResolution {
  readonly list: TrackList;
  readonly details: {
    readonly found: number;
    readonly onSpotify: number;
    readonly searched: number;
    readonly toReview: number;
    readonly notOnSpotify: number;
  };
  readonly warnings: readonly string[];
}

type Known =
  | { readonly kind: 'spotify'; readonly record: ConnectorTrack }
  | { readonly kind: 'review' | 'rejected' }
  | { readonly kind: 'unknown' };

/** The Last.fm tracks, in the order given (repeats once), as internal tracks linked to Spotify items. */
export async function resolveOnSpotify(
  ctx: NodeContext,
  found: readonly LastfmChartTrack[],
  name: string,
): Promise<SpotifyResolution> {
  const unique = [
    ...new Map(found.map((track) => [lastfmTrackKey(track.artist, track.title), track])).values(),
  ];
  const known = new Map<string, Known>();
  for (const track of unique) known.set(keyOf(track), await knownLink(ctx, keyOf(track)));
  const toSearch = unique.filter((track) => known.get(keyOf(track))!.kind === 'unknown');
  ctx.progress.setTotal(toSearch.length);
  const finder = new SpotifyTrackFinder({ spotify: ctx.spotify });
  const searched = new Map<string, TrackSearchResult>();
  await boundedMap(toSearch, SEARCHES_IN_FLIGHT, async (track) => {
    searched.set(
      keyOf(track),
      await finder.find({
        title: track.title,
        artists: [track.artist],
        album: null,
        durationMs: track.durationMs,
        isrc: null,
        mbid: track.mbid,
      }),
    );
    ctx.progress.advance();
  });

  const accepted = new Map<string, { record: ConnectorTrack; score: MatchScore | null }>();
  const reviews: Array<{ track: LastfmChartTrack; record: ConnectorTrack; score: MatchScore }> = [];
  for (const track of unique) {
    const link = known.get(keyOf(track))!;
    const result = searched.get(keyOf(track));
    if (link.kind === 'spotify') accepted.set(keyOf(track), { record: link.record, score: null });
    else if (result?.kind === 'found')
      accepted.set(keyOf(track), { record: result.track, score: result.score });
    else if (result?.kind === 'review') reviews.push({ track, record: result.track, score: result.score });
  }

  const trackOf = await recordMatches(ctx, unique, accepted, reviews);
  const tracks: Track[] = [];
  const seen = new Set<TrackId>();
  for (const track of unique) {
    const match = accepted.get(keyOf(track));
    const internal = trackOf.get(keyOf(track));
    if (match === undefined || internal === undefined || seen.has(internal.id)) continue;
    seen.add(internal.id);
    ctx.state.links.record(internal.id, spotifyUri(match.record.externalId));
    tracks.push(internal);
  }
  const toReview = reviews.length + [...known.values()].filter((link) => link.kind === 'review').length;
  const notOnSpotify = unique.length - accepted.size - toReview;
  return {
    list: trackList(tracks, { name }),
    details: {
      found: unique.length,
      onSpotify: accepted.size,
      searched: toSearch.length,
      toReview,
      notOnSpotify,
    },
    warnings: [
      ...(toReview > 0
        ? [
            `${toReview} track(s) matched on Spotify below the auto-accept threshold are left out: confirm them with \`narada tracks review\``,
          ]
        : []),
      ...(notOnSpotify > 0
        ? [`${notOnSpotify} track(s) Last.fm named were not found on Spotify; they are left out`]
        : []),
    ],
  };
}

function keyOf(track: LastfmChartTrack): string {
  return lastfmTrackKey(track.artist, track.title);
}

/** What Narada already knows of the Last.fm record's Spotify counterpart. */
async function knownLink(ctx: NodeContext, key: string): Promise<Known> {
  const lastfm = (await ctx.trackMappings.find('lastfm', key)).find((m) => m.status === 'accepted');
  if (lastfm === undefined) return { kind: 'unknown' };
  const links = (await ctx.trackMappings.forTrack(lastfm.trackId)).filter((m) => m.service === 'spotify');
  const accepted = links.find((m) => m.status === 'accepted');
  if (accepted !== undefined) {
    const record = await ctx.connectorTracks.find('spotify', accepted.externalId);
    if (record !== null) return { kind: 'spotify', record };
  }
  if (links.some((m) => m.status === 'review')) return { kind: 'review' };
  if (links.length > 0 && links.every((m) => m.status === 'rejected')) return { kind: 'rejected' };
  return { kind: 'unknown' };
}

/**
 * Stores what the searches found: accepted Spotify records become (or find) their internal tracks and
 * the Last.fm record is linked to the same track; a match to review links the Last.fm record's own
 * track to the Spotify record in status review. Returns the internal track of each accepted key.
 */
async function recordMatches(
  ctx: NodeContext,
  unique: readonly LastfmChartTrack[],
  accepted: ReadonlyMap<string, { record: ConnectorTrack; score: MatchScore | null }>,
  reviews: ReadonlyArray<{ track: LastfmChartTrack; record: ConnectorTrack; score: MatchScore }>,
): Promise<Map<string, Track>> {
  const at = ctx.run.now;
  const ingested = await ctx.ingest([...accepted.values()].map(({ record }) => record));
  const trackOf = new Map<string, Track>();
  const fresh = unique.filter((track) => accepted.get(keyOf(track))?.score != null);
  await ctx.connectorTracks.upsertMany(fresh.map((track) => lastfmRecord(track, at)));
  for (const [key, { record, score }] of accepted) {
    const track = ingested.tracks.get(connectorKey('spotify', record.externalId));
    if (track === undefined) continue;
    trackOf.set(key, track);
    if (score !== null) await link(ctx, track.id, 'lastfm', key, score, 'accepted');
  }
  if (reviews.length > 0) {
    const own = await ctx.ingest(reviews.map(({ track }) => lastfmRecord(track, at)));
    await ctx.connectorTracks.upsertMany(reviews.map(({ record }) => record));
    for (const { track, record, score } of reviews) {
      const internal = own.tracks.get(connectorKey('lastfm', keyOf(track)));
      if (internal !== undefined) await link(ctx, internal.id, 'spotify', record.externalId, score, 'review');
    }
  }
  return trackOf;
}

async function link(
  ctx: NodeContext,
  trackId: TrackId,
  service: 'lastfm' | 'spotify',
  externalId: string,
  score: MatchScore,
  status: MappingStatus,
): Promise<void> {
  await ctx.trackMappings.upsert(
    trackMapping({
      trackId,
      service,
      externalId,
      confidence: score.confidence,
      method: score.method,
      status,
      evidence: score.evidence,
      pinned: false,
      createdAt: ctx.run.now,
      updatedAt: ctx.run.now,
    }),
  );
}

function spotifyUri(externalId: string): string {
  return externalId.startsWith('spotify:') ? externalId : `spotify:track:${externalId}`;
}
