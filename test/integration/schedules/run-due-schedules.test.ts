// `schedule run-due` over a real store: due schedules run once each through the workflow runner port
// (an in-memory fake of it here; the e2e tests run real workflows), outcomes are recorded, a failure is
// retried at the next due time and not at once, and missed times while the machine was off run once.
import { describe, expect, it } from '@jest/globals';
import type {
  WorkflowRunner,
  WorkflowRunOutcome,
} from '../../../src/application/ports/workflow-runner.port.js';
import type { LocatedWorkflow, WorkflowSource } from '../../../src/application/ports/workflow-source.port.js';
import { AddSchedule } from '../../../src/application/use-cases/schedules/add-schedule.js';
import { RunDueSchedules } from '../../../src/application/use-cases/schedules/run-due-schedules.js';
import { NaradaError } from '../../../src/domain/shared/errors.js';
import { aClock } from '../../builders/clock.builder.js';
import { AT, tempDatabasePerTest } from '../persistence/temp-database.js';

const HOUR = 3_600_000;

/** Workflow files by path; each text is `<id>:<version>`, and runs end as `outcomes` says. */
class FakeWorkflows implements WorkflowSource, WorkflowRunner {
  readonly files = new Map<string, string>([['/w/mix.json', 'mix:1']]);
  readonly ran: { path: string; text: string; parameters: Record<string, string> }[] = [];
  outcome: (text: string) => Omit<WorkflowRunOutcome, 'runId'> | Error = () => ({
    status: 'succeeded',
    error: null,
  });

  locate(nameOrPath: string): LocatedWorkflow {
    return this.reload({ kind: 'file', ref: nameOrPath });
  }

  reload(workflow: { kind: 'file' | 'id'; ref: string }): LocatedWorkflow {
    const text = this.files.get(workflow.ref);
    if (text === undefined)
      throw new NaradaError('SCHEDULE.WORKFLOW_GONE', `The workflow file ${workflow.ref} is gone`, 'input');
    return {
      kind: 'file',
      ref: workflow.ref,
      path: workflow.ref,
      label: workflow.ref,
      text,
      fallbackId: 'x',
      contentHash: `hash of ${text}`,
    };
  }

  check(workflow: { text: string }) {
    const id = workflow.text.split(':')[0]!;
    return { id, name: id };
  }

  async run(
    workflow: LocatedWorkflow,
    parameters: Readonly<Record<string, string>>,
  ): Promise<WorkflowRunOutcome> {
    this.ran.push({ path: workflow.path, text: workflow.text, parameters: { ...parameters } });
    const outcome = this.outcome(workflow.text);
    if (outcome instanceof Error) throw outcome;
    return { runId: this.ran.length, ...outcome };
  }
}

