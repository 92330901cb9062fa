import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ActivityBoard, currentActivity } from '../../../src/infrastructure/persistence/database-activity.js';
import type { ProcessTable } from '../../../src/infrastructure/persistence/run-owners.js';

describe('currentActivity', () => {
  it('names the command by its words up to the first option, so no option value is written down', () => {
    expect(
      currentActivity(['workflow', 'run', 'sort.json', '--param', 'playlist_id=secret-ish', '--json']),
    ).toBe('narada workflow run sort.json');
  });

  it('keeps at most four words', () => {
    expect(currentActivity(['a', 'b', 'c', 'd', 'e'])).toBe('narada a b c d');
  });
});

describe('ActivityBoard', () => {
  const folder = mkdtempSync(join(tmpdir(), 'narada-activity-'));
  const database = join(folder, 'narada.db');
  const entryOf = (pid: number, extra: Record<string, unknown>) =>
    writeFileSync(
      join(`${database}.activity`, `${pid}.json`),
      JSON.stringify({ pid, activity: `narada run ${pid}`, since: pid, ...extra }),
    );

  it('names live processes, and drops entries of ended ones the way run owners are judged', () => {
    const ended = new Set([101]);
    const processes: ProcessTable = {
      current: () => ({ pid: process.pid, host: 'here', startedAt: 1 }),
      hasEnded: (owner) => owner === null || ended.has(owner.pid),
    };
    const board = new ActivityBoard(database, processes);
    board.register('narada status', 5);
    entryOf(100, { host: 'here', startedAt: 1 });
    entryOf(101, { host: 'here', startedAt: 1 });
    entryOf(102, {});

    expect(board.others()).toEqual([{ pid: 100, activity: 'narada run 100', since: 100 }]);
    expect(readdirSync(`${database}.activity`).sort()).toEqual(['100.json', `${process.pid}.json`].sort());
    board.unregister();
    rmSync(folder, { recursive: true, force: true });
  });
});
