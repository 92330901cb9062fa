// Saved workflow runs, for `narada workflow runs`.
import type { WorkflowRun } from '../../domain/workflow/workflow-run.js';

export type WorkflowRunDraft = Omit<WorkflowRun, 'id'>;

export interface WorkflowRunRepository {
  /** Inserts a draft (giving it an id) or updates a run that has one, e.g. when it finishes. */
  save(run: WorkflowRun | WorkflowRunDraft): Promise<WorkflowRun>;
  /** The latest `limit` runs, newest first. */
  list(limit: number): Promise<WorkflowRun[]>;
  get(id: number): Promise<WorkflowRun | null>;
}
