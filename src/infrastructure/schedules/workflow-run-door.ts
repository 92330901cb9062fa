// The port schedules run workflows through, over the workflow feature's own door (`RunWorkflow`, as
// `narada workflow run` uses it) and its checks: a scheduled run is an ordinary saved workflow run.
import type {
  WorkflowInput,
  WorkflowRunner,
  WorkflowRunOutcome,
} from '../../application/ports/workflow-runner.port.js';
import type { RunWorkflow } from '../../application/use-cases/workflow/run-workflow.js';
import type { NodeRegistry } from '../../application/workflow/node-registry.js';
import { checkWorkflow } from '../../application/workflow/workflow-checks.js';
import { WorkflowValidationError } from '../../domain/workflow/workflow-definition.js';

export class WorkflowRunDoor implements WorkflowRunner {
  constructor(
    private readonly registry: NodeRegistry,
    private readonly runWorkflow: RunWorkflow,
  ) {}

  check(workflow: WorkflowInput, parameters: Readonly<Record<string, string>>) {
    const { definition, issues } = checkWorkflow(
      { text: workflow.text, fallbackId: workflow.fallbackId, parameters },
      this.registry,
    );
    if (definition === null) throw new WorkflowValidationError(workflow.label, issues);
    return { id: definition.id, name: definition.name };
  }

  async run(
    workflow: WorkflowInput,
    parameters: Readonly<Record<string, string>>,
  ): Promise<WorkflowRunOutcome> {
    const run = await this.runWorkflow.run({
      text: workflow.text,
      source: workflow.label,
      fallbackId: workflow.fallbackId,
      parameters,
      dryRun: false,
    });
    return {
      runId: run.id,
      status: run.status === 'succeeded' ? 'succeeded' : 'failed',
      error: run.status === 'succeeded' ? null : (run.error ?? `the run ended ${run.status}`),
    };
  }
}
