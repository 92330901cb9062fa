import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { LastfmPort, RecentTracksQuery } from '../../../src/application/ports/lastfm.port.js';
import type { ListenRecordingStore } from '../../../src/application/ports/listen-recording-store.port.js';
import { SILENT_PROGRESS } from '../../../src/application/ports/progress.port.js';
import type { UnitOfWork } from '../../../src/application/ports/unit-of-work.port.js';
import { ImportLastfmHistory } from '../../../src/application/use-cases/history/import-lastfm-history.js';
import { ListenRecorder } from '../../../src/application/history/listen-recorder.js';
import { aFakeScrobble, aScrobbleSeries } from '../../fakes/lastfm/fake-lastfm-builders.js';
import { escapeSlashes, recentTrackWire } from '../../fakes/lastfm/fake-lastfm-wire.js';
import { startLastfmKit, type LastfmKit } from '../lastfm/lastfm-test-kit.js';
import { openHistoryKit, type HistoryKit } from './history-test-kit.js';
import { onPostgres } from '../persistence/temp-database.js';
import { aClock } from '../../builders/index.js';

/** Newest scrobble: well before the fixed "now", so every run's range holds the whole series. */
const NEWEST = 1_740_000_000;
const NOW = (NEWEST + 86_400) * 1000;

/** The real client, with a hook after each history page is fetched (the world changing between requests). */
function withHook(
  client: LastfmPort,
  afterFetch: (call: number, query: RecentTracksQuery) => void,
): LastfmPort {
  let calls = 0;
  return Object.assign(Object.create(client) as LastfmPort, {
    getRecentTracks: async (query: RecentTracksQuery = {}) => {
      const page = await client.getRecentTracks(query);
      afterFetch(++calls, query);
      return page;
    },
  });
}

