// `narada likes import spotify|lastfm`: the service's likes (saved tracks, loves) into the local
// database as internal tracks with when they were liked. The import is the service's whole list, so
// likes no longer on the service are forgotten locally.
import type { Clock } from '../../ports/clock.port.js';
import type { LastfmPort } from '../../ports/lastfm.port.js';
import type { LikeRepository } from '../../ports/like-repository.port.js';
import type { ProgressReporter } from '../../ports/progress.port.js';
import type { SpotifyPort } from '../../ports/spotify.port.js';
import type { Like } from '../../../domain/likes/like.js';
import type { ServiceName } from '../../../domain/shared/service.js';
import { connectorKey, lastfmTrackKey, type ConnectorTrack } from '../../../domain/track/connector-track.js';
import type { EpochMs } from '../../../domain/values/time.js';
import type { IngestConnectorTracks } from '../../tracks/ingest-connector-tracks.js';
import { LOVES_PAGE_SIZE } from '../../likes/lastfm-loves.js';
import { isAvailable } from '../../likes/like-records.js';
import { lastfmRecord } from '../../../domain/track/connector-track.js';

export interface ImportLikesDeps {
  readonly spotify: SpotifyPort;
  readonly lastfm: LastfmPort;
  readonly ingest: Pick<IngestConnectorTracks, 'run'>;
  readonly likes: LikeRepository;
  readonly clock: Clock;
  readonly progress: ProgressReporter;
}

export interface LikesImportReport {
  readonly service: 'spotify' | 'lastfm';
  /** Likes read from the service. */
  readonly read: number;
  /** Likes stored (new or updated). */
  readonly imported: number;
  /** Local likes no longer on the service, forgotten. */
  readonly removed: number;
  readonly tracksCreated: number;
  readonly tracksLinked: number;
  /** Saved tracks Spotify no longer serves (no track to store). */
  readonly unavailable: number;
}

interface ServiceLike {
  readonly record: ConnectorTrack;
  readonly likedAt: EpochMs | null;
}

export class ImportLikes {
  constructor(private readonly deps: ImportLikesDeps) {}

  async run(service: 'spotify' | 'lastfm'): Promise<LikesImportReport> {
    const task = this.deps.progress.task(`Reading ${service} likes`);
    const { liked, unavailable } =
      service === 'spotify' ? await this.spotifyLikes() : await this.lastfmLikes();
    task.done(`${liked.length} read`);
    const ingested = await this.deps.ingest.run(liked.map((item) => item.record));
    const likes: Like[] = liked.flatMap(({ record, likedAt }) => {
      const track = ingested.tracks.get(connectorKey(record.service, record.externalId));
      return track === undefined
        ? []
        : [{ service, trackId: track.id, likedAt, externalId: record.externalId }];
    });
    await this.deps.likes.upsertMany(likes);
    const removed = await this.forgetOthers(service, new Set(likes.map((like) => like.externalId)));
    return {
      service,
      read: liked.length + unavailable,
      imported: likes.length,
      removed,
      tracksCreated: ingested.created,
      tracksLinked: ingested.linked,
      unavailable,
    };
  }

  private async spotifyLikes(): Promise<{ liked: ServiceLike[]; unavailable: number }> {
    const saved = await this.deps.spotify.listSavedTracks();
    const liked = saved.filter(isAvailable).map((item) => ({ record: item.track, likedAt: item.addedAt }));
    return { liked, unavailable: saved.length - liked.length };
  }

  private async lastfmLikes(): Promise<{ liked: ServiceLike[]; unavailable: number }> {
    const { lastfm } = this.deps;
    const at = this.deps.clock.now();
    const liked: ServiceLike[] = [];
    const seen = new Set<string>();
    for (let page = 1, pages = 1; page <= pages; page++) {
      const result = await lastfm.getLovedTracks({ page, limit: LOVES_PAGE_SIZE });
      pages = result.totalPages;
      for (const love of result.tracks) {
        const key = lastfmTrackKey(love.artist, love.title);
        if (seen.has(key)) continue;
        seen.add(key);
        liked.push({ record: lastfmRecord(love, at, love.raw), likedAt: love.lovedAt });
      }
    }
    return { liked, unavailable: 0 };
  }

  private async forgetOthers(service: ServiceName, current: ReadonlySet<string>): Promise<number> {
    let removed = 0;
    for (const like of await this.deps.likes.list(service)) {
      if (!current.has(like.externalId) && (await this.deps.likes.remove(service, like.externalId)))
        removed += 1;
    }
    return removed;
  }
}
