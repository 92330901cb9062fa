// Due schedules run by `narada serve` and `narada worker`: each tick finds what is due (a dry run of
// run-due) and queues one job per schedule and due time (`schedule:<id>:<dueAt>`), so however many
// processes tick, the queue holds one job per due time; the job runs that schedule through run-due,
// whose claim in the database stays the last guard (a second run of the same due time is `taken`).
// In-process on SQLite, pg-boss on PostgreSQL: the same JobQueue port.
import type { JobQueue } from '../ports/job-queue.port.js';
import type { RunDueSchedules } from '../use-cases/schedules/run-due-schedules.js';

export const SCHEDULE_JOB = 'schedule';

export interface ScheduleJobPayload {
  readonly scheduleId: number;
  readonly dueAt: number;
}

export interface ScheduledRunsDeps {
  readonly runDue: RunDueSchedules;
  readonly jobs: JobQueue;
}

export class ScheduledRuns {
  constructor(private readonly deps: ScheduledRunsDeps) {}

  /** Makes this process run schedule jobs (queued by any process). */
  work(): Promise<void> {
    return this.deps.jobs.work<ScheduleJobPayload>(SCHEDULE_JOB, async ({ scheduleId }) => {
      // run-due records the outcome on the schedule and in the log; a failed workflow run is
      // retried at the schedule's next due time, not by the queue.
      await this.deps.runDue.run({ dryRun: false, scheduleIds: [scheduleId] });
    });
  }

  /** Queues a job for each schedule that is due now; returns how many were due. */
  async tick(): Promise<number> {
    const due = await this.deps.runDue.run({ dryRun: true });
    for (const run of due.runs) {
      await this.deps.jobs.enqueue<ScheduleJobPayload>({
        kind: SCHEDULE_JOB,
        singletonKey: `schedule:${run.scheduleId}:${run.dueAt}`,
        payload: { scheduleId: run.scheduleId, dueAt: run.dueAt },
      });
    }
    return due.runs.length;
  }
}
