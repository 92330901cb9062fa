// `narada workflow run`: checks the workflow, runs its tasks through the engine with the nodes'
// ports, and saves the run (tasks, counts, times, API calls) whether it succeeds or fails.
import type { Clock } from '../../ports/clock.port.js';
import type { ProgressReporter, TaskCounts, WorkflowProgress } from '../../ports/progress.port.js';
import type { WorkflowRunRepository } from '../../ports/workflow-run-repository.port.js';
import type { TaskResult, WorkflowRun } from '../../../domain/workflow/workflow-run.js';
import type { WorkflowTask } from '../../../domain/workflow/workflow-definition.js';
import { executeWorkflow, type EngineProgress } from '../../workflow/engine.js';
import type { NodeContext, RunFacts, RunState, WorkflowServices } from '../../workflow/node-context.js';
import type { NodeRegistry } from '../../workflow/node-registry.js';
import { SpotifyLinks } from '../../workflow/spotify-links.js';
import { logTaskResult } from '../../workflow/task-log.js';
import { loadWorkflowDefinition } from '../../workflow/workflow-checks.js';
import type { TaskInputs } from '../../workflow/workflow-node.js';

export interface RunWorkflowRequest {
  /** The workflow file's text. */
  readonly text: string;
  /** How the user named it (a path or an id), for messages. */
  readonly source: string;
  /** Id for a file that declares none. */
  readonly fallbackId?: string;
  readonly parameters: Readonly<Record<string, string>>;
  readonly dryRun: boolean;
  /** `--allow-empty`: destinations may remove every track of a playlist; else they refuse, writing nothing. */
  readonly allowEmpty?: boolean;
  /** Refuse the workflow when it has warnings (unknown config keys), as `--strict` asks. */
  readonly strict?: boolean;
}

export interface RunWorkflowDeps {
  readonly registry: NodeRegistry;
  readonly services: WorkflowServices;
  readonly runs: WorkflowRunRepository;
  readonly clock: Clock;
  /** Where the run's tasks are shown starting, counting and finishing. */
  readonly progress: ProgressReporter;
  /** API calls made so far in this process, per service and endpoint (`"spotify GET /me"`). */
  readonly apiCalls: () => Readonly<Record<string, number>>;
}

export class RunWorkflow {
  constructor(private readonly deps: RunWorkflowDeps) {}

  /** Resolves with the saved run, failed or not; throws only when the workflow does not pass its checks. */
  async run(request: RunWorkflowRequest): Promise<WorkflowRun> {
    const { registry, services, runs, clock } = this.deps;
    const definition = loadWorkflowDefinition(request, registry);
    const startedAt = clock.now();
    // Runs a killed `workflow run` left `running` are closed first, so none stays `running` for ever.
    await runs.interruptAbandoned(startedAt);
    const callsBefore = { ...this.deps.apiCalls() };
    const saved = await runs.save({
      workflowId: definition.id,
      workflowName: definition.name,
      status: 'running',
      dryRun: request.dryRun,
      parameters: request.parameters,
      tasks: [],
      apiCalls: {},
      startedAt,
      finishedAt: null,
      error: null,
    });
    const facts: RunFacts = {
      now: startedAt,
      dryRun: request.dryRun,
      allowEmpty: request.allowEmpty === true,
      seed: startedAt % 2_147_483_647,
    };
    const state: RunState = { links: new SpotifyLinks(), playlistReads: new Map() };
    const runTask = (task: WorkflowTask, inputs: TaskInputs, progress: TaskCounts) => {
      const ctx: NodeContext = { ...services, run: facts, state, progress };
      return registry.require(task.type).run(ctx, { params: registry.paramsOf(task), inputs, task });
    };
    const progress = this.deps.progress.workflow(definition.tasks);
    let outcome;
    try {
      outcome = await executeWorkflow(definition, runTask, {
        clock,
        progress: loggedProgress(progress, (result) => logTaskResult(services.logger, saved.id, result)),
      });
    } finally {
      progress.end();
    }
    const failure = outcome.failures[0];
    return runs.save({
      ...saved,
      status: failure === undefined ? 'succeeded' : 'failed',
      tasks: outcome.results,
      apiCalls: callsSince(callsBefore, this.deps.apiCalls()),
      finishedAt: clock.now(),
      error:
        failure === undefined
          ? null
          : `task "${failure.taskId}" (${failure.type}) failed: ${failure.message}`,
    });
  }
}

/** The run's progress, each finished task also logged. */
function loggedProgress(progress: WorkflowProgress, log: (result: TaskResult) => void): EngineProgress {
  return {
    taskStarted: (task) => progress.taskStarted(task),
    taskFinished: (result) => {
      log(result);
      progress.taskFinished(result);
    },
  };
}

function callsSince(
  before: Readonly<Record<string, number>>,
  after: Readonly<Record<string, number>>,
): Record<string, number> {
  const calls: Record<string, number> = {};
  for (const [key, count] of Object.entries(after)) {
    const made = count - (before[key] ?? 0);
    if (made > 0) calls[key] = made;
  }
  return calls;
}
