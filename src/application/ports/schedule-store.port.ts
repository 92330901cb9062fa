// Schedules as stored, and the claim that makes sure one process runs a due schedule at a time: a
// claim is taken atomically (the schedule still due at the time read, and no live claim on it), so two
// `narada schedule run-due` started together run each due schedule once.
import type {
  Schedule,
  ScheduleDraft,
  ScheduledWorkflow,
  ScheduleLastRun,
} from '../../domain/schedules/schedule.js';
import type { EpochMs } from '../../domain/values/time.js';

/** A schedule claimed for one run; finishing it releases the claim. */
export interface ScheduleClaim {
  readonly scheduleId: number;
  readonly token: string;
  readonly claimedAt: EpochMs;
}

export interface ScheduleFinish {
  readonly lastRun: ScheduleLastRun;
  readonly nextDueAt: EpochMs;
  /** The workflow as this run found it (its file's hash may have changed). */
  readonly workflow: ScheduledWorkflow;
}

export interface ScheduleStore {
  /** Adds the schedule; null when its name is taken. */
  add(draft: ScheduleDraft): Promise<Schedule | null>;
  /** Every schedule, by id. */
  list(): Promise<Schedule[]>;
  /** A schedule by id (digits) or by name. */
  find(idOrName: string): Promise<Schedule | null>;
  /** Removes it; false when it was not there. */
  remove(id: number): Promise<boolean>;
  /**
   * Schedules due at `now` that no run holds: unclaimed, claimed before `staleBefore`, or claimed by
   * a process that has ended.
   */
  due(now: EpochMs, staleBefore: EpochMs): Promise<Schedule[]>;
  /**
   * Claims `schedule` for a run, atomically: only while it is still due at the time it was read and
   * holds no live claim. Null when another process got it first (or it ran meanwhile).
   */
  claim(schedule: Schedule, at: EpochMs, staleBefore: EpochMs): Promise<ScheduleClaim | null>;
  /** Records the run and releases the claim; false when the claim was lost (taken over, or removed). */
  finish(claim: ScheduleClaim, result: ScheduleFinish): Promise<boolean>;
}
