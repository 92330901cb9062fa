// Runs one node the way the engine does (config checked and parsed by the registry, a context of
// in-memory ports), so node tests read as fixtures: config and input in, output and port state out.
import type { TrackRepository } from '../../../../src/application/ports/track-repository.port.js';
import type { NodeContext } from '../../../../src/application/workflow/node-context.js';
import { createNodeRegistry } from '../../../../src/application/workflow/nodes/all-nodes.js';
import { SpotifyLinks } from '../../../../src/application/workflow/spotify-links.js';
import type { NodeResult } from '../../../../src/application/workflow/workflow-node.js';
import type { TrackList } from '../../../../src/domain/workflow/track-list.js';
import type { WorkflowTask } from '../../../../src/domain/workflow/workflow-definition.js';
import type { ConfigIssue } from '../../../../src/domain/workflow/workflow-validation.js';
import {
  MemoryConnectorTracks,
  MemoryLastfm,
  MemoryLikes,
  MemoryLibrary,
  MemoryMappings,
  MemoryMetrics,
  MemoryPlayHistory,
  MemoryPlaylists,
} from './memory-ports.js';
import { MemorySpotify } from './memory-spotify.js';

/** 2025-06-01T00:00:00Z, the run's "now" in node tests. */
export const NOW = Date.UTC(2025, 5, 1);
export const DAY = 86_400_000;

export const registry = createNodeRegistry();

export function nodeKit(options: { dryRun?: boolean; now?: number } = {}) {
  const spotify = new MemorySpotify();
  const lastfm = new MemoryLastfm();
  const metrics = new MemoryMetrics();
  const mappings = new MemoryMappings();
  const connectorTracks = new MemoryConnectorTracks();
  const playlists = new MemoryPlaylists();
  const library = new MemoryLibrary();
  const playHistory = new MemoryPlayHistory();
  const likes = new MemoryLikes();
  const totals: number[] = [];
  const ctx: NodeContext = {
    spotify,
    lastfm,
    tracks: library as unknown as TrackRepository,
    connectorTracks,
    trackMappings: mappings,
    trackMetrics: metrics,
    playlists,
    playHistory,
    likes,
    ingest: (records) => library.ingest(records),
    logger: { debug() {}, info() {}, warn() {}, error() {}, record() {} },
    run: { now: options.now ?? NOW, dryRun: options.dryRun ?? false, seed: 42 },
    state: { links: new SpotifyLinks(), playlistReads: new Map() },
    progress: { setTotal: (total) => totals.push(total), advance() {} },
  };
  return {
    ctx,
    spotify,
    lastfm,
    metrics,
    mappings,
    connectorTracks,
    playlists,
    library,
    playHistory,
    likes,
    totals,
  };
}

export type Kit = ReturnType<typeof nodeKit>;

export function taskOf(
  type: string,
  config: Record<string, unknown>,
  upstream: readonly string[] = [],
): WorkflowTask {
  return { id: 'task', type, config, upstream };
}

/** The config problems `workflow validate` would report for this task. */
export function configProblems(
  type: string,
  config: Record<string, unknown>,
  upstream: readonly string[] = ['in'],
): readonly ConfigIssue[] {
  const task = taskOf(type, config, upstream);
  return registry.validateConfig(task, {
    id: 'w',
    name: 'w',
    description: '',
    version: null,
    parameters: [],
    tasks: [task],
  });
}

/** Runs the node of `type` on `inputs` (upstream id → list, in upstream order). */
export async function runNode(
  kit: Kit,
  type: string,
  config: Record<string, unknown>,
  inputs: Readonly<Record<string, TrackList>> = {},
): Promise<NodeResult> {
  const task = taskOf(type, config, Object.keys(inputs));
  const problems = configProblems(type, config, task.upstream);
  if (problems.length > 0) throw new Error(`invalid config: ${problems.map((p) => p.message).join('; ')}`);
  const node = registry.require(type);
  return node.run(kit.ctx, {
    params: registry.paramsOf(task),
    inputs: new Map(Object.entries(inputs)),
    task,
  });
}

export const titles = (list: TrackList): string[] => list.tracks.map((track) => track.title);