describe('ImportLastfmHistory against the fake Last.fm', () => {
  let lastfm: LastfmKit;
  let kit: HistoryKit;
  beforeEach(async () => {
    lastfm = await startLastfmKit();
    kit = await openHistoryKit(() => NOW);
  });
  afterEach(async () => {
    await lastfm.fake.close();
    await kit.dispose();
  });

  function importer(client: LastfmPort = lastfm.client, recorder = kit.recorder): ImportLastfmHistory {
    return new ImportLastfmHistory({
      lastfm: client,
      runs: kit.repos.importRuns,
      recorder,
      unitOfWork: kit.repos.unitOfWork,
      clock: kit.clock,
      progress: SILENT_PROGRESS,
      // One page per transaction, so each test sees exactly which pages were stored.
      pagesPerCommit: 1,
    });
  }

  /** A recorder over the real store whose roll-ups are written by `addDailyListens`. */
  function recorderWithRollUps(addDailyListens: ListenRecordingStore['addDailyListens']): ListenRecorder {
    const real = kit.store;
    const store: ListenRecordingStore = {
      listensPerWrite: real.listensPerWrite,
      appendEvents: (events) => real.appendEvents(events),
      playsWithin: (user, spans) => real.playsWithin(user, spans),
      insertPlays: (plays) => real.insertPlays(plays),
      addDailyListens,
    };
    return new ListenRecorder({
      store,
      tracks: kit.repos.provisionalTracks,
      unitOfWork: kit.repos.unitOfWork,
      clock: kit.clock,
    });
  }

  async function ledgerTimes(): Promise<number[]> {
    return (
      (await kit.query('SELECT "played_at" AS t FROM "listening_events" ORDER BY "played_at"')) as Array<{
        t: number;
      }>
    ).map((r) => r.t);
  }

  it('imports a multi-page history oldest page first, without the now-playing entry', async () => {
    lastfm.fake.addScrobbles('listener', aScrobbleSeries(450, { newest: NEWEST }));
    lastfm.fake.setNowPlaying('listener', { artist: 'Live Now', track: 'Playing', album: null });

    const summary = await importer().run();

    expect(summary).toMatchObject({
      user: 'listener',
      pages: 3,
      received: 450,
      new: 450,
      alreadyPresent: 0,
      skipped: { unreadable: 0 },
      resyncs: 0,
    });
    expect(lastfm.fake.calls('user.getRecentTracks').map((c) => c.params.page)).toEqual(['1', '3', '2', '1']);
    expect(await kit.count('listening_events')).toBe(450);
    expect(await kit.dailyTotal()).toBe(450);
    const live = (
      await kit.query(`SELECT COUNT(*) AS n FROM "listening_events" WHERE "payload" LIKE '%Live Now%'`)
    )[0] as { n: number };
    expect(live.n).toBe(0);
    const [run] = (await kit.query(`SELECT * FROM "import_runs"`)) as Array<{
      status: string;
      progress: string;
      range_to: number;
    }>;
    expect(run).toMatchObject({ status: 'completed', range_to: NOW });
    expect(JSON.parse(run!.progress)).toMatchObject({
      pagesDone: 3,
      pagesTotal: 3,
      itemsNew: 450,
      cursor: String(NEWEST * 1000),
    });
  });

  it('stores each scrobble exactly as Last.fm sent it', async () => {
    await lastfm.fake.close();
    // Last.fm's escaped slashes: a re-serialised entry would lose them.
    lastfm = await startLastfmKit({ fake: { escapedSlashes: true } });
    const scrobble = aFakeScrobble({ timestamp: NEWEST });
    lastfm.fake.addScrobbles('listener', [scrobble]);
    await importer().run();
    const { payload } = (await kit.query('SELECT "payload" FROM "listening_events"'))[0] as {
      payload: string;
    };
    expect(payload).toBe(escapeSlashes(JSON.stringify(recentTrackWire(scrobble, false, false))));
    expect(JSON.parse(payload)).toMatchObject({
      name: 'Reckoner',
      date: { uts: String(NEWEST) },
      artist: { '#text': 'Radiohead' },
    });
  });

  it('finds nothing new on a second import', async () => {
    lastfm.fake.addScrobbles('listener', aScrobbleSeries(250, { newest: NEWEST }));
    await importer().run();
    const again = await importer().run();
    expect(again).toMatchObject({ new: 0, alreadyPresent: 250 });
    expect(await kit.count('listening_events')).toBe(250);
    expect(await kit.count('plays')).toBe(250);
  });

  it('resumes a failed run where it stopped: exact count, no duplicates', async () => {
    lastfm.fake.addScrobbles('listener', aScrobbleSeries(1000, { newest: NEWEST }));
    // Page 1, then pages 5 and 4 succeed; the key is then suspended (error 26 is not retried).
    const failing = withHook(lastfm.client, (call) => {
      if (call === 3) lastfm.fake.errorNext(1, 26);
    });
    await expect(importer(failing).run()).rejects.toThrow();
    expect(await kit.count('listening_events')).toBe(400);

    const resumed = await importer().run();

    expect(resumed.runs[0]).toMatchObject({ resumedRun: 1 });
    // It asked again from the newest scrobble stored (page 4's newest), not from the beginning.
    const firstResumed = lastfm.fake.calls('user.getRecentTracks').find((c) => c.params.from !== undefined);
    expect(firstResumed?.params.from).toBe(String(NEWEST - 600 * 240));
    expect(resumed.new).toBe(600);
    expect(await kit.count('listening_events')).toBe(1000);
    expect(new Set(await ledgerTimes()).size).toBe(1000);
    expect(await kit.countedPlays()).toBe(1000);
    expect(await kit.dailyTotal()).toBe(1000);
    expect(await kit.danglingReferences()).toBe(0);
    const statuses = await kit.query('SELECT "status" FROM "import_runs" ORDER BY "id"');
    expect(statuses).toEqual([{ status: 'interrupted' }, { status: 'completed' }, { status: 'completed' }]);
  });

  it('rolls a page back whole when storing it fails, and the resume stores it exactly once', async () => {
    lastfm.fake.addScrobbles('listener', aScrobbleSeries(600, { newest: NEWEST }));
    let dailyCalls = 0;
    const recorder = recorderWithRollUps(async (deltas) => {
      if (++dailyCalls === 2) throw new Error('disk full');
      return kit.store.addDailyListens(deltas);
    });
    // Page 1 committed; page 2 failed, and page 3 (appended meanwhile on PostgreSQL, in a transaction
    // of its own) was rolled back with it.
    await expect(importer(lastfm.client, recorder).run()).rejects.toThrow('disk full');
    expect(await kit.count('listening_events')).toBe(200);
    expect(await kit.count('plays')).toBe(200);

    await importer().run();
    expect(await kit.count('listening_events')).toBe(600);
    expect(await kit.countedPlays()).toBe(600);
    expect(await kit.dailyTotal()).toBe(600);
    expect(await kit.danglingReferences()).toBe(0);
  });

  it('keeps no more than two batches in flight when the ledger takes them faster than they are interpreted', async () => {
    lastfm.fake.addScrobbles('listener', aScrobbleSeries(2_000, { newest: NEWEST }));
    const recorder = recorderWithRollUps(async (deltas) => {
      await new Promise((resolve) => setTimeout(resolve, 40));
      return kit.store.addDailyListens(deltas);
    });
    let open = 0;
    let most = 0;
    const counted: UnitOfWork = {
      ...kit.repos.unitOfWork,
      transaction: (work, options) =>
        kit.repos.unitOfWork.transaction(async () => {
          most = Math.max(most, ++open);
          try {
            return await work();
          } finally {
            open -= 1;
          }
        }, options),
    };
    const summary = await new ImportLastfmHistory({
      lastfm: lastfm.client,
      runs: kit.repos.importRuns,
      recorder,
      unitOfWork: counted,
      clock: kit.clock,
      progress: SILENT_PROGRESS,
      pagesPerCommit: 1,
    }).run();

    expect(summary.new).toBe(2_000);
    // PostgreSQL appends the next batch while one is interpreted; SQLite's single writer takes them in turn.
    expect(most).toBe(onPostgres ? 2 : 1);
    expect(await kit.countedPlays()).toBe(2_000);
  });

  it('re-reads from the cursor when the range changes under it (a scrobble deleted, one back-dated)', async () => {
    lastfm.fake.addScrobbles('listener', aScrobbleSeries(700, { newest: NEWEST }));
    const deleted = NEWEST - 10 * 240;
    const user = lastfm.fake.state.user('listener');
    const changing = withHook(lastfm.client, (call) => {
      // Newer than anything read so far: the older pages shift by one each time.
      if (call === 2) user.scrobbles = user.scrobbles.filter((s) => s.timestamp !== deleted);
      if (call === 4)
        lastfm.fake.addScrobbles('listener', [aFakeScrobble({ track: 'Late', timestamp: NEWEST - 7 })]);
    });

    // One page per write, so one page is asked for ahead on either engine and the two changes fall
    // in two passes (read-ahead with a changing range: test/unit/history/lastfm-page-reader.test.ts).
    const onePage = Object.assign(Object.create(kit.store) as ListenRecordingStore, { listensPerWrite: 200 });
    const recorder = new ListenRecorder({
      store: onePage,
      tracks: kit.repos.provisionalTracks,
      unitOfWork: kit.repos.unitOfWork,
      clock: kit.clock,
    });
    const summary = await importer(changing, recorder).run();

    expect(summary.resyncs).toBe(2);
    const upstream = user.scrobbles.map((s) => s.timestamp * 1000);
    // The deleted scrobble had not been read before it went; the back-dated one was caught.
    expect(await ledgerTimes()).toEqual(upstream.sort((a, b) => a - b));
    expect(await kit.countedPlays()).toBe(700);
  });

  it('leaves scrobbles made during the import to the next one, without shifting pages', async () => {
    lastfm.fake.addScrobbles('listener', aScrobbleSeries(500, { newest: NEWEST }));
    let later = NOW / 1000 + 60;
    const live = withHook(lastfm.client, () =>
      lastfm.fake.addScrobbles('listener', [aFakeScrobble({ track: `New ${later}`, timestamp: later++ })]),
    );

    const first = await importer(live).run();
    expect(first).toMatchObject({ new: 500, resyncs: 0 });

    const next = new ImportLastfmHistory({
      lastfm: lastfm.client,
      runs: kit.repos.importRuns,
      recorder: kit.recorder,
      unitOfWork: kit.repos.unitOfWork,
      clock: aClock(() => NOW + 3_600_000),
      progress: SILENT_PROGRESS,
    });
    expect((await next.run()).new).toBe(later - (NOW / 1000 + 60));
  });

  it('imports only the asked range', async () => {
    lastfm.fake.addScrobbles('listener', aScrobbleSeries(100, { newest: NEWEST, stepSeconds: 100 }));
    const summary = await importer().run({ since: (NEWEST - 999) * 1000, until: (NEWEST - 499) * 1000 });
    expect(summary.new).toBe(5);
    expect(await ledgerTimes()).toEqual([900, 800, 700, 600, 500].map((d) => (NEWEST - d) * 1000));
  });
});
