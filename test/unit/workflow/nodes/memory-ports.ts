// In-memory fakes of the ports workflow nodes use (repositories, Last.fm, play history, identity
// ingest), small and honest enough that node tests can assert on what was stored.
import type {
  LastfmIdentity,
  LastfmPort,
  LastfmTag,
  LastfmTrackInfo,
  LastfmTrackRef,
  TrackInfoQuery,
} from '../../../../src/application/ports/lastfm.port.js';
import type {
  PlayHistoryOptions,
  PlayHistoryQuery,
  TrackPlayHistory,
} from '../../../../src/application/ports/play-history-query.port.js';
import type {
  PlaylistRepository,
  PlaylistSummary,
} from '../../../../src/application/ports/playlist-repository.port.js';
import type { IngestResult } from '../../../../src/application/ports/track-ingest.port.js';
import type { Playlist, PlaylistDraft } from '../../../../src/domain/playlist/playlist.js';
import type { LikeRepository } from '../../../../src/application/ports/like-repository.port.js';
import type { Like } from '../../../../src/domain/likes/like.js';
import type { ServiceName } from '../../../../src/domain/shared/service.js';
import type { ConnectorTrack } from '../../../../src/domain/track/connector-track.js';
import type { TrackMapping } from '../../../../src/domain/track/track-mapping.js';
import type { MetricName, TrackMetric } from '../../../../src/domain/track/track-metric.js';
import type { Track, TrackId } from '../../../../src/domain/track/track.js';
import type { EpochMs } from '../../../../src/domain/values/time.js';
import { aTrack } from '../../../builders/index.js';

export class MemoryMetrics {
  readonly stored = new Map<string, TrackMetric>();
  upserts = 0;

  async upsertMany(metrics: readonly TrackMetric[]): Promise<void> {
    this.upserts += 1;
    for (const metric of metrics) this.stored.set(`${metric.trackId}/${metric.name}`, metric);
  }

  async get(trackIds: readonly TrackId[], names: readonly MetricName[]): Promise<TrackMetric[]> {
    return trackIds.flatMap((id) => names.flatMap((name) => this.stored.get(`${id}/${name}`) ?? []));
  }

  async withPrefix(trackIds: readonly TrackId[], prefix: string): Promise<TrackMetric[]> {
    const ids = new Set(trackIds);
    return [...this.stored.values()].filter((m) => ids.has(m.trackId) && m.name.startsWith(prefix));
  }
}

export class MemoryMappings {
  readonly mappings: TrackMapping[] = [];

  async upsert(mapping: TrackMapping): Promise<void> {
    this.mappings.push(mapping);
  }

  async forTrack(trackId: TrackId): Promise<TrackMapping[]> {
    return this.mappings.filter((m) => m.trackId === trackId);
  }

  async find(service: ServiceName, externalId: string): Promise<TrackMapping[]> {
    return this.mappings.filter((m) => m.service === service && m.externalId === externalId);
  }

  async inStatus(): Promise<TrackMapping[]> {
    return [];
  }
}

export class MemoryConnectorTracks {
  readonly records = new Map<string, ConnectorTrack>();

  async upsertMany(tracks: readonly ConnectorTrack[]): Promise<void> {
    for (const track of tracks) this.records.set(`${track.service}:${track.externalId}`, track);
  }

  async find(service: ServiceName, externalId: string): Promise<ConnectorTrack | null> {
    return this.records.get(`${service}:${externalId}`) ?? null;
  }
}

export class MemoryPlaylists implements PlaylistRepository {
  readonly playlists = new Map<number, Playlist>();

  async save(playlist: Playlist | PlaylistDraft): Promise<Playlist> {
    const id = 'id' in playlist ? playlist.id : this.playlists.size + 1;
    const saved = { ...playlist, id };
    this.playlists.set(id, saved);
    return saved;
  }

  async findById(id: number): Promise<Playlist | null> {
    return this.playlists.get(id) ?? null;
  }

  async findByExternal(service: ServiceName, externalId: string): Promise<Playlist | null> {
    return (
      [...this.playlists.values()].find((p) => p.service === service && p.externalId === externalId) ?? null
    );
  }

  async list(): Promise<PlaylistSummary[]> {
    return [...this.playlists.values()].map(({ items, ...rest }) => ({ ...rest, itemCount: items.length }));
  }
}

/** Ingest as identity works for these tests: one track per record, records sharing an ISRC share it. */
export class MemoryLibrary {
  readonly tracks = new Map<TrackId, Track>();
  private readonly byKey = new Map<string, Track>();

