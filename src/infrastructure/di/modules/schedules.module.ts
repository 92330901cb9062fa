// Schedules: the store, the workflow files they name, and the workflow runs they make (through the
// workflow feature's run door).
import { SCHEDULES } from '../schedules.tokens.js';
import { TOKENS } from '../tokens.js';
import { LASTYEAR } from '../lastyear.tokens.js';
import { WORKFLOW } from '../workflow.tokens.js';
import type { FeatureModule } from './feature-module.js';

export const bindSchedules: FeatureModule = (wiring, deps) => {
  wiring.bind(SCHEDULES.Source, async () => {
    const { FileWorkflowSource } = await import('../../schedules/file-workflow-source.js');
    return new FileWorkflowSource(deps.config.workflowsDir);
  });
  wiring.bind(SCHEDULES.Runner, async (get) => {
    const { WorkflowRunDoor } = await import('../../schedules/workflow-run-door.js');
    return new WorkflowRunDoor(await get(WORKFLOW.Registry), await get(WORKFLOW.Run));
  });
  wiring.bind(SCHEDULES.Add, async (get) => {
    const { AddSchedule } = await import('../../../application/use-cases/schedules/add-schedule.js');
    return new AddSchedule({
      store: (await get(TOKENS.Repositories)).schedules,
      source: await get(SCHEDULES.Source),
      runner: await get(SCHEDULES.Runner),
      clock: await get(TOKENS.Clock),
    });
  });
  wiring.bind(SCHEDULES.List, async (get) => {
    const { ListSchedules } = await import('../../../application/use-cases/schedules/list-schedules.js');
    return new ListSchedules((await get(TOKENS.Repositories)).schedules);
  });
  wiring.bind(SCHEDULES.Remove, async (get) => {
    const { RemoveSchedule } = await import('../../../application/use-cases/schedules/remove-schedule.js');
    return new RemoveSchedule((await get(TOKENS.Repositories)).schedules);
  });
  wiring.bind(SCHEDULES.RunDue, async (get) => {
    const { RunDueSchedules } = await import('../../../application/use-cases/schedules/run-due-schedules.js');
    return new RunDueSchedules({
      store: (await get(TOKENS.Repositories)).schedules,
      source: await get(SCHEDULES.Source),
      runner: await get(SCHEDULES.Runner),
      clock: await get(TOKENS.Clock),
      logger: await get(TOKENS.Logger),
    });
  });
  wiring.bind(SCHEDULES.Ticker, async (get) => {
    const { ScheduledRuns } = await import('../../../application/schedules/scheduled-runs.js');
    const { ScheduleTicker } = await import('../../schedules/schedule-ticker.js');
    // The engine's job queue: in-process on SQLite, pg-boss on PostgreSQL (chosen in lastyear.module.ts).
    const runs = new ScheduledRuns({ runDue: await get(SCHEDULES.RunDue), jobs: await get(LASTYEAR.Jobs) });
    return new ScheduleTicker(runs, await get(TOKENS.Logger), deps.config.scheduleTickMs);
  });
};
