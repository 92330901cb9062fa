// Saved workflow runs, for `narada workflow runs`.
import type { EpochMs } from '../../domain/values/time.js';
import type { WorkflowRun } from '../../domain/workflow/workflow-run.js';

/** The repository records the process that saves it first as the run's owner. */
export type WorkflowRunDraft = Omit<WorkflowRun, 'id' | 'owner'>;

export interface WorkflowRunRepository {
  /** Inserts a draft (giving it an id and this process as owner) or updates a run that has one. */
  save(run: WorkflowRun | WorkflowRunDraft): Promise<WorkflowRun>;
  /**
   * Marks `interrupted` the runs left `running` by a process that has ended, and returns them; a run
   * whose process is alive, or runs on another machine, is left alone.
   */
  interruptAbandoned(at: EpochMs): Promise<WorkflowRun[]>;
  /** The latest `limit` runs, newest first. */
  list(limit: number): Promise<WorkflowRun[]>;
  get(id: number): Promise<WorkflowRun | null>;
}
