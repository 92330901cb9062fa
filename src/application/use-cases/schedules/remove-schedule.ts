// `narada schedule remove <id-or-name>`: the schedule is gone; its past workflow runs stay.
import type { ScheduleStore } from '../../ports/schedule-store.port.js';
import type { Schedule } from '../../../domain/schedules/schedule.js';
import { InvalidInputError } from '../../../domain/shared/errors.js';

export class RemoveSchedule {
  constructor(private readonly store: ScheduleStore) {}

  async run(idOrName: string): Promise<Schedule> {
    const schedule = await this.store.find(idOrName.trim());
    if (schedule === null || !(await this.store.remove(schedule.id))) {
      throw new InvalidInputError(
        'SCHEDULE.NOT_FOUND',
        `There is no schedule "${idOrName}"; \`narada schedule list\` shows their ids and names`,
      );
    }
    return schedule;
  }
}
