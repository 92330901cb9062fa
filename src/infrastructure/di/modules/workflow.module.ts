// Workflows: the node registry, the ports nodes run with, and the run / validate use cases.
import type { WorkflowServices } from '../../../application/workflow/node-context.js';
import { TOKENS } from '../tokens.js';
import { WORKFLOW } from '../workflow.tokens.js';
import type { FeatureModule } from './feature-module.js';
import { HISTORY } from '../history.tokens.js';
import { TRACKS } from '../tracks.tokens.js';

export const bindWorkflow: FeatureModule = (wiring) => {
  wiring.bind(WORKFLOW.Registry, async () => {
    const { createNodeRegistry } = await import('../../../application/workflow/nodes/all-nodes.js');
    return createNodeRegistry();
  });
  wiring.bind(WORKFLOW.Services, async (get): Promise<WorkflowServices> => {
    const repos = await get(TOKENS.Repositories);
    const ingest = await get(TRACKS.IngestConnectorTracks);
    return {
      spotify: await get(TOKENS.Spotify),
      lastfm: await get(TOKENS.Lastfm),
      tracks: repos.tracks,
      connectorTracks: repos.connectorTracks,
      trackMappings: repos.trackMappings,
      trackMetrics: repos.trackMetrics,
      playlists: repos.playlists,
      playHistory: await get(HISTORY.PlayHistory),
      likes: repos.likes,
      ingest: (records) => ingest.run(records),
      logger: await get(TOKENS.Logger),
    };
  });
  wiring.bind(WORKFLOW.Runs, async (get) => (await get(TOKENS.Repositories)).workflowRuns);
  wiring.bind(WORKFLOW.Run, async (get) => {
    const { RunWorkflow } = await import('../../../application/use-cases/workflow/run-workflow.js');
    const calls = await get(TOKENS.CallCounter);
    return new RunWorkflow({
      registry: await get(WORKFLOW.Registry),
      services: await get(WORKFLOW.Services),
      runs: await get(WORKFLOW.Runs),
      clock: await get(TOKENS.Clock),
      progress: await get(TOKENS.Progress),
      apiCalls: () => calls.snapshot(),
    });
  });
  wiring.bind(WORKFLOW.Validate, async (get) => {
    const { ValidateWorkflow } = await import('../../../application/use-cases/workflow/validate-workflow.js');
    return new ValidateWorkflow(await get(WORKFLOW.Registry));
  });
};
