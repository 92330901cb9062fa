// Workflows: the node registry, the ports nodes run with, and the run / validate use cases.
import type { WorkflowRunRepository } from '../../../application/ports/workflow-run-repository.port.js';
import { RunWorkflow } from '../../../application/use-cases/workflow/run-workflow.js';
import { ValidateWorkflow } from '../../../application/use-cases/workflow/validate-workflow.js';
import type { WorkflowServices } from '../../../application/workflow/node-context.js';
import type { NodeRegistry } from '../../../application/workflow/node-registry.js';
import { createNodeRegistry } from '../../../application/workflow/nodes/all-nodes.js';
import { resolve } from '../resolve.js';
import { token, TOKENS } from '../tokens.js';
import type { FeatureModule } from './feature-module.js';
import { HISTORY } from './history.module.js';
import { IDENTITY } from './tracks.module.js';

export const WORKFLOW = {
  Registry: token<NodeRegistry>('workflow.Registry'),
  Services: token<WorkflowServices>('workflow.Services'),
  Run: token<RunWorkflow>('workflow.Run'),
  Validate: token<ValidateWorkflow>('workflow.Validate'),
  Runs: token<WorkflowRunRepository>('workflow.Runs'),
} as const;

export const bindWorkflow: FeatureModule = (container) => {
  container.bind(WORKFLOW.Registry).toConstantValue(createNodeRegistry());
  container.bind(WORKFLOW.Services).toDynamicValue(async (ctx): Promise<WorkflowServices> => {
    const repos = await resolve(ctx, TOKENS.Repositories);
    const ingest = await resolve(ctx, IDENTITY.IngestConnectorTracks);
    return {
      spotify: await resolve(ctx, TOKENS.Spotify),
      lastfm: await resolve(ctx, TOKENS.Lastfm),
      tracks: repos.tracks,
      connectorTracks: repos.connectorTracks,
      trackMappings: repos.trackMappings,
      trackMetrics: repos.trackMetrics,
      playlists: repos.playlists,
      playHistory: await resolve(ctx, HISTORY.PlayHistory),
      ingest: (records) => ingest.run(records),
      logger: await resolve(ctx, TOKENS.Logger),
    };
  });
  container
    .bind(WORKFLOW.Runs)
    .toDynamicValue(async (ctx) => (await resolve(ctx, TOKENS.Repositories)).workflowRuns);
  container.bind(WORKFLOW.Run).toDynamicValue(async (ctx) => {
    const calls = await resolve(ctx, TOKENS.CallCounter);
    return new RunWorkflow({
      registry: await resolve(ctx, WORKFLOW.Registry),
      services: await resolve(ctx, WORKFLOW.Services),
      runs: await resolve(ctx, WORKFLOW.Runs),
      clock: await resolve(ctx, TOKENS.Clock),
      progress: await resolve(ctx, TOKENS.Progress),
      apiCalls: () => calls.snapshot(),
    });
  });
  container
    .bind(WORKFLOW.Validate)
    .toDynamicValue(async (ctx) => new ValidateWorkflow(await resolve(ctx, WORKFLOW.Registry)));
};
