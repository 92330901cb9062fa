// What Last.fm does now and then to a history page — an empty page whose paging says it is full, a
// body cut short, error 8 — is asked again; a page that stays bad stops the import there, keeps
// what came before, and the next run reads the rest: every scrobble, once.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { SILENT_PROGRESS } from '../../../src/application/ports/progress.port.js';
import { ImportLastfmHistory } from '../../../src/application/use-cases/history/import-lastfm-history.js';
import { NaradaError } from '../../../src/domain/shared/errors.js';
import { aScrobbleSeries } from '../../fakes/lastfm/fake-lastfm-builders.js';
import type { FakeLastfmFault } from '../../fakes/lastfm/fake-lastfm-faults.js';
import { startLastfmKit, type LastfmKit } from '../lastfm/lastfm-test-kit.js';
import { openHistoryKit, type HistoryKit } from './history-test-kit.js';

const NEWEST = 1_740_000_000;
const NOW = (NEWEST + 86_400) * 1000;
/** 5 pages of 200; read as pages 1, 5, 4, 3, 2, 1. */
const TOTAL = 1000;

const FAULTS: ReadonlyArray<[string, FakeLastfmFault]> = [
  ['an empty page whose paging says it holds scrobbles', 'empty'],
  ['a body cut short', 'truncated'],
  ['error 8 (backend failed)', { error: 8 }],
];

describe('ImportLastfmHistory when Last.fm fails a page', () => {
  let lastfm: LastfmKit;
  let kit: HistoryKit;
  beforeEach(async () => {
    lastfm = await startLastfmKit();
    kit = await openHistoryKit(() => NOW);
    lastfm.fake.addScrobbles('listener', aScrobbleSeries(TOTAL, { newest: NEWEST }));
  });
  afterEach(async () => {
    await lastfm.fake.close();
    await kit.dispose();
  });

  function importer(): ImportLastfmHistory {
    return new ImportLastfmHistory({
      lastfm: lastfm.client,
      runs: kit.repos.importRuns,
      recorder: kit.recorder,
      unitOfWork: kit.repos.unitOfWork,
      clock: kit.clock,
      progress: SILENT_PROGRESS,
      pagesPerCommit: 1,
    });
  }

  async function distinctListens(): Promise<number> {
    const row = (
      await kit.query('SELECT COUNT(DISTINCT "played_at" || "track_key") AS n FROM "listening_events"')
    )[0] as { n: number };
    return row.n;
  }

  it.each(FAULTS)('asks again after %s and keeps every scrobble', async (_name, fault) => {
    const handle = lastfm.fake.fault('user.getRecentTracks', fault, { page: 3, times: 2 });

    const summary = await importer().run();

    expect(handle.hits()).toBe(2);
    expect(summary).toMatchObject({ received: TOTAL, new: TOTAL, skipped: { unreadable: 0 } });
    expect(await kit.count('listening_events')).toBe(TOTAL);
    expect(await kit.countedPlays()).toBe(TOTAL);
  });

  it.each(FAULTS)(
    'stops at %s that stays bad, keeps the pages before it, and the next run reads the rest once',
    async (_name, fault) => {
      const handle = lastfm.fake.fault('user.getRecentTracks', fault, { page: 3, times: 'always' });

      const failure = await importer()
        .run()
        .then(
          () => null,
          (error: unknown) => error,
        );

      expect(failure).toBeInstanceOf(NaradaError);
      expect(failure).toMatchObject({ code: 'HISTORY.LASTFM_STOPPED', category: 'failure' });
      const message = (failure as NaradaError).message;
      expect(message).toContain('stopped at Last.fm page 3 of 5');
      expect(message).toContain('run the same command again to resume');
      // Pages 5 and 4 (the 400 oldest scrobbles) are stored; nothing of page 3 and newer is.
      expect(message).toContain(`Scrobbles up to ${new Date((NEWEST - 600 * 240) * 1000).toISOString()}`);
      expect(await kit.count('listening_events')).toBe(400);
      const run = (await kit.query('SELECT "status", "progress" FROM "import_runs"'))[0] as {
        status: string;
        progress: string;
      };
      expect(run.status).toBe('failed');
      expect(JSON.parse(run.progress)).toMatchObject({ cursor: String((NEWEST - 600 * 240) * 1000) });

      handle.clear();
      const resumed = await importer().run();

      expect(resumed.runs[0]).toMatchObject({ resumedRun: 1 });
      expect(resumed.new).toBe(TOTAL - 400);
      expect(await kit.count('listening_events')).toBe(TOTAL);
      expect(await distinctListens()).toBe(TOTAL);
      expect(await kit.countedPlays()).toBe(TOTAL);
      expect(await kit.dailyTotal()).toBe(TOTAL);
    },
  );
});
