// Where a schedule's workflow comes from: a file path, or a workflow id among the user's own workflows
// (NARADA_HOME/workflows) and the shipped ones, as `narada workflow run` finds them.
import type { ScheduledWorkflow } from '../../domain/schedules/schedule.js';

export interface LocatedWorkflow {
  readonly kind: ScheduledWorkflow['kind'];
  /** The absolute path (kind `file`) or the id as given (kind `id`). */
  readonly ref: string;
  readonly path: string;
  /** How messages name it. */
  readonly label: string;
  readonly text: string;
  /** The file name without `.json`, for a file that declares no id. */
  readonly fallbackId: string;
  readonly contentHash: string;
}

export interface WorkflowSource {
  /** A path (relative to `cwd`) or a workflow id; throws WORKFLOW.NOT_FOUND (input) naming it. */
  locate(nameOrPath: string, cwd: string): LocatedWorkflow;
  /** Reads again what `locate` found; throws a NaradaError saying why when it cannot (gone, unreadable). */
  reload(workflow: Pick<ScheduledWorkflow, 'kind' | 'ref'>): LocatedWorkflow;
}