describe('running the due schedules', () => {
  const temp = tempDatabasePerTest();
  let now = AT;

  function world() {
    const workflows = new FakeWorkflows();
    const deps = {
      store: temp.repos.schedules,
      source: workflows,
      runner: workflows,
      clock: aClock(() => now),
    };
    return { workflows, add: new AddSchedule(deps), runDue: new RunDueSchedules(deps) };
  }

  const every12h = { workflow: '/w/mix.json', cwd: '/', parameters: { playlist_id: 'p1' }, every: '12h' };

  it('runs a due schedule once with its parameters, records the outcome and when it is next due', async () => {
    now = AT;
    const { workflows, add, runDue } = world();
    const schedule = await add.run(every12h);
    now = AT + 1000;
    const report = await runDue.run({ dryRun: false });
    expect(report.runs).toEqual([
      expect.objectContaining({
        scheduleId: schedule.id,
        status: 'succeeded',
        workflowRunId: 1,
        nextDueAt: AT + 12 * HOUR,
      }),
    ]);
    expect(workflows.ran).toEqual([
      { path: '/w/mix.json', text: 'mix:1', parameters: { playlist_id: 'p1' } },
    ]);
    expect((await runDue.run({ dryRun: false })).runs).toEqual([]);
    expect(workflows.ran).toHaveLength(1);
    expect((await temp.repos.schedules.find(String(schedule.id)))?.lastRun).toEqual({
      startedAt: AT + 1000,
      finishedAt: AT + 1000,
      outcome: 'succeeded',
      reason: null,
      workflowRunId: 1,
    });
  });

  it('records a failed run with its reason and tries it again at the next due time, not before', async () => {
    now = AT;
    const { workflows, add, runDue } = world();
    const schedule = await add.run(every12h);
    workflows.outcome = () => ({
      status: 'failed',
      error: 'task "source" (source.spotify_playlist) failed: no such playlist',
    });
    expect((await runDue.run({ dryRun: false })).runs[0]).toMatchObject({
      status: 'failed',
      reason: 'task "source" (source.spotify_playlist) failed: no such playlist',
      nextDueAt: AT + 12 * HOUR,
    });
    now = AT + 12 * HOUR - 1;
    expect((await runDue.run({ dryRun: false })).runs).toEqual([]);
    workflows.outcome = () => ({ status: 'succeeded', error: null });
    now = AT + 12 * HOUR;
    expect((await runDue.run({ dryRun: false })).runs[0]).toMatchObject({
      status: 'succeeded',
      reason: null,
    });
    expect(workflows.ran).toHaveLength(2);
    expect((await temp.repos.schedules.find(String(schedule.id)))?.runCount).toBe(2);
  });

  it('runs a schedule once after the machine was off for many of its times', async () => {
    now = AT;
    const { workflows, add, runDue } = world();
    await add.run(every12h);
    now = AT + 5 * 24 * HOUR + HOUR;
    const report = await runDue.run({ dryRun: false });
    expect(report.runs).toHaveLength(1);
    expect(report.runs[0]?.nextDueAt).toBe(AT + 5 * 24 * HOUR + 12 * HOUR);
    expect((await runDue.run({ dryRun: false })).runs).toEqual([]);
    expect(workflows.ran).toHaveLength(1);
  });

  it('runs a changed workflow file as it now reads, says so and remembers the new hash', async () => {
    now = AT;
    const { workflows, add, runDue } = world();
    const schedule = await add.run(every12h);
    workflows.files.set('/w/mix.json', 'mix:2');
    const run = (await runDue.run({ dryRun: false })).runs[0];
    expect(run).toMatchObject({ status: 'succeeded' });
    expect(run?.notes).toEqual([
      '/w/mix.json changed since it was last checked; this run uses it as it now reads',
    ]);
    expect(workflows.ran.map((r) => r.text)).toEqual(['mix:2']);
    expect((await temp.repos.schedules.find(String(schedule.id)))?.workflow.contentHash).toBe(
      'hash of mix:2',
    );
  });

  it('refuses to run a file that now holds another workflow, and records why', async () => {
    now = AT;
    const { workflows, add, runDue } = world();
    await add.run(every12h);
    workflows.files.set('/w/mix.json', 'other:1');
    const run = (await runDue.run({ dryRun: false })).runs[0];
    expect(run).toMatchObject({ status: 'failed', workflowRunId: null });
    expect(run?.reason).toContain('/w/mix.json now holds workflow "other", not "mix"');
    expect(workflows.ran).toEqual([]);
  });

  it('records a run whose workflow file is gone, or whose runner broke, as failed and releases the claim', async () => {
    now = AT;
    const { workflows, add, runDue } = world();
    const gone = await add.run({ ...every12h, name: 'gone' });
    const broken = await add.run({ ...every12h, name: 'broken' });
    workflows.files.delete('/w/mix.json');
    expect((await runDue.run({ dryRun: false })).runs.map((r) => [r.name, r.status, r.reason])).toEqual([
      ['gone', 'failed', 'The workflow file /w/mix.json is gone'],
      ['broken', 'failed', 'The workflow file /w/mix.json is gone'],
    ]);
    workflows.files.set('/w/mix.json', 'mix:1');
    workflows.outcome = () => new Error('database is locked');
    now = AT + 12 * HOUR;
    const again = await runDue.run({ dryRun: false });
    expect(again.runs.map((r) => r.reason)).toEqual(['database is locked', 'database is locked']);
    for (const schedule of [gone, broken]) {
      expect((await temp.repos.schedules.find(String(schedule.id)))?.runningSince).toBeNull();
    }
  });

  it('a dry run lists what is due and whether it would load, and runs and writes nothing', async () => {
    now = AT;
    const { workflows, add, runDue } = world();
    await add.run({ ...every12h, name: 'fine' });
    await add.run({ workflow: '/w/mix.json', cwd: '/', parameters: {}, cron: '0 6 * * *', name: 'later' });
    const before = await temp.repos.schedules.list();
    const report = await runDue.run({ dryRun: true });
    expect(report.runs.map((r) => [r.name, r.status])).toEqual([['fine', 'would-run']]);
    workflows.files.delete('/w/mix.json');
    expect((await runDue.run({ dryRun: true })).runs.map((r) => r.status)).toEqual(['would-fail']);
    expect(workflows.ran).toEqual([]);
    expect(await temp.repos.schedules.list()).toEqual(before);
  });

  it('runs only the schedules asked for, as a job queue with one job per due schedule does', async () => {
    now = AT;
    const { workflows, add, runDue } = world();
    await add.run({ ...every12h, name: 'one' });
    const two = await add.run({ ...every12h, name: 'two' });
    const found = await runDue.run({ dryRun: true });
    expect(found.runs.map((r) => [r.name, r.dueAt])).toEqual([
      ['one', AT],
      ['two', AT],
    ]);
    const ran = await runDue.run({ dryRun: false, scheduleIds: [two.id] });
    expect(ran.runs.map((r) => [r.name, r.status])).toEqual([['two', 'succeeded']]);
    expect(workflows.ran).toHaveLength(1);
    expect((await runDue.run({ dryRun: false, scheduleIds: [two.id] })).runs).toEqual([]);
  });

  it('names a schedule after its workflow, then <id>-2; a taken --name is refused', async () => {
    now = AT;
    const { add } = world();
    expect((await add.run(every12h)).name).toBe('mix');
    expect((await add.run(every12h)).name).toBe('mix-2');
    await expect(add.run({ ...every12h, name: 'mix' })).rejects.toMatchObject({
      code: 'SCHEDULE.NAME_TAKEN',
    });
    await expect(add.run({ ...every12h, name: '42' })).rejects.toMatchObject({ code: 'SCHEDULE.BAD_NAME' });
  });
});
