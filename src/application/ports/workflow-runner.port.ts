// Running a workflow for another feature (schedules), as `narada workflow run` runs it: checked, run
// through the engine and saved as a workflow run.
import type { LocatedWorkflow } from './workflow-source.port.js';

export type WorkflowInput = Pick<LocatedWorkflow, 'text' | 'label' | 'fallbackId'>;

export interface WorkflowRunOutcome {
  readonly runId: number;
  readonly status: 'succeeded' | 'failed';
  /** Why it failed: which task, and its error. */
  readonly error: string | null;
}

export interface WorkflowRunner {
  /** The workflow's id and name; throws WORKFLOW.INVALID (input) with every problem when it would not run. */
  check(
    workflow: WorkflowInput,
    parameters: Readonly<Record<string, string>>,
  ): { readonly id: string; readonly name: string };
  /** Runs it; resolves with the saved run, failed or not. Throws when it does not pass its checks. */
  run(workflow: WorkflowInput, parameters: Readonly<Record<string, string>>): Promise<WorkflowRunOutcome>;
}
