// Live progress on a terminal with ink: one bar per task with counts, rate and ETA; a workflow run as
// its table of tasks (InkWorkflowProgress).
import { Box, render, Text, type Instance } from 'ink';
import type {
  ProgressReporter,
  ProgressTask,
  WorkflowProgress,
} from '../../../application/ports/progress.port.js';
import type { WorkflowTask } from '../../../domain/workflow/workflow-definition.js';
import { bar, estimateRemainingMs, formatDuration, type ProgressSnapshot } from './progress-format.js';
import { InkWorkflowProgress } from './workflow-progress.js';

interface TaskView extends ProgressSnapshot {
  readonly state: 'running' | 'done' | 'failed';
  readonly summary: string | null;
}

function ProgressView({ tasks, now }: { tasks: readonly TaskView[]; now: number }) {
  return (
    <Box flexDirection="column">
      {tasks.map((t, i) => {
        const eta = estimateRemainingMs(t, now);
        const mark = t.state === 'done' ? '✔' : t.state === 'failed' ? '✖' : '…';
        return (
          <Box key={i} gap={1}>
            <Text color={t.state === 'failed' ? 'red' : t.state === 'done' ? 'green' : 'cyan'}>{mark}</Text>
            <Text>{t.label}</Text>
            {t.state === 'running' && <Text>{bar(t.done, t.total, 24)}</Text>}
            <Text>{t.total === null ? `${t.done}` : `${t.done}/${t.total}`}</Text>
            {t.state === 'running' && eta !== null && <Text dimColor>ETA {formatDuration(eta)}</Text>}
            {(t.summary ?? t.detail) && <Text dimColor>{t.summary ?? t.detail}</Text>}
          </Box>
        );
      })}
    </Box>
  );
}

export class InkProgressReporter implements ProgressReporter {
  private readonly tasks: TaskView[] = [];
  private instance: Instance | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly stream: NodeJS.WritableStream) {}

  workflow(tasks: readonly WorkflowTask[]): WorkflowProgress {
    return new InkWorkflowProgress(this.stream, tasks);
  }

  task(label: string, total?: number): ProgressTask {
    const index = this.tasks.length;
    this.tasks.push({
      label,
      done: 0,
      total: total ?? null,
      startedAt: Date.now(),
      detail: null,
      state: 'running',
      summary: null,
    });
    this.ensureRendering();
    const update = (change: Partial<TaskView>) => {
      this.tasks[index] = { ...this.tasks[index]!, ...change };
    };
    return {
      advance: (by = 1, detail) =>
        update({ done: this.tasks[index]!.done + by, ...(detail === undefined ? {} : { detail }) }),
      setTotal: (n) => update({ total: n }),
      done: (summary) => {
        update({ state: 'done', summary: summary ?? null });
        this.rerender();
      },
      fail: (message) => {
        update({ state: 'failed', summary: message });
        this.rerender();
      },
    };
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.rerender();
    this.instance?.unmount();
    this.instance = null;
  }

  private ensureRendering(): void {
    if (this.instance) return;
    this.instance = render(<ProgressView tasks={[...this.tasks]} now={Date.now()} />, {
      stdout: this.stream as NodeJS.WriteStream,
      patchConsole: false,
      exitOnCtrlC: false,
    });
    // Redraw on a clock rather than on every advance: imports advance thousands of times a second.
    this.timer = setInterval(() => this.rerender(), 100);
    this.timer.unref();
  }

  private rerender(): void {
    this.instance?.rerender(<ProgressView tasks={[...this.tasks]} now={Date.now()} />);
  }
}
