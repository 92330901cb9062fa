// Workflow progress as plain lines on stderr (scripts, CI, --no-progress): a line when a task starts
// and one when it ends, with its counts, time or reason.
import type { RunObserver } from '../../../application/use-cases/workflow/run-workflow.js';
import type { TaskProgress } from '../../../application/workflow/node-context.js';
import type { WorkflowTask } from '../../../domain/workflow/workflow-definition.js';
import type { TaskResult } from '../../../domain/workflow/workflow-run.js';
import { elapsed } from './workflow-report.js';

export interface WorkflowProgressView extends RunObserver {
  stop(): void;
}

export class PlainWorkflowProgress implements WorkflowProgressView {
  constructor(private readonly write: (line: string) => void) {}

  taskStarted(task: WorkflowTask): void {
    this.write(`▶ ${task.id} (${task.type})`);
  }

  taskProgress(): TaskProgress {
    return { setTotal() {}, advance() {} };
  }

  taskFinished(result: TaskResult): void {
    this.write(finishedLine(result));
  }

  stop(): void {}
}

export function finishedLine(result: TaskResult): string {
  if (result.status === 'succeeded') {
    return `✔ ${result.taskId}: ${result.inputCount} → ${result.outputCount} tracks in ${elapsed(result.durationMs)}`;
  }
  if (result.status === 'failed') return `✖ ${result.taskId} failed: ${result.error ?? 'unknown error'}`;
  return `↷ ${result.taskId} ${result.error ?? 'not run'}`;
}
