// Workflow texts in the original Python narada format, shared by the workflow tests.

/** The node types of the original narada (docs: INTERFACE.md), as a registry would list them. */
export const NODE_TYPES = [
  'source.spotify_playlist',
  'enricher.lastfm',
  'enricher.play_history',
  'filter.deduplicate',
  'filter.by_release_date',
  'filter.by_tracks',
  'filter.by_artists',
  'filter.by_metric',
  'filter.by_play_history',
  'sorter.by_metric',
  'sorter.by_release_date',
  'selector.limit_tracks',
  'combiner.merge_playlists',
  'combiner.concatenate_playlists',
  'combiner.interleave_playlists',
  'destination.create_internal_playlist',
  'destination.create_spotify_playlist',
  'destination.update_spotify_playlist',
  'destination.update_playlist',
] as const;

/**
 * An original-style file: tasks out of order, sources without "upstream", keys Narada does not use
 * (`batch_size`, `operation_type`, a top-level `author`), and a version written as a number.
 */
export const ORIGINAL_WORKFLOW = `{
  "id": "weekly_mix",
  "name": "Weekly Mix",
  "description": "Fresh tracks from two playlists, most played first",
  "version": 1.1,
  "author": "someone",
  "tasks": [
    {
      "id": "publish",
      "type": "destination.update_playlist",
      "config": { "playlist_id": "37i9dQZF1DXcBWIGoYBM5M", "operation_type": "update_spotify", "preserve_order": true },
      "upstream": ["top"]
    },
    { "id": "fresh", "type": "source.spotify_playlist", "config": { "playlist_id": "2orOfUrshU959tYCUjt0Zs" } },
    { "id": "older", "type": "source.spotify_playlist", "config": { "playlist_id": "2mSsaSRMN5Yfxo18SjDLjX", "batch_size": 50 } },
    {
      "id": "merged",
      "type": "combiner.merge_playlists",
      "config": { "sources": ["fresh", "older"] },
      "upstream": ["fresh", "older"]
    },
    { "id": "unique", "type": "filter.deduplicate", "config": {}, "upstream": ["merged"] },
    { "id": "plays", "type": "enricher.lastfm", "upstream": ["unique"] },
    {
      "id": "ranked",
      "type": "sorter.by_metric",
      "config": { "metric_name": "lastfm_user_playcount", "reverse": true },
      "upstream": ["plays"]
    },
    { "id": "top", "type": "selector.limit_tracks", "config": { "count": 50 }, "upstream": ["ranked"] }
  ]
}`;

/** Builds a workflow text from task objects, for tests that vary one thing. */
export function workflowText(tasks: readonly unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify(
    { id: 'test', name: 'Test', description: '', version: '1.0', ...extra, tasks },
    null,
    2,
  );
}
