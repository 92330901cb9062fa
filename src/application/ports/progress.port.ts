// Progress of long work (imports, resolution, workflows), shown as a bar on a terminal or as
// plain lines in scripts; use cases report, adapters decide how it looks. A workflow run is the same
// progress with richer events: its planned tasks, and each task starting and finishing.
import type { WorkflowTask } from '../../domain/workflow/workflow-definition.js';
import type { TaskResult } from '../../domain/workflow/workflow-run.js';

export interface ProgressTask {
  /** Counts `by` more items done; `detail` is a short note on what is happening now. */
  advance(by?: number, detail?: string): void;
  setTotal(total: number): void;
  done(summary?: string): void;
  fail(message: string): void;
}

/** What a workflow node reports while it runs: its counts. The run reports the task's start and end. */
export type TaskCounts = Pick<ProgressTask, 'advance' | 'setTotal'>;

/** One workflow run's progress, from its first task to `end`. */
export interface WorkflowProgress {
  /** A task started; its node reports counts on the handle returned. */
  taskStarted(task: WorkflowTask): TaskCounts;
  /** A task succeeded, failed or was not run. */
  taskFinished(result: TaskResult): void;
  /** The run is over, whatever its outcome: nothing more is reported on it. */
  end(): void;
}

export interface ProgressReporter {
  task(label: string, total?: number): ProgressTask;
  /** A workflow run about to start, its tasks in execution order. */
  workflow(tasks: readonly WorkflowTask[]): WorkflowProgress;
}

const SILENT_TASK: ProgressTask = { advance() {}, setTotal() {}, done() {}, fail() {} };

export const SILENT_PROGRESS: ProgressReporter = {
  task: () => SILENT_TASK,
  workflow: () => ({ taskStarted: () => SILENT_TASK, taskFinished() {}, end() {} }),
};
