// What a node may use while it runs: the ports (passed in, never reached through `this`), facts of
// the run (its start time, dry run, seed), run-wide caches shared by tasks, and its own progress.
import type { ConnectorTrackRepository } from '../ports/connector-track-repository.port.js';
import type { LastfmPort } from '../ports/lastfm.port.js';
import type { LikeRepository } from '../ports/like-repository.port.js';
import type { Logger } from '../ports/logger.port.js';
import type { PlayHistoryQuery } from '../ports/play-history-query.port.js';
import type { PlaylistRepository } from '../ports/playlist-repository.port.js';
import type { TaskCounts } from '../ports/progress.port.js';
import type { SpotifyPlaylist, SpotifyPort } from '../ports/spotify.port.js';
import type { TrackMappingRepository } from '../ports/track-mapping-repository.port.js';
import type { TrackMetricRepository } from '../ports/track-metric-repository.port.js';
import type { IngestTracks } from '../ports/track-ingest.port.js';
import type { TrackRepository } from '../ports/track-repository.port.js';
import type { EpochMs } from '../../domain/values/time.js';
import type { SpotifyLinks } from './spotify-links.js';

/** The ports every node draws on; built once per process by the composition root. */
export interface WorkflowServices {
  readonly spotify: SpotifyPort;
  readonly lastfm: LastfmPort;
  readonly tracks: TrackRepository;
  readonly connectorTracks: ConnectorTrackRepository;
  readonly trackMappings: TrackMappingRepository;
  readonly trackMetrics: TrackMetricRepository;
  readonly playlists: PlaylistRepository;
  readonly playHistory: PlayHistoryQuery;
  /** Likes `narada likes import` stored (filter.by_liked). */
  readonly likes: LikeRepository;
  /** Service records → internal tracks (IngestConnectorTracks). */
  readonly ingest: IngestTracks;
  readonly logger: Logger;
}

export interface RunFacts {
  /** When the run started: every "N days ago" in the run is measured from here. */
  readonly now: EpochMs;
  /** Destinations plan and report; they write nothing. */
  readonly dryRun: boolean;
  /** `--allow-empty`: a destination may remove every track of a playlist (else it refuses, writing nothing). */
  readonly allowEmpty?: boolean;
  /** Seed for nodes that sample when their config gives none, so a run can be repeated. */
  readonly seed: number;
}

/** State shared by the tasks of one run. */
export interface RunState {
  /** Which Spotify URI each track came from, so destinations write the items the sources read. */
  readonly links: SpotifyLinks;
  /** Spotify playlists read by this run, by id, so an in-place update need not read them twice. */
  readonly playlistReads: Map<string, SpotifyPlaylist>;
}

export interface NodeContext extends WorkflowServices {
  readonly run: RunFacts;
  readonly state: RunState;
  /** This task's counts, shown while it runs. */
  readonly progress: TaskCounts;
}
