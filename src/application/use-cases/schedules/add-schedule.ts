// `narada schedule add`: a workflow (file or id) to run by itself, every duration or at cron times. The
// workflow is checked with its parameters now, so a schedule never holds one that could not run.
import type { Clock } from '../../ports/clock.port.js';
import type { ScheduleStore } from '../../ports/schedule-store.port.js';
import type { WorkflowRunner } from '../../ports/workflow-runner.port.js';
import type { WorkflowSource } from '../../ports/workflow-source.port.js';
import type { Schedule } from '../../../domain/schedules/schedule.js';
import { firstDueAt, scheduleRule } from '../../../domain/schedules/schedule-rule.js';
import { InvalidInputError } from '../../../domain/shared/errors.js';

export interface AddScheduleRequest {
  /** A workflow file path or a workflow id, as typed. */
  readonly workflow: string;
  /** The folder a relative path is read from. */
  readonly cwd: string;
  readonly parameters: Readonly<Record<string, string>>;
  readonly every?: string;
  readonly cron?: string;
  readonly timeZone?: string;
  readonly name?: string;
}

export interface AddScheduleDeps {
  readonly store: ScheduleStore;
  readonly source: WorkflowSource;
  readonly runner: WorkflowRunner;
  readonly clock: Clock;
}

/** Default names tried: the workflow id, then `<id>-2`, `<id>-3`, ... */
const MAX_NAME_TRIES = 100;

export class AddSchedule {
  constructor(private readonly deps: AddScheduleDeps) {}

  async run(request: AddScheduleRequest): Promise<Schedule> {
    const { store, source, runner, clock } = this.deps;
    const rule = scheduleRule(request);
    const located = source.locate(request.workflow, request.cwd);
    const workflow = runner.check(located, request.parameters);
    const now = clock.now();
    const draft = {
      workflow: {
        kind: located.kind,
        ref: located.ref,
        path: located.path,
        workflowId: workflow.id,
        contentHash: located.contentHash,
      },
      parameters: request.parameters,
      rule,
      createdAt: now,
      nextDueAt: firstDueAt(rule, now),
    };
    if (request.name !== undefined) {
      const name = checkedName(request.name);
      const added = await store.add({ ...draft, name });
      if (added === null) {
        throw new InvalidInputError(
          'SCHEDULE.NAME_TAKEN',
          `--name "${name}" is taken by another schedule; choose another name, or remove that one first (\`narada schedule list\` shows them)`,
        );
      }
      return added;
    }
    // Names in use are skipped first (a refused insert would use up an id); `add` still has the last word.
    const taken = new Set((await store.list()).map((schedule) => schedule.name));
    for (let n = 1; n <= MAX_NAME_TRIES; n++) {
      const name = n === 1 ? workflow.id : `${workflow.id}-${n}`;
      const added = taken.has(name) ? null : await store.add({ ...draft, name });
      if (added !== null) return added;
    }
    throw new InvalidInputError(
      'SCHEDULE.NAME_TAKEN',
      `Workflow "${workflow.id}" has ${MAX_NAME_TRIES} schedules already; give this one a name with --name`,
    );
  }
}

/** A name is any text but only digits, which `schedule remove` would read as an id. */
function checkedName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '' || /^\d+$/.test(trimmed)) {
    throw new InvalidInputError(
      'SCHEDULE.BAD_NAME',
      `--name "${name}" cannot name a schedule: give a name with a letter in it (a number is read as a schedule id)`,
    );
  }
  return trimmed;
}