  async ingest(records: readonly ConnectorTrack[]): Promise<IngestResult> {
    const result = new Map<string, Track>();
    let created = 0;
    for (const record of records) {
      const key = `${record.service}:${record.externalId}`;
      const isrc = record.isrc?.value;
      let track = this.byKey.get(key) ?? (isrc ? this.byKey.get(`isrc:${isrc}`) : undefined);
      if (track === undefined) {
        track = aTrack({
          title: record.title,
          artists: record.artists,
          releaseDate: record.releaseDate,
          durationMs: record.durationMs,
          isrc: record.isrc,
        });
        this.tracks.set(track.id, track);
        created += 1;
      }
      this.byKey.set(key, track);
      if (isrc) this.byKey.set(`isrc:${isrc}`, track);
      result.set(key, track);
    }
    return { tracks: result, created, linked: 0 };
  }

  async findById(id: TrackId): Promise<Track | null> {
    return this.tracks.get(id) ?? null;
  }

  async findByIds(ids: readonly TrackId[]): Promise<Track[]> {
    return ids.flatMap((id) => this.tracks.get(id) ?? []);
  }
}

export class MemoryLastfm implements LastfmPort {
  readonly asked: TrackInfoQuery[] = [];
  readonly known = new Map<string, Partial<LastfmTrackInfo>>();
  username: string | null = 'listener';

  know(artist: string, title: string, info: Partial<LastfmTrackInfo>): void {
    this.known.set(`${artist.toLowerCase()}\u001f${title.toLowerCase()}`, info);
  }

  async getTrackInfo(query: TrackInfoQuery): Promise<LastfmTrackInfo | null> {
    this.asked.push(query);
    const info = this.known.get(`${query.artist.toLowerCase()}\u001f${query.title.toLowerCase()}`);
    if (info === undefined) return null;
    return {
      artist: query.artist,
      title: query.title,
      mbid: null,
      artistMbid: null,
      album: null,
      albumMbid: null,
      durationMs: null,
      globalPlaycount: null,
      listeners: null,
      userPlaycount: null,
      userLoved: null,
      url: null,
      raw: {},
      ...info,
    };
  }

  async whoAmI(): Promise<LastfmIdentity | null> {
    return this.username === null ? null : { username: this.username, canWrite: false };
  }

  /** Top tags by `artist\u001ftitle` (lower case) and by artist (lower case); absent: unknown to Last.fm. */
  readonly trackTags = new Map<string, LastfmTag[]>();
  readonly artistTags = new Map<string, LastfmTag[]>();
  readonly tagCalls: string[] = [];

  async getTrackTopTags(track: LastfmTrackRef): Promise<LastfmTag[] | null> {
    this.tagCalls.push(`track:${track.artist}/${track.title}`);
    return this.trackTags.get(`${track.artist.toLowerCase()}\u001f${track.title.toLowerCase()}`) ?? null;
  }

  async getArtistTopTags(artist: string): Promise<LastfmTag[] | null> {
    this.tagCalls.push(`artist:${artist}`);
    return this.artistTags.get(artist.toLowerCase()) ?? null;
  }

  getSimilarTracks = unused;
  getUserTopTracks = unused;
  getArtistTopTracks = unused;
  getRecentTracks = unused;
  searchTracks = unused;
  getLovedTracks = unused;
  love = unused;
  unlove = unused;
  scrobble = unused;
}

async function unused(): Promise<never> {
  throw new Error('workflow nodes do not call this');
}

export class MemoryPlayHistory implements PlayHistoryQuery {
  readonly plays = new Map<TrackId, EpochMs[]>();
  readonly asked: PlayHistoryOptions[] = [];

  async forTracks(
    trackIds: readonly TrackId[],
    options: PlayHistoryOptions = {},
  ): Promise<TrackPlayHistory[]> {
    this.asked.push(options);
    const { from = -Infinity, to = Infinity } = options.period ?? {};
    return trackIds.map((trackId) => {
      const times = this.plays.get(trackId) ?? [];
      return {
        trackId,
        totalPlays: times.length,
        lastPlayedAt: times.length === 0 ? null : Math.max(...times),
        playsInPeriod: times.filter((t) => t >= from && t < to).length,
      };
    });
  }
}

export class MemoryLikes implements LikeRepository {
  readonly stored: Like[] = [];

  async upsertMany(likes: readonly Like[]): Promise<void> {
    this.stored.push(...likes);
  }

  async list(service: ServiceName): Promise<Like[]> {
    return this.stored.filter((like) => like.service === service);
  }

  async remove(): Promise<boolean> {
    throw new Error('workflow nodes do not call this');
  }
}
