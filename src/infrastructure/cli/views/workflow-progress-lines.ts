// A workflow run's progress as plain lines on stderr (scripts, CI, --no-progress), for
// PlainProgressReporter: a line when a task starts and one when it ends, with its counts, time or
// reason; and while a task runs long, a heartbeat line at least every 5 seconds (its name, the time so
// far and its counts), so a log never looks stuck.
import type { TaskCounts, WorkflowProgress } from '../../../application/ports/progress.port.js';
import type { WorkflowTask } from '../../../domain/workflow/workflow-definition.js';
import type { TaskResult } from '../../../domain/workflow/workflow-run.js';
import { elapsed } from './workflow-report.js';

/** The longest a running task goes without a line. */
export const HEARTBEAT_MS = 5_000;
/** How often running tasks are looked at; a heartbeat is at most this late. */
const CHECK_MS = 1_000;

interface Running {
  readonly startedAt: number;
  lastLineAt: number;
  done: number;
  total: number | null;
}

export class PlainWorkflowProgress implements WorkflowProgress {
  private readonly running = new Map<string, Running>();
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly write: (line: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  taskStarted(task: WorkflowTask): TaskCounts {
    this.write(`▶ ${task.id} (${task.type})`);
    const at = this.now();
    this.running.set(task.id, { startedAt: at, lastLineAt: at, done: 0, total: null });
    if (this.timer === null) {
      this.timer = setInterval(() => this.heartbeat(), CHECK_MS);
      // A heartbeat never keeps a finished command alive.
      this.timer.unref();
    }
    return this.counts(task.id);
  }

  private counts(taskId: string): TaskCounts {
    return {
      setTotal: (total) => {
        const state = this.running.get(taskId);
        if (state !== undefined) state.total = total;
      },
      advance: (by = 1) => {
        const state = this.running.get(taskId);
        if (state !== undefined) state.done += by;
      },
    };
  }

  taskFinished(result: TaskResult): void {
    this.running.delete(result.taskId);
    this.write(finishedLine(result));
  }

  end(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.running.clear();
  }

  private heartbeat(): void {
    const now = this.now();
    for (const [taskId, state] of this.running) {
      if (now - state.lastLineAt < HEARTBEAT_MS) continue;
      state.lastLineAt = now;
      const counts = state.total === null ? `${state.done} done` : `${state.done} of ${state.total} done`;
      this.write(`… ${taskId}: running for ${elapsed(now - state.startedAt)}, ${counts}`);
    }
  }
}

export function finishedLine(result: TaskResult): string {
  if (result.status === 'succeeded') {
    return `✔ ${result.taskId}: ${result.inputCount} → ${result.outputCount} tracks in ${elapsed(result.durationMs)}`;
  }
  if (result.status === 'failed') return `✖ ${result.taskId} failed: ${result.error ?? 'unknown error'}`;
  return `↷ ${result.taskId} ${result.error ?? 'not run'}`;
}
