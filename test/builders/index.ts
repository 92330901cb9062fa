// Builders for tests: valid domain objects with deterministic defaults and per-test overrides.
export { BUILT_AT, externalIdFor, isrcFor, mbidFor, nextId, resetBuilderIds, spotifyIdFor } from './ids.js';
export { aTrack, type TrackOverrides } from './track.builder.js';
export { aConnectorTrack, type ConnectorTrackOverrides } from './connector-track.builder.js';
export { aPlaylist, aPlaylistItem, type PlaylistOverrides } from './playlist.builder.js';
export { aListeningEvent } from './listening-event.builder.js';
export { aTrackMapping } from './track-mapping.builder.js';
export { aLike } from './like.builder.js';
export { aTrackMetric } from './track-metric.builder.js';
export { aTrackList, type TrackListExtras } from './track-list.builder.js';
export { aClock } from './clock.builder.js';
export { aLastfmListen } from './lastfm-listen.builder.js';
