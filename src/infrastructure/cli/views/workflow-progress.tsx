// A workflow run's live progress on a terminal (ink), for InkProgressReporter: every task with its
// state (waiting, running with a bar, done, failed, not run), its counts and time, redrawn on a clock.
import { Box, render, Text, type Instance } from 'ink';
import type { TaskCounts, WorkflowProgress } from '../../../application/ports/progress.port.js';
import type { WorkflowTask } from '../../../domain/workflow/workflow-definition.js';
import type { TaskResult } from '../../../domain/workflow/workflow-run.js';
import { bar } from './progress-format.js';
import { elapsed } from './workflow-report.js';

interface TaskRow {
  readonly id: string;
  readonly type: string;
  readonly state: 'waiting' | 'running' | TaskResult['status'];
  readonly done: number;
  readonly total: number | null;
  readonly startedAt: number | null;
  readonly note: string | null;
}

const MARK: Record<TaskRow['state'], { text: string; color: string }> = {
  waiting: { text: '·', color: 'gray' },
  running: { text: '…', color: 'cyan' },
  succeeded: { text: '✔', color: 'green' },
  failed: { text: '✖', color: 'red' },
  skipped: { text: '↷', color: 'yellow' },
};

function WorkflowView({ rows, now }: { rows: readonly TaskRow[]; now: number }) {
  const width = Math.max(4, ...rows.map((row) => row.id.length));
  return (
    <Box flexDirection="column">
      {rows.map((row) => (
        <Box key={row.id} gap={1}>
          <Text color={MARK[row.state].color}>{MARK[row.state].text}</Text>
          <Text>{row.id.padEnd(width)}</Text>
          <Text dimColor>{row.type}</Text>
          {row.state === 'running' && row.total !== null && <Text>{bar(row.done, row.total, 20)}</Text>}
          {row.state === 'running' && row.total !== null && <Text>{`${row.done}/${row.total}`}</Text>}
          {row.state === 'running' && row.startedAt !== null && (
            <Text dimColor>{elapsed(now - row.startedAt)}</Text>
          )}
          {row.note !== null && <Text dimColor={row.state !== 'failed'}>{row.note}</Text>}
        </Box>
      ))}
    </Box>
  );
}

export class InkWorkflowProgress implements WorkflowProgress {
  private rows: TaskRow[] = [];
  private instance: Instance | null = null;
  private timer: NodeJS.Timeout | null = null;

  /** Shows `tasks` (in execution order) waiting, at once. */
  constructor(
    private readonly stream: NodeJS.WritableStream,
    tasks: readonly WorkflowTask[],
  ) {
    this.rows = tasks.map((task) => ({
      id: task.id,
      type: task.type,
      state: 'waiting',
      done: 0,
      total: null,
      startedAt: null,
      note: null,
    }));
    this.instance = render(<WorkflowView rows={this.rows} now={Date.now()} />, {
      stdout: this.stream as NodeJS.WriteStream,
      patchConsole: false,
      exitOnCtrlC: false,
    });
    this.timer = setInterval(() => this.redraw(), 100);
    this.timer.unref();
  }

  taskStarted(task: WorkflowTask): TaskCounts {
    this.update(task.id, { state: 'running', startedAt: Date.now() });
    const taskId = task.id;
    return {
      setTotal: (total) => this.update(taskId, { total }),
      advance: (by = 1) => this.update(taskId, { done: (this.row(taskId)?.done ?? 0) + by }),
    };
  }

  taskFinished(result: TaskResult): void {
    const note =
      result.status === 'succeeded'
        ? `${result.inputCount} → ${result.outputCount}  ${elapsed(result.durationMs)}`
        : (result.error ?? null);
    this.update(result.taskId, { state: result.status, note });
    this.redraw();
  }

  end(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.redraw();
    this.instance?.unmount();
    this.instance = null;
  }

  private row(taskId: string): TaskRow | undefined {
    return this.rows.find((row) => row.id === taskId);
  }

  private update(taskId: string, change: Partial<TaskRow>): void {
    this.rows = this.rows.map((row) => (row.id === taskId ? { ...row, ...change } : row));
  }

  private redraw(): void {
    this.instance?.rerender(<WorkflowView rows={this.rows} now={Date.now()} />);
  }
}
