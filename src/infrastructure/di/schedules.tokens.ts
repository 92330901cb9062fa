// Schedules' tokens (`narada schedule add | list | remove | run-due`); type-only imports. The server
// and the worker run due schedules through `SCHEDULES.RunDue` too.
import type { AddSchedule } from '../../application/use-cases/schedules/add-schedule.js';
import type { ListSchedules } from '../../application/use-cases/schedules/list-schedules.js';
import type { RemoveSchedule } from '../../application/use-cases/schedules/remove-schedule.js';
import type { RunDueSchedules } from '../../application/use-cases/schedules/run-due-schedules.js';
import type { WorkflowRunner } from '../../application/ports/workflow-runner.port.js';
import type { WorkflowSource } from '../../application/ports/workflow-source.port.js';
import type { ScheduleTicker } from '../schedules/schedule-ticker.js';
import { token } from './tokens.js';

export const SCHEDULES = {
  Add: token<AddSchedule>('schedules.Add'),
  List: token<ListSchedules>('schedules.List'),
  Remove: token<RemoveSchedule>('schedules.Remove'),
  RunDue: token<RunDueSchedules>('schedules.RunDue'),
  Source: token<WorkflowSource>('schedules.Source'),
  Runner: token<WorkflowRunner>('schedules.Runner'),
  /** Queues and works due schedules inside `narada serve` and `narada worker`. */
  Ticker: token<ScheduleTicker>('schedules.Ticker'),
} as const;
