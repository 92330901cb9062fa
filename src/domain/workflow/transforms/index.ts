// The track-list transforms behind the filter, sorter, selector and combiner nodes.
export { deduplicate, type DeduplicateParams } from './deduplicate.js';
export { filterByReleaseDate, type ReleaseDateFilter } from './filter-by-release-date.js';
export { filterByTracks, type TrackExclusion } from './filter-by-tracks.js';
export { filterByArtists, type ArtistExclusion } from './filter-by-artists.js';
export { filterByMetric, type MetricFilter } from './filter-by-metric.js';
export { filterByPlayHistory, type PlayHistoryFilter } from './filter-by-play-history.js';
export { sortByMetric, type MetricSort } from './sort-by-metric.js';
export { sortByReleaseDate, type ReleaseDateSort } from './sort-by-release-date.js';
export { limitTracks, type LimitParams } from './limit-tracks.js';
export {
  concatenatePlaylists,
  interleavePlaylists,
  mergePlaylists,
  type TaskOutputs,
} from './combine-playlists.js';
export { separateArtists } from './separate-artists.js';
export { onePerArtist, type OnePerArtist } from './one-per-artist.js';
export { filterByTags, tagKey, tagMetricName, TAG_METRIC_PREFIX, type TagFilter } from './filter-by-tags.js';
export { filterByAddedAt, ADDED_AT_METRIC, type AddedAtFilter } from './filter-by-added-at.js';
export { filterByLiked, type LikedFilter } from './filter-by-liked.js';
