// Two connections on one database file, as two `narada` processes have: their write transactions
// overlap, and each must wait for the other instead of failing with SQLITE_BUSY.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { NaradaError } from '../../../src/domain/shared/errors.js';
import { openDatabase, type SqliteDatabase } from '../../../src/infrastructure/persistence/open-database.js';
import {
  createRepositories,
  type Repositories,
} from '../../../src/infrastructure/persistence/repositories.js';
import { aListeningEvent } from '../../builders/index.js';
import { AT, tempFolder } from './temp-database.js';

const checkpoint = (key: string) => ({ key, cursor: null, state: {}, updatedAt: AT });

function opened(): { promise: Promise<void>; open(): void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('two connections writing to one database file', () => {
  let folder: string;
  let path: string;
  const databases: SqliteDatabase[] = [];

  async function connect(lockWaitMs?: number): Promise<Repositories> {
    const db = await openDatabase({ path, lockWaitMs });
    databases.push(db);
    return createRepositories(db);
  }

  beforeEach(() => {
    folder = tempFolder();
    path = join(folder, 'narada.db');
  });

  afterEach(async () => {
    for (const db of databases.splice(0)) await db.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('lets a unit that reads, then writes, wait for the other connection’s unit to commit', async () => {
    const first = await connect();
    const second = await connect();
    const holding = opened();
    const release = opened();

    const one = first.unitOfWork.transaction(async () => {
      await first.syncCheckpoints.get('two');
      await first.syncCheckpoints.put(checkpoint('one'));
      holding.open();
      await release.promise;
      await first.syncCheckpoints.put(checkpoint('one, later'));
    });
    await holding.promise;
    const two = second.unitOfWork.transaction(async () => {
      const seen = await second.syncCheckpoints.get('one');
      await second.syncCheckpoints.put({ ...checkpoint('two'), cursor: seen === null ? 'blind' : 'saw one' });
    });
    setTimeout(release.open, 300);

    await Promise.all([one, two]);
    expect(await second.syncCheckpoints.get('one, later')).not.toBeNull();
    // The second unit began after the first committed, so it read the first one's rows.
    expect((await first.syncCheckpoints.get('two'))?.cursor).toBe('saw one');
  });

  it('lets bulk writes of one connection wait for a unit of the other, keeping every row', async () => {
    const first = await connect();
    const second = await connect();
    const holding = opened();
    const release = opened();

    const one = first.unitOfWork.transaction(async () => {
      await first.listenRecording.appendEvents([aListeningEvent({ playedAt: 1_000 })]);
      holding.open();
      await release.promise;
    });
    await holding.promise;
    const two = second.listenRecording.appendEvents([
      aListeningEvent({ playedAt: 2_000 }),
      aListeningEvent({ playedAt: 3_000 }),
    ]);
    setTimeout(release.open, 300);

    await Promise.all([one, two]);
    expect((await first.databaseInfo.info()).rowCounts['listening_events']).toBe(3);
  });

  it('gives up after the bounded wait with DATABASE.BUSY naming the file and saying what to do', async () => {
    const repos = await connect(300);
    const other = new Database(path);
    try {
      other.exec('BEGIN IMMEDIATE');
      const write = repos.syncCheckpoints.put(checkpoint('late'));
      await expect(write).rejects.toThrow(NaradaError);
      await expect(write).rejects.toMatchObject({
        code: 'DATABASE.BUSY',
        category: 'failure',
        message: expect.stringMatching(
          new RegExp(
            `^The database ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} stayed busy .*Run the command again`,
          ),
        ),
      });
      other.exec('ROLLBACK');
      // The failed write left no transaction behind: the next one goes through.
      await repos.syncCheckpoints.put(checkpoint('after'));
      expect(await repos.syncCheckpoints.get('after')).not.toBeNull();
    } finally {
      other.close();
    }
  });
});
