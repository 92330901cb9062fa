// Spotify saved tracks → Last.fm loves. Each track is loved under the name Last.fm knows it by (its
// autocorrected artist and title), and not at all when the user already loves it under any spelling.
import type { Clock } from '../ports/clock.port.js';
import type { IdentityLookup } from '../ports/identity-lookup.port.js';
import type { LastfmPort } from '../ports/lastfm.port.js';
import type { LikeRepository } from '../ports/like-repository.port.js';
import type { SpotifyPort } from '../ports/spotify.port.js';
import type { LikeOutcome, SourceLike, TargetLike } from '../../domain/likes/source-like.js';
import { ConfigurationError } from '../../domain/shared/errors.js';
import { connectorKey, type ConnectorTrack } from '../../domain/track/connector-track.js';
import { trackMapping } from '../../domain/track/track-mapping.js';
import type { EpochMs } from '../../domain/values/time.js';
import type { IngestConnectorTracks } from '../tracks/ingest-connector-tracks.js';
import { isAvailable, savedTrackLike } from './like-records.js';
import type { LikeResolution, LikesSyncDirection } from './likes-sync-direction.js';
import { LastfmLoves } from './lastfm-loves.js';
import { inBatches } from './write-attempts.js';

export interface SpotifyToLastfmDeps {
  readonly spotify: SpotifyPort;
  readonly lastfm: LastfmPort;
  readonly ingest: Pick<IngestConnectorTracks, 'run'>;
  readonly likes: LikeRepository;
  readonly mappings: Pick<IdentityLookup, 'upsertMappings'>;
  readonly clock: Clock;
}

/** Confidence in a link made by Last.fm's own autocorrection of the Spotify names. */
const AUTOCORRECT_CONFIDENCE = 90;

export class SpotifyToLastfm implements LikesSyncDirection {
  readonly from = 'spotify' as const;
  readonly to = 'lastfm' as const;
  readonly checkpointKey = 'likes:spotify->lastfm';
  private readonly loves: LastfmLoves;
  /** The Spotify records read, for the identity ingest after the run. */
  private readonly records = new Map<string, ConnectorTrack>();

  constructor(private readonly deps: SpotifyToLastfmDeps) {
    this.loves = new LastfmLoves(deps.lastfm);
  }

  async checkReady(dryRun: boolean): Promise<void> {
    const identity = await this.deps.lastfm.whoAmI();
    if (identity === null || (!dryRun && !identity.canWrite)) {
      throw new ConfigurationError(
        'LIKES.LASTFM_NOT_CONNECTED',
        'Loving tracks on Last.fm needs a Last.fm login with write access: run `narada auth lastfm` (or set LASTFM_USERNAME and LASTFM_SESSION_KEY)',
      );
    }
  }

  async readSource(since: EpochMs | null): Promise<readonly SourceLike[]> {
    const saved = (
      await this.deps.spotify.listSavedTracks(since === null ? {} : { addedSince: since })
    ).filter(isAvailable);
    for (const item of saved) this.records.set(item.track.externalId, item.track);
    return saved.map(savedTrackLike);
  }

  prepare(): Promise<void> {
    return this.loves.load();
  }

  resolve(like: SourceLike): Promise<LikeResolution> {
    return this.loves.resolve(like);
  }

  async recheck(): Promise<LikeResolution> {
    return { kind: 'unmatched', reason: 'Last.fm names need no review' };
  }

  write(targets: readonly TargetLike[]): Promise<ReadonlyMap<string, string>> {
    return inBatches(targets, 1, ([target]) =>
      this.deps.lastfm.love({ artist: target!.artist, title: target!.title }),
    );
  }

  remove(targets: readonly TargetLike[]): Promise<ReadonlyMap<string, string>> {
    return inBatches(targets, 1, ([target]) =>
      this.deps.lastfm.unlove({ artist: target!.artist, title: target!.title }),
    );
  }

  /** The saved tracks as internal tracks and Spotify likes; each synced one linked to its Last.fm name. */
  async record(read: readonly SourceLike[], outcomes: readonly LikeOutcome[]): Promise<void> {
    const { ingest, likes, mappings, clock } = this.deps;
    if (read.length === 0 && outcomes.length === 0) return;
    const ingested = await ingest.run(read.flatMap((like) => this.records.get(like.key) ?? []));
    const at = clock.now();
    const trackOf = (key: string) => ingested.tracks.get(connectorKey('spotify', key));
    await likes.upsertMany(
      read.flatMap((like) => {
        const track = trackOf(like.key);
        return track === undefined
          ? []
          : [{ service: 'spotify' as const, trackId: track.id, likedAt: like.likedAt, externalId: like.key }];
      }),
    );
    const synced = outcomes.flatMap((o) =>
      (o.kind === 'written' || o.kind === 'present') && trackOf(o.like.key) ? [o] : [],
    );
    await mappings.upsertMappings(
      synced.map((o) =>
        trackMapping({
          trackId: trackOf(o.like.key)!.id,
          service: 'lastfm',
          externalId: o.target.key,
          confidence: AUTOCORRECT_CONFIDENCE,
          method: 'artist_title',
          status: 'accepted',
          evidence: {
            factors: [],
            notes: ['the Last.fm spelling of a Spotify saved track (track.getInfo, autocorrected)'],
          },
          pinned: false,
          createdAt: at,
          updatedAt: at,
        }),
      ),
    );
    await likes.upsertMany(
      synced.map((o) => ({
        service: 'lastfm' as const,
        trackId: trackOf(o.like.key)!.id,
        // Loved now by this sync; a love found on Last.fm keeps its own date there (unknown here).
        likedAt: o.kind === 'written' ? at : null,
        externalId: o.target.key,
      })),
    );
  }
}
