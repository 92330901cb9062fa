// A saved record of one workflow run and what each task did.
import type { RunOwner } from '../shared/run-owner.js';
import type { EpochMs } from '../values/time.js';

/** `interrupted`: its process ended without finishing it (killed, crashed). */
export type RunStatus = 'running' | 'succeeded' | 'failed' | 'interrupted';
export type TaskStatus = 'succeeded' | 'failed' | 'skipped';

export interface TaskResult {
  readonly taskId: string;
  readonly type: string;
  readonly status: TaskStatus;
  readonly inputCount: number;
  readonly outputCount: number;
  readonly durationMs: number;
  readonly error: string | null;
  /** Node-specific facts (a destination's planned changes, an enricher's cache hits). */
  readonly details: Readonly<Record<string, unknown>>;
}

export interface WorkflowRun {
  readonly id: number;
  readonly workflowId: string;
  readonly workflowName: string;
  readonly status: RunStatus;
  readonly dryRun: boolean;
  readonly parameters: Readonly<Record<string, string>>;
  readonly tasks: readonly TaskResult[];
  /** API calls made, per service and endpoint. */
  readonly apiCalls: Readonly<Record<string, number>>;
  readonly startedAt: EpochMs;
  readonly finishedAt: EpochMs | null;
  readonly error: string | null;
  /** The process that ran it; null for runs recorded before owners were (schema 4). */
  readonly owner: RunOwner | null;
}
