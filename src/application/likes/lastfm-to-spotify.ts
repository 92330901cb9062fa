// Last.fm loves → Spotify saved tracks. Each love is found on Spotify by a link Narada already has,
// else by ISRC (through MusicBrainz when Last.fm gives an MBID), else by search under the identity
// rules; a match below the auto-accept threshold is not saved but queued for `narada tracks review`.
import type { Clock } from '../ports/clock.port.js';
import type { ConnectorTrackRepository } from '../ports/connector-track-repository.port.js';
import type { IdentityLookup } from '../ports/identity-lookup.port.js';
import type { LastfmPort } from '../ports/lastfm.port.js';
import type { LikeRepository } from '../ports/like-repository.port.js';
import type { SpotifyPort } from '../ports/spotify.port.js';
import type { TrackMappingRepository } from '../ports/track-mapping-repository.port.js';
import type { LikeOutcome, LikeReview, SourceLike, TargetLike } from '../../domain/likes/source-like.js';
import { ConfigurationError } from '../../domain/shared/errors.js';
import type { ConnectorTrack } from '../../domain/track/connector-track.js';
import type { EpochMs } from '../../domain/values/time.js';
import type { IngestConnectorTracks } from '../tracks/ingest-connector-tracks.js';
import type { SpotifyTrackFinder } from '../playlist/find-spotify-track.js';
import { LOVES_PAGE_SIZE } from './lastfm-loves.js';
import { lovedTrackLike } from './like-records.js';
import type { LikeResolution, LikesSyncDirection } from './likes-sync-direction.js';
import { recordLovesOnSpotify, type FoundMatch } from './record-loves-on-spotify.js';
import { inBatches } from './write-attempts.js';

export interface LastfmToSpotifyDeps {
  readonly spotify: SpotifyPort;
  readonly lastfm: LastfmPort;
  readonly finder: SpotifyTrackFinder;
  readonly ingest: Pick<IngestConnectorTracks, 'run'>;
  readonly likes: LikeRepository;
  readonly lookup: IdentityLookup;
  readonly mappings: TrackMappingRepository;
  readonly connectorTracks: ConnectorTrackRepository;
  readonly clock: Clock;
}

/** `PUT /me/library` takes at most 40 URIs. */
export const LIBRARY_BATCH = 40;

export class LastfmToSpotify implements LikesSyncDirection {
  readonly from = 'lastfm' as const;
  readonly to = 'spotify' as const;
  readonly checkpointKey = 'likes:lastfm->spotify';
  private saved = new Set<string>();
  /** What each love was matched to this run, for the identity records written after it. */
  private readonly matches = new Map<string, FoundMatch>();

  constructor(private readonly deps: LastfmToSpotifyDeps) {}

  /** Reading loves needs a Last.fm user name; Spotify's client reports a missing Spotify login itself. */
  async checkReady(): Promise<void> {
    if ((await this.deps.lastfm.whoAmI()) === null) {
      throw new ConfigurationError(
        'LIKES.LASTFM_NOT_CONNECTED',
        'Reading Last.fm loves needs your Last.fm user name: set LASTFM_USERNAME or run `narada auth lastfm`',
      );
    }
  }

  async readSource(since: EpochMs | null): Promise<readonly SourceLike[]> {
    const likes: SourceLike[] = [];
    for (let page = 1, pages = 1; page <= pages; page++) {
      const result = await this.deps.lastfm.getLovedTracks({ page, limit: LOVES_PAGE_SIZE });
      pages = result.totalPages;
      for (const love of result.tracks) {
        // Newest first: the first love older than the cursor means the rest were read before.
        if (since !== null && love.lovedAt !== null && love.lovedAt < since) return likes;
        likes.push(lovedTrackLike(love));
      }
    }
    return likes;
  }

  async prepare(): Promise<void> {
    const saved = await this.deps.spotify.listSavedTracks();
    this.saved = new Set(saved.flatMap((item) => (item.track === null ? [] : [item.track.externalId])));
  }

  async resolve(like: SourceLike): Promise<LikeResolution> {
    const linked = await this.linkedSpotifyTrack(like);
    if (linked !== null) return this.saveOrPresent(linked);
    const found = await this.deps.finder.find({ ...like, uri: null });
    if (found.kind === 'none') return { kind: 'unmatched', reason: found.reason };
    const target = targetOf(found.track);
    this.matches.set(like.key, { track: found.track, score: found.score });
    if (found.kind === 'review') {
      return {
        kind: 'review',
        target,
        confidence: found.score.confidence,
        reason: `confidence ${found.score.confidence} is below the auto-accept threshold: confirm it with \`narada tracks review\``,
      };
    }
    return this.saveOrPresent(target);
  }

  /** A review confirmed in `narada tracks review` is saved; a refused one becomes unmatched. */
  async recheck(review: LikeReview): Promise<LikeResolution> {
    const trackId = await this.loveTrackId(review.like);
    const links = trackId === null ? [] : await this.deps.mappings.find('spotify', review.candidate.key);
    const mine = links.filter((link) => link.trackId === trackId);
    if (mine.some((link) => link.status === 'accepted')) return this.saveOrPresent(review.candidate);
    if (mine.some((link) => link.status === 'rejected')) {
      return {
        kind: 'unmatched',
        reason: `the match ${review.candidate.artist} – ${review.candidate.title} was refused in review`,
      };
    }
    return { kind: 'review', target: review.candidate, confidence: review.confidence, reason: review.reason };
  }

  write(targets: readonly TargetLike[]): Promise<ReadonlyMap<string, string>> {
    return inBatches(targets, LIBRARY_BATCH, (batch) =>
      this.deps.spotify.saveTracks(batch.map((t) => t.key)),
    );
  }

  remove(targets: readonly TargetLike[]): Promise<ReadonlyMap<string, string>> {
    return inBatches(targets, LIBRARY_BATCH, (batch) =>
      this.deps.spotify.removeSavedTracks(batch.map((t) => t.key)),
    );
  }

  record(read: readonly SourceLike[], outcomes: readonly LikeOutcome[]): Promise<void> {
    return recordLovesOnSpotify(this.deps, read, outcomes, this.matches);
  }

  private saveOrPresent(target: TargetLike): LikeResolution {
    return this.saved.has(target.key) ? { kind: 'present', target } : { kind: 'write', target };
  }

  /** The Spotify track Narada already links to this love's internal track, if any. */
  private async linkedSpotifyTrack(like: SourceLike): Promise<TargetLike | null> {
    const trackId = await this.loveTrackId(like);
    if (trackId === null) return null;
    const link = (await this.deps.mappings.forTrack(trackId)).find(
      (m) => m.service === 'spotify' && m.status === 'accepted',
    );
    if (link === undefined) return null;
    const record = await this.deps.connectorTracks.find('spotify', link.externalId);
    return {
      key: link.externalId,
      artist: record?.artists[0] ?? like.artists[0] ?? '',
      title: record?.title ?? like.title,
    };
  }

  private async loveTrackId(like: SourceLike): Promise<number | null> {
    const [mapping] = await this.deps.lookup.acceptedMappings([{ service: 'lastfm', externalId: like.key }]);
    return mapping?.trackId ?? null;
  }
}

function targetOf(track: ConnectorTrack): TargetLike {
  return { key: track.externalId, artist: track.artists[0] ?? '', title: track.title };
}
