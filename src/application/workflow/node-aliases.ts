// Node type names of earlier versions of the original narada, each read as the node that does the
// same today: one implementation per behaviour, so an alias is a name (and at most a renamed config
// key), never a copy of a node.
import type { WorkflowTask } from '../../domain/workflow/workflow-definition.js';

export interface NodeAlias {
  /** The older name, as original workflow files write it. */
  readonly type: string;
  /** Today's node type that runs it. */
  readonly of: string;
  /** Config keys the older node spelled differently: older key → today's key. */
  readonly renames?: Readonly<Record<string, string>>;
  /**
   * Today's config key that names the reference task. When the file names none, the older node read
   * its second upstream task as the reference (the first being the list it filters).
   */
  readonly referenceFromUpstream?: string;
}

export const NODE_ALIASES: readonly NodeAlias[] = [
  { type: 'enricher.resolve_lastfm', of: 'enricher.lastfm' },
  { type: 'transformer.deduplicate', of: 'filter.deduplicate' },
  { type: 'transformer.filter_by_release_date', of: 'filter.by_release_date' },
  {
    type: 'filter.not_in_playlist',
    of: 'filter.by_tracks',
    renames: { reference: 'exclusion_source' },
    referenceFromUpstream: 'exclusion_source',
  },
  {
    type: 'filter.not_artist_in_playlist',
    of: 'filter.by_artists',
    renames: { reference: 'exclusion_source' },
    referenceFromUpstream: 'exclusion_source',
  },
  { type: 'transformer.sort_by_plays', of: 'sorter.by_user_plays' },
  { type: 'sorter.sort_by_user_plays', of: 'sorter.by_user_plays' },
  { type: 'transformer.sort_by_popularity', of: 'sorter.by_spotify_popularity' },
  { type: 'transformer.limit_tracks', of: 'selector.limit_tracks' },
  { type: 'selector.limit', of: 'selector.limit_tracks' },
  {
    type: 'combiner.concatenate_tracklists',
    of: 'combiner.concatenate_playlists',
    renames: { sources: 'order' },
  },
  { type: 'combiner.alternate_tracklists', of: 'combiner.interleave_playlists' },
];

/** The task's config in today's keys: renamed keys moved (unless today's key is also set), defaults filled. */
export function canonicalConfig(alias: NodeAlias, task: WorkflowTask): Record<string, unknown> {
  const config: Record<string, unknown> = { ...task.config };
  for (const [older, today] of Object.entries(alias.renames ?? {})) {
    if (!Object.prototype.hasOwnProperty.call(config, older)) continue;
    if (config[today] === undefined) config[today] = config[older];
    delete config[older];
  }
  const key = alias.referenceFromUpstream;
  if (key !== undefined && config[key] === undefined && task.upstream.length >= 2) {
    config[key] = task.upstream[task.upstream.length - 1];
  }
  return config;
}

/** How `narada workflow nodes` and the JSON Schema describe an alias. */
export function describeAlias(alias: NodeAlias): string {
  const renames = Object.entries(alias.renames ?? {}).map(([older, today]) => `"${older}" for "${today}"`);
  const reference = alias.referenceFromUpstream
    ? `; without "reference", the last upstream task is the reference`
    : '';
  return `alias of ${alias.of} (older narada name)${renames.length > 0 ? `; config ${renames.join(', ')}` : ''}${reference}`;
}
