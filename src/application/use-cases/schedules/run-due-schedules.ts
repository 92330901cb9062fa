// `narada schedule run-due` (and, later, the server and worker): runs every schedule whose time has
// come, once each, through the workflow runner, and records each run's outcome on its schedule. A run
// first claims its schedule in the store, so two processes never run one schedule at once; a failed
// run is recorded with its reason and tried again at the schedule's next time, not at once.
import type { Clock } from '../../ports/clock.port.js';
import type { Logger } from '../../ports/logger.port.js';
import type { ScheduleClaim, ScheduleStore } from '../../ports/schedule-store.port.js';
import type { WorkflowRunner } from '../../ports/workflow-runner.port.js';
import type { LocatedWorkflow, WorkflowSource } from '../../ports/workflow-source.port.js';
import {
  STALE_CLAIM_MS,
  type Schedule,
  type ScheduledWorkflow,
  type ScheduleLastRun,
} from '../../../domain/schedules/schedule.js';
import { nextDueAfter } from '../../../domain/schedules/schedule-rule.js';
import { NaradaError } from '../../../domain/shared/errors.js';
import type { EpochMs } from '../../../domain/values/time.js';

export interface RunDueRequest {
  /** List what is due and check each workflow still loads; run nothing, write nothing. */
  readonly dryRun: boolean;
  /**
   * Only these schedules (when due): a job queue runs one job per due schedule, found by a dry run
   * (its `scheduleId` and `dueAt` make the job's key). Absent: every due schedule.
   */
  readonly scheduleIds?: readonly number[];
}

export interface DueScheduleRun {
  readonly scheduleId: number;
  readonly name: string;
  readonly workflowId: string;
  /** The due time this run was for. */
  readonly dueAt: EpochMs;
  /**
   * `succeeded` / `failed`: ran (or could not start); `taken`: another process claimed it first;
   * `would-run` / `would-fail`: a dry run's verdict.
   */
  readonly status: 'succeeded' | 'failed' | 'taken' | 'would-run' | 'would-fail';
  readonly reason: string | null;
  readonly workflowRunId: number | null;
  /** When it is due next (unchanged by a dry run; null when another process has it). */
  readonly nextDueAt: EpochMs | null;
  /** Facts worth knowing that are not failures: the workflow file changed since it was scheduled. */
  readonly notes: readonly string[];
}

export interface RunDueReport {
  readonly checkedAt: EpochMs;
  readonly dryRun: boolean;
  readonly runs: readonly DueScheduleRun[];
}

export interface RunDueSchedulesDeps {
  readonly store: ScheduleStore;
  readonly source: WorkflowSource;
  readonly runner: WorkflowRunner;
  readonly clock: Clock;
  /** Each run's outcome goes to the log too: a timer's runs have no one watching. */
  readonly logger?: Logger;
}

export class RunDueSchedules {
  constructor(private readonly deps: RunDueSchedulesDeps) {}

  async run(request: RunDueRequest): Promise<RunDueReport> {
    const { store, clock } = this.deps;
    const checkedAt = clock.now();
    const only = request.scheduleIds === undefined ? null : new Set(request.scheduleIds);
    const due = (await store.due(checkedAt, checkedAt - STALE_CLAIM_MS)).filter(
      (schedule) => only === null || only.has(schedule.id),
    );
    const runs: DueScheduleRun[] = [];
    // One after another: the runs share the services' rate limits, and a schedule's order is its id's.
    for (const schedule of due) {
      if (request.dryRun) {
        runs.push(this.preview(schedule));
        continue;
      }
      const now = clock.now();
      const claim = await store.claim(schedule, now, now - STALE_CLAIM_MS);
      runs.push(
        claim === null
          ? {
              ...about(schedule),
              status: 'taken',
              reason: null,
              workflowRunId: null,
              nextDueAt: null,
              notes: [],
            }
          : await this.runClaimed(schedule, claim),
      );
    }
    return { checkedAt, dryRun: request.dryRun, runs };
  }

  private preview(schedule: Schedule): DueScheduleRun {
    const base = { ...about(schedule), workflowRunId: null, nextDueAt: schedule.nextDueAt };
    try {
      const { notes } = this.load(schedule);
      return { ...base, status: 'would-run', reason: null, notes };
    } catch (error) {
      return { ...base, status: 'would-fail', reason: reasonOf(error), notes: [] };
    }
  }

  private async runClaimed(schedule: Schedule, claim: ScheduleClaim): Promise<DueScheduleRun> {
    const { store, runner, clock } = this.deps;
    let workflow = schedule.workflow;
    let notes: string[] = [];
    let lastRun: Omit<ScheduleLastRun, 'finishedAt'>;
    try {
      const loaded = this.load(schedule);
      workflow = loaded.workflow;
      notes = loaded.notes;
      const outcome = await runner.run(loaded.located, schedule.parameters);
      lastRun = {
        startedAt: claim.claimedAt,
        outcome: outcome.status,
        reason: outcome.error,
        workflowRunId: outcome.runId,
      };
    } catch (error) {
      lastRun = {
        startedAt: claim.claimedAt,
        outcome: 'failed',
        reason: reasonOf(error),
        workflowRunId: null,
      };
    }
    const finishedAt = clock.now();
    const nextDueAt = nextDueAfter(schedule.rule, schedule.nextDueAt, finishedAt);
    const kept = await store.finish(claim, { lastRun: { ...lastRun, finishedAt }, nextDueAt, workflow });
    if (!kept) {
      notes.push(
        'the schedule was removed, or its claim taken over as stale, while it ran: this run is not recorded on it',
      );
    }
    const run: DueScheduleRun = {
      ...about(schedule),
      status: lastRun.outcome,
      reason: lastRun.reason,
      workflowRunId: lastRun.workflowRunId,
      nextDueAt,
      notes,
    };
    this.deps.logger?.record(run.status === 'failed' ? 'warn' : 'info', 'scheduled run', { ...run });
    return run;
  }

  /**
   * The schedule's workflow as it is now. A file that changed is run as it now reads if it still is the
   * same workflow (its id) and passes its checks; one that now holds another workflow is refused.
   */
  private load(schedule: Schedule): {
    located: LocatedWorkflow;
    workflow: ScheduledWorkflow;
    notes: string[];
  } {
    const { source, runner } = this.deps;
    const located = source.reload(schedule.workflow);
    const checked = runner.check(located, schedule.parameters);
    if (checked.id !== schedule.workflow.workflowId) {
      throw new NaradaError(
        'SCHEDULE.WORKFLOW_REPLACED',
        `${located.label} now holds workflow "${checked.id}", not "${schedule.workflow.workflowId}" as when it was scheduled; ` +
          `remove schedule ${schedule.id} and add it again if that is the workflow to run`,
        'input',
      );
    }
    const notes =
      located.contentHash === schedule.workflow.contentHash
        ? []
        : [`${located.label} changed since it was last checked; this run uses it as it now reads`];
    return {
      located,
      workflow: { ...schedule.workflow, path: located.path, contentHash: located.contentHash },
      notes,
    };
  }
}

function about(schedule: Schedule): Pick<DueScheduleRun, 'scheduleId' | 'name' | 'workflowId' | 'dueAt'> {
  return {
    scheduleId: schedule.id,
    name: schedule.name,
    workflowId: schedule.workflow.workflowId,
    dueAt: schedule.nextDueAt,
  };
}

/** What a failed run's record says: the error's message (a bug's too: the run is recorded either way). */
function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
