import { describe, expect, it } from '@jest/globals';
import { aListeningEvent } from '../../builders/index.js';
import { aTrackDraft, AT, tempDatabasePerTest } from './temp-database.js';

const checkpoint = (key: string) => ({ key, cursor: null, state: {}, updatedAt: AT });

describe('SqliteUnitOfWork', () => {
  const temp = tempDatabasePerTest();

  it('commits every write of a unit together', async () => {
    const { unitOfWork, tracks, listeningEvents } = temp.repos;
    await unitOfWork.transaction(async () => {
      await tracks.insert(aTrackDraft(), AT);
      await listeningEvents.appendMany([aListeningEvent(), aListeningEvent()]);
    });
    expect(await tracks.count()).toBe(1);
    expect(await listeningEvents.count()).toBe(2);
  });

  it('undoes every write of a unit, bulk paths included, when its work throws', async () => {
    const { unitOfWork, tracks, listeningEvents, syncCheckpoints } = temp.repos;
    await expect(
      unitOfWork.transaction(async () => {
        await tracks.insertMany([aTrackDraft(), aTrackDraft()], AT);
        await listeningEvents.appendMany([aListeningEvent()]);
        await syncCheckpoints.put(checkpoint('k'));
        throw new Error('the import failed');
      }),
    ).rejects.toThrow('the import failed');

    expect(await tracks.count()).toBe(0);
    expect(await listeningEvents.count()).toBe(0);
    expect(await syncCheckpoints.get('k')).toBeNull();
  });

  it('undoes only the inner unit when a nested unit fails and the outer one carries on', async () => {
    const { unitOfWork, syncCheckpoints } = temp.repos;
    await unitOfWork.transaction(async () => {
      await syncCheckpoints.put(checkpoint('outer'));
      await expect(
        unitOfWork.transaction(async () => {
          await syncCheckpoints.put(checkpoint('inner'));
          throw new Error('inner failed');
        }),
      ).rejects.toThrow('inner failed');
    });
    expect(await syncCheckpoints.get('outer')).not.toBeNull();
    expect(await syncCheckpoints.get('inner')).toBeNull();
  });

  it('holds back a write issued outside a running unit, so the unit’s rollback does not take it along', async () => {
    const { unitOfWork, syncCheckpoints } = temp.repos;
    const unitIsOpen = deferred();
    const outsideIssued = deferred();
    const unit = unitOfWork.transaction(async () => {
      await syncCheckpoints.put(checkpoint('inside'));
      unitIsOpen.resolve();
      await outsideIssued.promise;
      throw new Error('unit failed');
    });

    await unitIsOpen.promise;
    // A concurrent task writes while the unit's SQLite transaction is open on the same connection.
    const outside = syncCheckpoints.put(checkpoint('outside'));
    outsideIssued.resolve();

    await expect(unit).rejects.toThrow('unit failed');
    await outside;
    expect(await syncCheckpoints.get('inside')).toBeNull();
    expect(await syncCheckpoints.get('outside')).not.toBeNull();
  });
});

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}
