// A schedule: a workflow (a file, or a workflow id), its parameters, and the rule that says when it is
// due. Runs of it are recorded on it (the last one's outcome, with its reason when it failed).
import type { EpochMs } from '../values/time.js';
import type { ScheduleRule } from './schedule-rule.js';

/** How the workflow was named when the schedule was added; a run loads it the same way. */
export interface ScheduledWorkflow {
  /** `file`: the absolute path is read at each run; `id`: the id is looked up among yours and the shipped. */
  readonly kind: 'file' | 'id';
  /** The absolute path (kind `file`) or the workflow id (kind `id`). */
  readonly ref: string;
  /** The file the workflow was read from when last checked. */
  readonly path: string;
  /** The workflow's own id. */
  readonly workflowId: string;
  /** SHA-256 of the file's text when last checked: a changed file is noticed at the next run. */
  readonly contentHash: string;
}

export type ScheduleOutcome = 'succeeded' | 'failed';

export interface ScheduleLastRun {
  readonly startedAt: EpochMs;
  readonly finishedAt: EpochMs;
  readonly outcome: ScheduleOutcome;
  /** Why it failed (null when it succeeded). */
  readonly reason: string | null;
  /** The workflow run it made (`narada workflow runs <id>`), none when the workflow could not start. */
  readonly workflowRunId: number | null;
}

export interface ScheduleDraft {
  readonly name: string;
  readonly workflow: ScheduledWorkflow;
  readonly parameters: Readonly<Record<string, string>>;
  readonly rule: ScheduleRule;
  readonly createdAt: EpochMs;
  readonly nextDueAt: EpochMs;
}

export interface Schedule extends ScheduleDraft {
  readonly id: number;
  /** When a `run-due` claimed it for the run in progress; null when none runs it. */
  readonly runningSince: EpochMs | null;
  readonly lastRun: ScheduleLastRun | null;
  readonly runCount: number;
}

/**
 * A claim older than this is taken for abandoned (its process died without the store noticing) and
 * may be claimed again. Far longer than a workflow runs: Retry-After waits stop at 10 minutes.
 */
export const STALE_CLAIM_MS = 3 * 60 * 60 * 1000;
