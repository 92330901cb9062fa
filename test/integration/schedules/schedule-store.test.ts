// Schedules on a real database (a SQLite file, or PostgreSQL in the test:postgres run): stored and read
// back, and claimed atomically, so that of two connections (two `run-due` processes) that read a due
// schedule together only one runs it. A claim
// whose process ended, or that is older than the stale bound, may be taken over; the loser's finish
// is then refused.
import { afterEach, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { ScheduleDraft } from '../../../src/domain/schedules/schedule.js';
import type { RunOwner } from '../../../src/domain/shared/run-owner.js';
import type { EngineDatabase } from '../../../src/infrastructure/persistence/engine-database.js';
import { openDatabase } from '../../../src/infrastructure/persistence/open-database.js';
import { systemProcesses } from '../../../src/infrastructure/persistence/run-owners.js';
import { SqlScheduleStore } from '../../../src/infrastructure/persistence/schedules/sql-schedule-store.js';
import { AT, openTestDatabase, tempDatabasePerTest } from '../persistence/temp-database.js';

const HOUR = 3_600_000;

function aDraft(overrides: Partial<ScheduleDraft> = {}): ScheduleDraft {
  return {
    name: 'sort_by_plays',
    workflow: {
      kind: 'file',
      ref: '/home/ann/sort.json',
      path: '/home/ann/sort.json',
      workflowId: 'sort_by_plays',
      contentHash: 'a'.repeat(64),
    },
    parameters: { playlist_id: '37i9dQZF1DXcBWIGoYBM5M' },
    rule: { kind: 'every', everyMs: 12 * HOUR },
    createdAt: AT,
    nextDueAt: AT,
    ...overrides,
  };
}

const finished = (
  at: number,
  overrides: { outcome?: 'succeeded' | 'failed'; reason?: string | null } = {},
) => ({
  lastRun: {
    startedAt: at,
    finishedAt: at + 1000,
    outcome: overrides.outcome ?? ('succeeded' as const),
    reason: overrides.reason ?? null,
    workflowRunId: 7,
  },
  nextDueAt: at + 12 * HOUR,
  workflow: aDraft().workflow,
});

async function endedProcess(): Promise<RunOwner> {
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  const startedAt = Date.now();
  await new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return { pid: child.pid!, host: hostname(), startedAt };
}

describe('the schedule store', () => {
  const temp = tempDatabasePerTest();
  const store = () => temp.repos.schedules;
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('stores a schedule and reads it back by id or name, with its rule and parameters', async () => {
    const added = await store().add(
      aDraft({ rule: { kind: 'cron', expression: '0 6 * * *', timeZone: 'Europe/Berlin' } }),
    );
    expect(added).toMatchObject({
      id: expect.any(Number),
      name: 'sort_by_plays',
      rule: { kind: 'cron', expression: '0 6 * * *', timeZone: 'Europe/Berlin' },
      parameters: { playlist_id: '37i9dQZF1DXcBWIGoYBM5M' },
      runningSince: null,
      lastRun: null,
      runCount: 0,
    });
    expect(await store().find(String(added!.id))).toEqual(added);
    expect(await store().find('sort_by_plays')).toEqual(added);
    expect(await store().find('nope')).toBeNull();
  });

  it('refuses a second schedule of the same name, adding nothing', async () => {
    await store().add(aDraft());
    expect(await store().add(aDraft({ nextDueAt: AT + 5 }))).toBeNull();
    expect(await store().list()).toHaveLength(1);
  });

  it('lists as due only schedules whose time has come', async () => {
    const now = await store().add(aDraft({ name: 'now' }));
    await store().add(aDraft({ name: 'later', nextDueAt: AT + HOUR }));
    expect((await store().due(AT, AT - HOUR)).map((s) => s.id)).toEqual([now!.id]);
  });

  it('gives a due schedule to one of two connections that claim it together', async () => {
    // Two handles on one database: the same SQLite file, or two pools on one PostgreSQL schema.
    const path = join(temp.folder, 'shared.db');
    const first = await openTestDatabase(path);
    cleanups.push(first.drop, () => first.db.close());
    const second: EngineDatabase = await openDatabase({ path, url: first.url });
    cleanups.push(() => second.close());
    const hereStore = new SqlScheduleStore(first.db);
    const otherStore = new SqlScheduleStore(second);
    const schedule = (await hereStore.add(aDraft()))!;
    const [seenHere] = await hereStore.due(AT, AT - HOUR);
    const [seenThere] = await otherStore.due(AT, AT - HOUR);

    const claims = await Promise.all([
      hereStore.claim(seenHere!, AT + 1, AT - HOUR),
      otherStore.claim(seenThere!, AT + 1, AT - HOUR),
    ]);

    expect(claims.filter((claim) => claim !== null)).toHaveLength(1);
    expect((await otherStore.find(String(schedule.id)))?.runningSince).toBe(AT + 1);
    // Claimed by a live process: not due for anyone else.
    expect(await otherStore.due(AT + 2, AT - HOUR)).toEqual([]);
  });

  it('gives each of three due schedules to exactly one of four connections claiming them all at once', async () => {
    const path = join(temp.folder, 'four.db');
    const first = await openTestDatabase(path);
    cleanups.push(first.drop, () => first.db.close());
    const handles: EngineDatabase[] = [first.db];
    for (let n = 1; n < 4; n++) {
      const db: EngineDatabase = await openDatabase({ path, url: first.url });
      cleanups.push(() => db.close());
      handles.push(db);
    }
    const stores = handles.map((db) => new SqlScheduleStore(db));
    for (const name of ['a', 'b', 'c']) await stores[0]!.add(aDraft({ name }));
    const seen = await Promise.all(stores.map((store) => store.due(AT, AT - HOUR)));

    const claims = await Promise.all(
      stores.flatMap((store, n) => seen[n]!.map((schedule) => store.claim(schedule, AT + 1, AT - HOUR))),
    );

    const won = claims.filter((claim) => claim !== null).map((claim) => claim.scheduleId);
    expect(won.sort()).toEqual(seen[0]!.map((schedule) => schedule.id).sort());
  });

  it('records the run on finishing, releases the claim and moves the due time, so it cannot be claimed again for that time', async () => {
    const schedule = (await store().add(aDraft()))!;
    const claim = (await store().claim(schedule, AT, AT - HOUR))!;
    expect(
      await store().finish(claim, finished(AT, { outcome: 'failed', reason: 'task "source" failed: 404' })),
    ).toBe(true);
    const after = (await store().find(schedule.id.toString()))!;
    expect(after).toMatchObject({
      runningSince: null,
      nextDueAt: AT + 12 * HOUR,
      runCount: 1,
      lastRun: { outcome: 'failed', reason: 'task "source" failed: 404', workflowRunId: 7 },
    });
    // A process that read it as due before the run finished cannot claim it for the old time.
    expect(await store().claim(schedule, AT + 2000, AT - HOUR)).toBeNull();
    expect(await store().due(AT + 2000, AT - HOUR)).toEqual([]);
  });

  it('lets a stale claim be taken over, and refuses the finish of the claim that lost', async () => {
    const schedule = (await store().add(aDraft()))!;
    const first = (await store().claim(schedule, AT, AT - HOUR))!;
    expect(await store().claim(schedule, AT + HOUR / 2, AT - HOUR)).toBeNull();
    const later = AT + 4 * HOUR;
    const second = await store().claim(schedule, later, later - 3 * HOUR);
    expect(second).not.toBeNull();
    expect(await store().finish(first, finished(AT))).toBe(false);
    expect(await store().finish(second!, finished(later))).toBe(true);
  });

  it('lets the claim of a process that has ended be taken over at once', async () => {
    const ended = await endedProcess();
    const deadStore = new SqlScheduleStore(temp.db, { ...systemProcesses, current: () => ended });
    const schedule = (await store().add(aDraft()))!;
    expect(await deadStore.claim(schedule, AT, AT - HOUR)).not.toBeNull();
    expect((await store().due(AT + 1, AT - HOUR)).map((s) => s.id)).toEqual([schedule.id]);
    expect(await store().claim(schedule, AT + 1, AT - HOUR)).not.toBeNull();
  });

  it('removes a schedule; a run of it that finishes afterwards is not recorded', async () => {
    const schedule = (await store().add(aDraft()))!;
    const claim = (await store().claim(schedule, AT, AT - HOUR))!;
    expect(await store().remove(schedule.id)).toBe(true);
    expect(await store().remove(schedule.id)).toBe(false);
    expect(await store().finish(claim, finished(AT))).toBe(false);
    expect(await store().list()).toEqual([]);
  });
});
