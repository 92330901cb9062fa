// Runs record the process that runs them; at the next start, runs left `running` by a process that
// has ended are marked `interrupted`, while a live process's run (or another machine's) is left be.
import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { hostname } from 'node:os';
import { SqlImportRunRepository } from '../../../src/infrastructure/persistence/history/sql-import-run-repository.js';
import { SqlWorkflowRunRepository } from '../../../src/infrastructure/persistence/workflow/sql-workflow-run-repository.js';
import { systemProcesses } from '../../../src/infrastructure/persistence/run-owners.js';
import type { RunOwner } from '../../../src/domain/shared/run-owner.js';
import { join } from 'node:path';
import { openDatabase, type SqliteDatabase } from '../../../src/infrastructure/persistence/open-database.js';
import {
  createRepositories,
  type Repositories,
} from '../../../src/infrastructure/persistence/repositories.js';
import { AT, tempDatabasePerTest } from './temp-database.js';
import { migrationsFrom, undoBackTo } from './migration-steps.js';

/** A process that has surely ended: started, waited for and reaped. */
async function endedProcess(): Promise<RunOwner> {
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  const startedAt = Date.now();
  await new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return { pid: child.pid!, host: hostname(), startedAt };
}

describe('run owners and abandoned runs', () => {
  const temp = tempDatabasePerTest();

  function ownedBy(owner: RunOwner) {
    return { ...systemProcesses, current: () => owner };
  }

  it('records this process as the owner of the runs it starts', async () => {
    const run = await temp.repos.importRuns.start('history:lastfm:ann', { from: null, to: AT }, AT);
    expect(run.owner).toEqual(systemProcesses.current());
    expect((await temp.repos.importRuns.latest('history:lastfm:ann'))?.owner).toEqual({
      pid: process.pid,
      host: hostname(),
      startedAt: expect.any(Number),
    });
  });

  it('marks interrupted only the import runs whose process ended, on this machine', async () => {
    const ended = await endedProcess();
    const dead = new SqlImportRunRepository(temp.db, ownedBy(ended));
    const otherHost = new SqlImportRunRepository(
      temp.db,
      ownedBy({ pid: ended.pid, host: `${hostname()}-elsewhere`, startedAt: ended.startedAt }),
    );
    const abandoned = await dead.start('history:lastfm:ann', { from: null, to: AT }, AT);
    const live = await temp.repos.importRuns.start('history:lastfm:bob', { from: null, to: AT }, AT);
    const remote = await otherHost.start('history:lastfm:cy', { from: null, to: AT }, AT);
    const done = await dead.start('history:lastfm:dee', { from: null, to: AT }, AT);
    await dead.finish(done.id, 'completed', AT + 1);

    const marked = await temp.repos.importRuns.interruptAbandoned(AT + 5);

    expect(marked.map((run) => run.id)).toEqual([abandoned.id]);
    expect(marked[0]).toMatchObject({
      status: 'interrupted',
      finishedAt: AT + 5,
      error: `its process (pid ${ended.pid} on ${hostname()}) ended before the run finished`,
    });
    const statuses = await temp.query('SELECT "id", "status" FROM "import_runs" ORDER BY "id"');
    expect(statuses).toEqual([
      { id: abandoned.id, status: 'interrupted' },
      { id: live.id, status: 'running' },
      { id: remote.id, status: 'running' },
      { id: done.id, status: 'completed' },
    ]);
    expect(await temp.repos.importRuns.interruptAbandoned(AT + 6)).toEqual([]);
  });

  it('takes a reused process id for an ended process when the process started at another time', async () => {
    const reused = new SqlImportRunRepository(
      temp.db,
      ownedBy({ ...systemProcesses.current(), startedAt: systemProcesses.current().startedAt - 3_600_000 }),
    );
    const run = await reused.start('history:lastfm:ann', { from: null, to: AT }, AT);

    const marked = await temp.repos.importRuns.interruptAbandoned(AT + 5);

    expect(marked.map((r) => r.id)).toEqual(process.platform === 'linux' ? [run.id] : []);
  });

  it('marks interrupted a workflow run whose process ended and keeps what it recorded', async () => {
    const ended = await endedProcess();
    const dead = new SqlWorkflowRunRepository(temp.db, ownedBy(ended));
    const draft = {
      workflowId: 'sort_by_plays',
      workflowName: 'Sort by plays',
      status: 'running' as const,
      dryRun: false,
      parameters: { playlist_id: 'x' },
      tasks: [],
      apiCalls: {},
      startedAt: AT,
      finishedAt: null,
      error: null,
    };
    const abandoned = await dead.save(draft);
    const live = await temp.repos.workflowRuns.save(draft);

    const marked = await temp.repos.workflowRuns.interruptAbandoned(AT + 9);

    expect(marked.map((run) => run.id)).toEqual([abandoned.id]);
    expect(await temp.repos.workflowRuns.get(abandoned.id)).toMatchObject({
      status: 'interrupted',
      finishedAt: AT + 9,
      parameters: { playlist_id: 'x' },
      owner: ended,
      error: expect.stringContaining(`pid ${ended.pid}`),
    });
    expect(await temp.repos.workflowRuns.get(live.id)).toMatchObject({ status: 'running' });
  });

  // SQLite in both runs: it steps the schema back with TypeORM's migration undo.
  it('SQLite: migrates runs recorded before owners (schema 3) and takes them back', async () => {
    const db = await openDatabase({ path: join(temp.folder, 'schema-3.db') });
    try {
      await fromSchema3(db, createRepositories(db));
    } finally {
      await db.close();
    }
  });
});

async function fromSchema3(db: SqliteDatabase, repos: Repositories): Promise<void> {
  const { sqlite, dataSource } = db;
  await undoBackTo(dataSource, 'RunOwners1795564800000');
  sqlite
    .prepare(
      `INSERT INTO workflow_runs (workflow_id, workflow_name, status, dry_run, parameters, tasks, api_calls, started_at)
         VALUES ('w', 'W', 'running', 0, '{}', '[]', '{}', 1)`,
    )
    .run();
  sqlite
    .prepare(
      `INSERT INTO import_runs (kind, status, progress, started_at) VALUES ('history:lastfm:ann', 'running', '{}', 1)`,
    )
    .run();

  expect(await db.migrate()).toEqual(migrationsFrom('RunOwners1795564800000'));

  // Recorded by no process: no Narada can still be running them.
  expect((await repos.workflowRuns.interruptAbandoned(AT)).map((r) => r.owner)).toEqual([null]);
  expect((await repos.importRuns.interruptAbandoned(AT)).map((r) => r.status)).toEqual(['interrupted']);
  await repos.workflowRuns.save({
    workflowId: 'w2',
    workflowName: 'W2',
    status: 'running',
    dryRun: false,
    parameters: {},
    tasks: [],
    apiCalls: {},
    startedAt: AT,
    finishedAt: null,
    error: null,
  });

  await undoBackTo(dataSource, 'RunOwners1795564800000');
  const statuses = sqlite.prepare('SELECT "status" FROM "workflow_runs" ORDER BY "id"').all();
  expect(statuses).toEqual([{ status: 'failed' }, { status: 'running' }]);
  const columns = sqlite.prepare(`SELECT name FROM pragma_table_info('import_runs')`).all();
  expect(columns).not.toContainEqual({ name: 'owner_pid' });
  await db.migrate();
}
