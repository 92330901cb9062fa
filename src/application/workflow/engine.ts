// Runs a workflow's tasks in dependency order: a task starts as soon as every task it reads has
// finished, so independent branches run concurrently (the connectors' rate limiters pace their
// calls). A failed task stops the tasks that depend on it; every task's counts and time are kept.
// Pure orchestration: all I/O happens inside `runTask`.
import type { Clock } from '../ports/clock.port.js';
import type { TaskCounts, WorkflowProgress } from '../ports/progress.port.js';
import { isNaradaError } from '../../domain/shared/errors.js';
import type { WorkflowDefinition, WorkflowTask } from '../../domain/workflow/workflow-definition.js';
import { executionOrder } from '../../domain/workflow/workflow-graph.js';
import type { TaskResult } from '../../domain/workflow/workflow-run.js';
import type { TrackList } from '../../domain/workflow/track-list.js';
import type { NodeResult, TaskInputs } from './workflow-node.js';

export type TaskRunner = (task: WorkflowTask, inputs: TaskInputs, counts: TaskCounts) => Promise<NodeResult>;

/** What the engine tells as tasks start and finish: a run's progress, less its end (the caller's). */
export type EngineProgress = Pick<WorkflowProgress, 'taskStarted' | 'taskFinished'>;

const NO_COUNTS: TaskCounts = { advance() {}, setTotal() {} };

export interface TaskFailure {
  readonly taskId: string;
  readonly type: string;
  readonly message: string;
  readonly error: unknown;
}

export interface EngineOutcome {
  /** One per task, in execution order. */
  readonly results: readonly TaskResult[];
  /** Output of each task that succeeded. */
  readonly outputs: ReadonlyMap<string, TrackList>;
  /** Tasks that failed, in the order they failed. */
  readonly failures: readonly TaskFailure[];
}

export async function executeWorkflow(
  definition: WorkflowDefinition,
  runTask: TaskRunner,
  options: { readonly clock: Clock; readonly progress?: EngineProgress },
): Promise<EngineOutcome> {
  const { clock, progress } = options;
  const order = executionOrder(definition);
  const byId = new Map(order.map((task) => [task.id, task]));
  const outputs = new Map<string, TrackList>();
  const failures: TaskFailure[] = [];
  const settled = new Map<string, Promise<TaskResult>>();

  const settle = (task: WorkflowTask): Promise<TaskResult> => {
    let result = settled.get(task.id);
    if (result === undefined) {
      result = execute(task);
      settled.set(task.id, result);
    }
    return result;
  };

  const execute = async (task: WorkflowTask): Promise<TaskResult> => {
    const upstream = await Promise.all(task.upstream.map((id) => settle(byId.get(id)!)));
    const blocked = upstream.find((result) => result.status !== 'succeeded');
    if (blocked !== undefined) {
      const why = blocked.status === 'failed' ? 'failed' : 'did not run';
      const result = outcome(task, 'skipped', { error: `not run: upstream task "${blocked.taskId}" ${why}` });
      progress?.taskFinished(result);
      return result;
    }
    const inputs: TaskInputs = new Map(task.upstream.map((id) => [id, outputs.get(id)!]));
    const counts = progress?.taskStarted(task) ?? NO_COUNTS;
    const startedAt = clock.now();
    let result: TaskResult;
    try {
      const produced = await runTask(task, inputs, counts);
      outputs.set(task.id, produced.output);
      const inputCount =
        produced.inputCount ?? [...inputs.values()].reduce((n, list) => n + list.tracks.length, 0);
      result = outcome(task, 'succeeded', {
        inputCount,
        outputCount: produced.output.tracks.length,
        durationMs: clock.now() - startedAt,
        details: {
          ...produced.details,
          ...(produced.warnings && produced.warnings.length > 0 ? { warnings: produced.warnings } : {}),
        },
      });
    } catch (error) {
      const message = errorMessage(error);
      failures.push({ taskId: task.id, type: task.type, message, error });
      result = outcome(task, 'failed', {
        durationMs: clock.now() - startedAt,
        error: message,
        details: errorDetails(error),
      });
    }
    progress?.taskFinished(result);
    return result;
  };

  const results = await Promise.all(order.map(settle));
  return { results, outputs, failures };
}

function outcome(task: WorkflowTask, status: TaskResult['status'], fields: Partial<TaskResult>): TaskResult {
  return {
    taskId: task.id,
    type: task.type,
    status,
    inputCount: 0,
    outputCount: 0,
    durationMs: 0,
    error: null,
    details: {},
    ...fields,
  };
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

function errorDetails(error: unknown): Record<string, unknown> {
  if (!isNaradaError(error)) return { unexpected: true };
  return { code: error.code, category: error.category, retryable: error.retryable };
}
