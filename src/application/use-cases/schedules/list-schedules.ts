// `narada schedule list`: every schedule with its rule, when it is next due and how its last run went.
import type { ScheduleStore } from '../../ports/schedule-store.port.js';
import type { Schedule } from '../../../domain/schedules/schedule.js';

export class ListSchedules {
  constructor(private readonly store: ScheduleStore) {}

  run(): Promise<Schedule[]> {
    return this.store.list();
  }
}
