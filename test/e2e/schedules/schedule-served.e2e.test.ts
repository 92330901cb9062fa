// Schedules that run by themselves inside `narada serve`: two built servers on one data folder both
// look for due schedules every second, and the due workflow runs once (one job per due time; the
// schedule's claim in the database the last guard), its outcome recorded on the schedule.
import { afterAll, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeServiceEnv } from '../../fakes/seed/demo-library.js';
import { cleanEnv, expectSuccess, runNarada, tempDir } from '../cli-harness.js';
import { startNarada } from '../serve/long-running-cli.js';
import { useSeededWorld } from '../workflow/workflow-e2e-kit.js';

interface ScheduleJson {
  readonly name: string;
  readonly runCount: number;
  readonly lastRun: { outcome: string; reason: string | null; workflowRunId: number | null } | null;
}

const home = tempDir('narada-schedule-served-');
afterAll(() => home.remove());

describe('narada serve runs due schedules', () => {
  const world = useSeededWorld();

  it('runs a due workflow once although two servers look for it every second, and records the outcome', async () => {
    const env = {
      ...cleanEnv(home.path, fakeServiceEnv(world.spotify, world.lastfm)),
      NARADA_SCHEDULE_TICK_SECONDS: '1',
    };
    const narada = (args: readonly string[]) => runNarada(args, { env, cwd: home.path, timeoutMs: 90_000 });
    writeFileSync(
      join(home.path, 'top.json'),
      JSON.stringify({
        id: 'top_three',
        name: 'Top three',
        tasks: [
          {
            id: 'source',
            type: 'source.spotify_playlist',
            config: { playlist_id: world.library.playlistId },
          },
          { id: 'top', type: 'selector.limit_tracks', config: { count: 3 }, upstream: ['source'] },
          {
            id: 'save',
            type: 'destination.create_internal_playlist',
            config: { name: 'Top 3' },
            upstream: ['top'],
          },
        ],
      }),
    );
    // Due at once (the first run is at the next look), then every 12 hours.
    expectSuccess(await narada(['schedule', 'add', 'top.json', '--every', '12h']));

    const servers = [
      await startNarada(['serve', '--port', '0'], env, home.path),
      await startNarada(['serve', '--port', '0'], env, home.path),
    ];
    let listed: ScheduleJson[] = [];
    try {
      for (let tries = 0; tries < 120; tries++) {
        const list = await narada(['schedule', 'list', '--json']);
        expectSuccess(list);
        listed = list.json<{ schedules: ScheduleJson[] }>().schedules;
        if (listed[0]?.lastRun !== null && listed[0]?.lastRun !== undefined) break;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      // A few more ticks of both servers: the same due time is not run again.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
    } finally {
      for (const server of servers) server.child.kill('SIGTERM');
      for (const server of servers) expect(await server.exited).toBe(0);
    }

    const after = await narada(['schedule', 'list', '--json']);
    const [schedule] = after.json<{ schedules: ScheduleJson[] }>().schedules;
    expect(schedule).toMatchObject({ name: 'top_three', runCount: 1, lastRun: { outcome: 'succeeded' } });
    const runs = await narada(['workflow', 'runs', '--json']);
    expectSuccess(runs);
    expect(JSON.stringify(runs.json())).toContain('top_three');
    expect((runs.stdout.match(/"workflowId":\s*"top_three"/g) ?? []).length).toBe(1);
  }, 120_000);
});
