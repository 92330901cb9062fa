// The node catalogue: every node type Narada runs, in the order `narada workflow nodes` lists them.
import { NODE_ALIASES } from '../node-aliases.js';
import { NodeRegistry } from '../node-registry.js';
import type { WorkflowNode } from '../workflow-node.js';
import { concatenateCombiner, interleaveCombiner, mergeCombiner } from './combiner.nodes.js';
import {
  createInternalPlaylistDestination,
  createSpotifyPlaylistDestination,
} from './destination-create.nodes.js';
import { updatePlaylistDestination, updateSpotifyPlaylistDestination } from './destination-update.nodes.js';
import { lastfmEnricher } from './enricher-lastfm.node.js';
import { lastfmTagsEnricher } from './enricher-lastfm-tags.node.js';
import { playHistoryEnricher } from './enricher-play-history.node.js';
import { spotifyEnricher } from './enricher-spotify.node.js';
import { artistsFilter, playHistoryFilter, tracksFilter } from './filter-by-reference.nodes.js';
import { deduplicateFilter, metricFilter, releaseDateFilter } from './filter.nodes.js';
import { limitSelector } from './selector.node.js';
import { onePerArtistSelector } from './selector-one-per-artist.node.js';
import { metricSorter, releaseDateSorter, spotifyPopularitySorter, userPlaysSorter } from './sorter.nodes.js';
import { separateArtistsSorter } from './sorter-separate-artists.node.js';
import { addedAtFilter, tagsFilter } from './filter-by-added-tags.nodes.js';
import { likedFilter } from './filter-by-liked.node.js';
import { internalPlaylistSource } from './source-internal-playlist.node.js';
import {
  lastfmArtistTopTracksSource,
  lastfmSimilarTracksSource,
  lastfmTopTracksSource,
} from './source-lastfm.nodes.js';
import { spotifyLikesSource, spotifyPlaylistSource } from './source-spotify.nodes.js';

export const ALL_NODES: readonly WorkflowNode[] = [
  spotifyPlaylistSource,
  spotifyLikesSource,
  internalPlaylistSource,
  lastfmSimilarTracksSource,
  lastfmTopTracksSource,
  lastfmArtistTopTracksSource,
  lastfmEnricher,
  lastfmTagsEnricher,
  spotifyEnricher,
  playHistoryEnricher,
  deduplicateFilter,
  releaseDateFilter,
  tracksFilter,
  artistsFilter,
  metricFilter,
  playHistoryFilter,
  tagsFilter,
  likedFilter,
  addedAtFilter,
  metricSorter,
  releaseDateSorter,
  userPlaysSorter,
  spotifyPopularitySorter,
  separateArtistsSorter,
  limitSelector,
  onePerArtistSelector,
  mergeCombiner,
  concatenateCombiner,
  interleaveCombiner,
  createInternalPlaylistDestination,
  createSpotifyPlaylistDestination,
  updateSpotifyPlaylistDestination,
  updatePlaylistDestination,
];

export function createNodeRegistry(): NodeRegistry {
  return new NodeRegistry(ALL_NODES, NODE_ALIASES);
}
