// `narada schedule add | list | remove | run-due` with the built CLI against the fake services: a due
// workflow runs and its outcome is recorded; a failing one is recorded with its reason and tried again
// at its next due time, not at once; two run-due processes started together run a schedule once.
import { afterAll, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeServiceEnv } from '../../fakes/seed/demo-library.js';
import {
  cleanEnv,
  expectSuccess,
  openHomeDatabase,
  runNarada,
  tempDir,
  type CliResult,
} from '../cli-harness.js';
import { logEntries, useSeededWorld, type RunJson } from '../workflow/workflow-e2e-kit.js';

interface ScheduleJson {
  readonly id: number;
  readonly name: string;
  readonly workflow: { kind: string; ref: string; workflowId: string; contentHash: string };
  readonly ruleText: string;
  readonly nextDueAt: number;
  readonly nextDue: string;
  readonly runCount: number;
  readonly lastRun: { outcome: string; reason: string | null; workflowRunId: number | null } | null;
}

interface RunDueJson {
  readonly runs: {
    scheduleId: number;
    name: string;
    status: string;
    reason: string | null;
    workflowRunId: number | null;
  }[];
}

describe('narada schedule', () => {
  const world = useSeededWorld();
  const homes: { remove(): void }[] = [];
  afterAll(() => homes.forEach((home) => home.remove()));

  /** A NARADA_HOME of its own against the shared fakes, so one test's due schedules are not another's. */
  function freshHome() {
    const home = tempDir('narada-schedule-e2e-');
    homes.push(home);
    const env = cleanEnv(home.path, fakeServiceEnv(world.spotify, world.lastfm));
    const narada = (args: readonly string[]): Promise<CliResult> =>
      runNarada(args, { env, cwd: home.path, timeoutMs: 90_000 });
    const file = (name: string, workflow: unknown): string => {
      const path = join(home.path, name);
      writeFileSync(path, typeof workflow === 'string' ? workflow : JSON.stringify(workflow));
      return path;
    };
    const schedules = async (): Promise<ScheduleJson[]> => {
      const listed = await narada(['schedule', 'list', '--json']);
      expectSuccess(listed);
      return listed.json<{ schedules: ScheduleJson[] }>().schedules;
    };
    /** As if the clock had moved past the schedule's due time: its next due time set into the past. */
    const makeDue = async (name: string): Promise<void> => {
      const db = await openHomeDatabase(home.path);
      try {
        await db.sql.run(`UPDATE "schedules" SET "next_due_at" = ? WHERE "name" = ?`, [
          Date.now() - 1000,
          name,
        ]);
      } finally {
        await db.close();
      }
    };
    return { path: home.path, narada, file, schedules, makeDue };
  }

  const topThree = (id: string, playlistId: string) => ({
    id,
    name: 'Top three',
    tasks: [
      { id: 'source', type: 'source.spotify_playlist', config: { playlist_id: playlistId } },
      { id: 'top', type: 'selector.limit_tracks', config: { count: 3 }, upstream: ['source'] },
      {
        id: 'save',
        type: 'destination.create_internal_playlist',
        config: { name: 'Top 3' },
        upstream: ['top'],
      },
    ],
  });

  it('adds, lists and removes schedules, refusing a bad rule or a malformed workflow with exit 2', async () => {
    const home = freshHome();
    const path = home.file('top.json', topThree('top_three', world.library.playlistId));

    const added = await home.narada(['schedule', 'add', 'top.json', '--every', '12h', '--json']);
    expectSuccess(added);
    expect(added.json<ScheduleJson>()).toMatchObject({
      name: 'top_three',
      workflow: {
        kind: 'file',
        ref: path,
        workflowId: 'top_three',
        contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
      ruleText: 'every 12h',
    });
    const byId = await home.narada([
      'schedule',
      'add',
      'sort_by_plays',
      '--cron',
      '0 6 * * 1',
      '--tz',
      'Europe/Berlin',
      '--param',
      `playlist_id=${world.library.playlistId}`,
      '--name',
      'monday sort',
    ]);
    expectSuccess(byId);
    expect(byId.stdout).toContain('cron 0 6 * * 1 (Europe/Berlin)');
    expect(byId.stdout).toMatch(/next due \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);

    const badCron = await home.narada(['schedule', 'add', 'top.json', '--cron', '0 6 * *']);
    expect(badCron.code).toBe(2);
    expect(badCron.stderr).toContain('--cron "0 6 * *" is not a cron expression (it has 4 fields)');
    const badEvery = await home.narada(['schedule', 'add', 'top.json', '--every', 'often']);
    expect(badEvery.code).toBe(2);
    expect(badEvery.stderr).toContain('--every "often" is not a duration');
    const broken = await home.narada([
      'schedule',
      'add',
      home.file('broken.json', '{\n  "id": "x",\n  "tasks": [\n    {"id": "a",}\n  ]\n}\n'),
      '--every',
      '1d',
    ]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('broken.json');
    expect(broken.stderr).toContain('line 4, column 15');
    const missingParam = await home.narada(['schedule', 'add', 'sort_by_plays', '--every', '1d']);
    expect(missingParam.code).toBe(2);
    expect(missingParam.stderr).toContain('parameter "playlist_id" is required');

    const listed = await home.schedules();
    expect(listed.map((s) => [s.name, s.ruleText, s.lastRun])).toEqual([
      ['top_three', 'every 12h', null],
      ['monday sort', 'cron 0 6 * * 1 (Europe/Berlin)', null],
    ]);
    expect(Date.parse(listed[1]!.nextDue)).toBe(listed[1]!.nextDueAt);

    expectSuccess(await home.narada(['schedule', 'remove', 'monday sort']));
    expect((await home.schedules()).map((s) => s.name)).toEqual(['top_three']);
    const unknown = await home.narada(['schedule', 'remove', '99']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('There is no schedule "99"');
  });

  it('run-due runs a due workflow once, as a saved workflow run, and records the outcome', async () => {
    const home = freshHome();
    home.file('top.json', topThree('top_three', world.library.playlistId));
    expectSuccess(await home.narada(['schedule', 'add', 'top.json', '--every', '12h']));

    const ran = await home.narada(['schedule', 'run-due', '--json']);
    expectSuccess(ran);
    const report = ran.json<RunDueJson>();
    expect(report.runs).toEqual([
      expect.objectContaining({
        name: 'top_three',
        status: 'succeeded',
        reason: null,
        workflowRunId: expect.any(Number),
      }),
    ]);
    const runs = (await home.narada(['workflow', 'runs', '--json'])).json<{ runs: RunJson[] }>().runs;
    expect(runs.map((run) => [run.id, run.status])).toEqual([[report.runs[0]!.workflowRunId, 'succeeded']]);
    expect(runs[0]!.tasks.map((task) => task.outputCount)).toEqual([12, 3, 3]);

    const [schedule] = await home.schedules();
    expect(schedule).toMatchObject({ runCount: 1, lastRun: { outcome: 'succeeded', reason: null } });
    expect(schedule!.nextDueAt).toBeGreaterThan(Date.now() + 11 * 3_600_000);
    const again = await home.narada(['schedule', 'run-due']);
    expectSuccess(again);
    expect(again.stdout).toContain('Nothing is due');
  });

  it('records a failing workflow with its reason and tries it again at the next due time, not at once', async () => {
    const home = freshHome();
    home.file('missing.json', topThree('missing_playlist', '0'.repeat(21) + 'Z'));
    expectSuccess(await home.narada(['schedule', 'add', 'missing.json', '--every', '12h']));

    const failed = await home.narada(['schedule', 'run-due', '--json']);
    expect(failed.code).toBe(1);
    const run = failed.json<RunDueJson>().runs[0]!;
    expect(run.status).toBe('failed');
    expect(run.reason).toMatch(/^task "source" \(source\.spotify_playlist\) failed: .*playlist/);
    const [schedule] = await home.schedules();
    expect(schedule!.lastRun).toEqual(expect.objectContaining({ outcome: 'failed', reason: run.reason }));
    const human = await home.narada(['schedule', 'list']);
    expect(human.stdout).toContain(`failed, workflow run #${run.workflowRunId}: task "source"`);

    expect(logEntries(home.path)).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        message: 'scheduled run',
        status: 'failed',
        reason: run.reason,
      }),
    );

    const notYet = await home.narada(['schedule', 'run-due', '--json']);
    expectSuccess(notYet);
    expect(notYet.json<RunDueJson>().runs).toEqual([]);

    await home.makeDue('missing_playlist');
    const retried = await home.narada(['schedule', 'run-due', '--json']);
    expect(retried.code).toBe(1);
    expect(retried.json<RunDueJson>().runs.map((r) => r.status)).toEqual(['failed']);
    expect((await home.schedules())[0]?.runCount).toBe(2);
  });

  it('two run-due processes started together run each due schedule once', async () => {
    const home = freshHome();
    home.file('top.json', topThree('top_three', world.library.playlistId));
    for (const name of ['first', 'second', 'third']) {
      expectSuccess(await home.narada(['schedule', 'add', 'top.json', '--every', '1d', '--name', name]));
    }

    const both = await Promise.all([
      home.narada(['schedule', 'run-due', '--json']),
      home.narada(['schedule', 'run-due', '--json']),
    ]);

    both.forEach(expectSuccess);
    const ran = both
      .flatMap((result) => result.json<RunDueJson>().runs)
      .filter((r) => r.status === 'succeeded');
    expect(ran.map((r) => r.name).sort()).toEqual(['first', 'second', 'third']);
    const runs = (await home.narada(['workflow', 'runs', '--json'])).json<{ runs: RunJson[] }>().runs;
    expect(runs).toHaveLength(3);
    expect((await home.schedules()).map((s) => s.runCount)).toEqual([1, 1, 1]);
  });

  it('run-due --dry-run shows what is due and runs nothing', async () => {
    const home = freshHome();
    home.file('top.json', topThree('top_three', world.library.playlistId));
    expectSuccess(await home.narada(['schedule', 'add', 'top.json', '--every', '1d']));
    const dry = await home.narada(['schedule', 'run-due', '--dry-run']);
    expectSuccess(dry);
    expect(dry.stdout).toContain('top_three (top_three): would run');
    expect(dry.stdout).toContain('Dry run: nothing ran, nothing was written.');
    expect((await home.narada(['workflow', 'runs', '--json'])).json<{ runs: RunJson[] }>().runs).toEqual([]);
    expect((await home.schedules())[0]?.runCount).toBe(0);

    // A changed file is noticed: still the same workflow, so it would run as it now reads.
    const path = home.file('top.json', {
      ...topThree('top_three', world.library.playlistId),
      name: 'Top three, renamed',
    });
    const changed = await home.narada(['schedule', 'run-due', '--dry-run']);
    expect(changed.stdout).toContain(
      `! ${path} changed since it was last checked; this run uses it as it now reads`,
    );
    home.file('top.json', topThree('another_id', world.library.playlistId));
    const replaced = await home.narada(['schedule', 'run-due', '--dry-run']);
    expect(replaced.stdout).toContain(`would fail: ${path} now holds workflow "another_id", not "top_three"`);
  });
});
