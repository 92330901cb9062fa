// After a Last.fm → Spotify sync: the loves become internal tracks and Last.fm likes, and each match
// found becomes a link between the love's track and the Spotify track (accepted, or for review).
import type { Clock } from '../ports/clock.port.js';
import type { ConnectorTrackRepository } from '../ports/connector-track-repository.port.js';
import type { IdentityLookup } from '../ports/identity-lookup.port.js';
import type { LikeRepository } from '../ports/like-repository.port.js';
import type { Like } from '../../domain/likes/like.js';
import type { LikeOutcome, SourceLike } from '../../domain/likes/source-like.js';
import type { MatchScore } from '../../domain/matching/match-scorer.js';
import { connectorKey, type ConnectorTrack } from '../../domain/track/connector-track.js';
import { trackMapping, type MappingStatus, type TrackMapping } from '../../domain/track/track-mapping.js';
import type { Track } from '../../domain/track/track.js';
import type { IngestConnectorTracks } from '../tracks/ingest-connector-tracks.js';
import { lastfmRecord } from '../../domain/track/connector-track.js';

export interface FoundMatch {
  readonly track: ConnectorTrack;
  readonly score: MatchScore;
}

export interface RecordLovesDeps {
  readonly ingest: Pick<IngestConnectorTracks, 'run'>;
  readonly likes: LikeRepository;
  readonly lookup: Pick<IdentityLookup, 'upsertMappings'>;
  readonly connectorTracks: ConnectorTrackRepository;
  readonly clock: Clock;
}

export async function recordLovesOnSpotify(
  deps: RecordLovesDeps,
  read: readonly SourceLike[],
  outcomes: readonly LikeOutcome[],
  matches: ReadonlyMap<string, FoundMatch>,
): Promise<void> {
  const loves = new Map<string, SourceLike>();
  for (const like of [...read, ...outcomes.map(likeOf)]) loves.set(like.key, like);
  if (loves.size === 0) return;
  const at = deps.clock.now();
  const ingested = await deps.ingest.run(
    [...loves.values()].map((like) =>
      lastfmRecord({ artist: like.artists[0] ?? '', title: like.title, mbid: like.mbid }, at),
    ),
  );
  const trackOf = (like: SourceLike): Track | undefined =>
    ingested.tracks.get(connectorKey('lastfm', like.key));
  const likes: Like[] = [];
  for (const like of read) {
    const track = trackOf(like);
    if (track !== undefined)
      likes.push({ service: 'lastfm', trackId: track.id, likedAt: like.likedAt, externalId: like.key });
  }
  const links: TrackMapping[] = [];
  const spotifyRecords: ConnectorTrack[] = [];
  for (const outcome of outcomes) {
    const like = likeOf(outcome);
    const track = trackOf(like);
    const match = matches.get(like.key);
    const status: MappingStatus | null =
      outcome.kind === 'written' || outcome.kind === 'present'
        ? 'accepted'
        : outcome.kind === 'review'
          ? 'review'
          : null;
    if (track === undefined || status === null) continue;
    if (outcome.kind === 'written' || outcome.kind === 'present') {
      const likedAt = outcome.kind === 'written' ? at : null;
      likes.push({ service: 'spotify', trackId: track.id, likedAt, externalId: outcome.target.key });
    }
    if (match === undefined) continue;
    spotifyRecords.push(match.track);
    links.push(
      trackMapping({
        trackId: track.id,
        service: 'spotify',
        externalId: match.track.externalId,
        confidence: match.score.confidence,
        method: match.score.method,
        status,
        evidence: match.score.evidence,
        pinned: false,
        createdAt: at,
        updatedAt: at,
      }),
    );
  }
  await deps.connectorTracks.upsertMany(spotifyRecords);
  await deps.lookup.upsertMappings(links);
  await deps.likes.upsertMany(likes);
}

function likeOf(outcome: LikeOutcome): SourceLike {
  switch (outcome.kind) {
    case 'present':
    case 'written':
      return outcome.like;
    case 'review':
      return outcome.review.like;
    default:
      return outcome.issue.like;
  }
}
