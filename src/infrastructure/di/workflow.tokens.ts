// Workflows' tokens: the node registry, the ports nodes run with, the run and validate use cases and
// the run records. Type-only imports, so commands load no adapter.
import type { WorkflowRunRepository } from '../../application/ports/workflow-run-repository.port.js';
import type { RunWorkflow } from '../../application/use-cases/workflow/run-workflow.js';
import type { ValidateWorkflow } from '../../application/use-cases/workflow/validate-workflow.js';
import type { WorkflowServices } from '../../application/workflow/node-context.js';
import type { NodeRegistry } from '../../application/workflow/node-registry.js';
import { token } from './tokens.js';

export const WORKFLOW = {
  Registry: token<NodeRegistry>('workflow.Registry'),
  Services: token<WorkflowServices>('workflow.Services'),
  Run: token<RunWorkflow>('workflow.Run'),
  Validate: token<ValidateWorkflow>('workflow.Validate'),
  Runs: token<WorkflowRunRepository>('workflow.Runs'),
} as const;
