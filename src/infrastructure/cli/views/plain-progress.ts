// Progress as plain lines for scripts and logs: at most one line a second per task, plus the end; a
// workflow run as a line per task started and finished, with heartbeats (PlainWorkflowProgress).
import type {
  ProgressReporter,
  ProgressTask,
  WorkflowProgress,
} from '../../../application/ports/progress.port.js';
import { formatDuration, progressLine, type ProgressSnapshot } from './progress-format.js';
import { PlainWorkflowProgress } from './workflow-progress-lines.js';

export class PlainProgressReporter implements ProgressReporter {
  constructor(
    private readonly write: (line: string) => void,
    private readonly now: () => number = Date.now,
    private readonly intervalMs = 1000,
  ) {}

  workflow(): WorkflowProgress {
    return new PlainWorkflowProgress(this.write, this.now);
  }

  task(label: string, total?: number): ProgressTask {
    const state: { -readonly [K in keyof ProgressSnapshot]: ProgressSnapshot[K] } = {
      label,
      done: 0,
      total: total ?? null,
      startedAt: this.now(),
      detail: null,
    };
    let lastPrinted = 0;
    const print = (force: boolean) => {
      const now = this.now();
      if (!force && now - lastPrinted < this.intervalMs) return;
      lastPrinted = now;
      this.write(progressLine(state, now));
    };
    return {
      advance: (by = 1, detail) => {
        state.done += by;
        if (detail !== undefined) state.detail = detail;
        print(false);
      },
      setTotal: (n) => {
        state.total = n;
      },
      done: (summary) => {
        this.write(
          `${label}: done in ${formatDuration(this.now() - state.startedAt)}${summary ? ` — ${summary}` : ''}`,
        );
      },
      // Nothing: the reason reaches the user once, as the command's one error line (main.ts) or in
      // its result; a second line here would repeat it.
      fail: () => undefined,
    };
  }
}
