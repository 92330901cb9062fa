// Two Last.fm history imports (two users whose scrobbles are of the same songs, so both create and
// look up the same tracks) and `stats eras` runs, all at once, each on its own handle of one database,
// as three Narada processes would be. Afterwards every scrobble the fake served is in the ledger once,
// with one play each, and the roll-ups and eras count them all.
import { expect } from '@jest/globals';
import { SILENT_PROGRESS } from '../../../src/application/ports/progress.port.js';
import { ListenRecorder } from '../../../src/application/history/listen-recorder.js';
import {
  ImportLastfmHistory,
  type LastfmImportSummary,
} from '../../../src/application/use-cases/history/import-lastfm-history.js';
import { ShowEras } from '../../../src/application/use-cases/stats/show-eras.js';
import { systemClock } from '../../../src/infrastructure/clock/system-clock.js';
import { CallCounter } from '../../../src/infrastructure/connectors/http/call-counter.js';
import { LastfmApiClient } from '../../../src/infrastructure/connectors/lastfm/lastfm-api-client.js';
import type { EngineDatabase } from '../../../src/infrastructure/persistence/engine-database.js';
import {
  createRepositories,
  type Repositories,
} from '../../../src/infrastructure/persistence/repositories.js';
import { aScrobbleSeries } from '../../fakes/lastfm/fake-lastfm-builders.js';
import { startFakeLastfm } from '../../fakes/lastfm/fake-lastfm.js';
import { lastfmHttp } from '../lastfm/lastfm-test-kit.js';

/** Scrobbles per user: 2024-06-01 back, three minutes apart, all in 2024. */
export const PER_USER = 1_200;
const NEWEST = 1_717_200_000;
const USERS = ['ana', 'ben'] as const;

export interface ConcurrentOutcome {
  readonly imports: readonly LastfmImportSummary[];
  /** `stats eras` runs that finished while the imports ran, and the last total. */
  readonly erasRuns: number;
}

/**
 * Opens three handles with `open`, runs both imports and (with `eras`) `stats eras` over and over on
 * the third until both imports are done, and checks what the database holds against what the fake served.
 */
export async function importsAndErasAtOnce(
  open: () => Promise<EngineDatabase>,
  eras: boolean,
): Promise<ConcurrentOutcome> {
  const fake = await startFakeLastfm();
  const handles: EngineDatabase[] = [];
  try {
    for (const user of USERS)
      fake.addScrobbles(user, aScrobbleSeries(PER_USER, { newest: NEWEST, stepSeconds: 180 }));
    for (let i = 0; i < 3; i++) handles.push(await open());
    const [first, second, reader] = handles.map((db) => createRepositories(db)) as [
      Repositories,
      Repositories,
      Repositories,
    ];
    const importer = (repos: Repositories, user: string) =>
      new ImportLastfmHistory({
        lastfm: new LastfmApiClient({
          config: {
            apiUrl: fake.url,
            apiKey: fake.apiKey,
            apiSecret: fake.secret,
            username: user,
            sessionKey: null,
          },
          http: lastfmHttp(new CallCounter()),
        }),
        runs: repos.importRuns,
        recorder: new ListenRecorder({
          store: repos.listenRecording,
          tracks: repos.provisionalTracks,
          unitOfWork: repos.unitOfWork,
          clock: systemClock,
        }),
        unitOfWork: repos.unitOfWork,
        clock: systemClock,
        progress: SILENT_PROGRESS,
        // Small transactions, so the two imports' writes interleave page by page.
        pagesPerCommit: 1,
      });
    let running = true;
    const both = Promise.all([importer(first, 'ana').run(), importer(second, 'ben').run()]).finally(() => {
      running = false;
    });
    let erasRuns = 0;
    let lastTotal = 0;
    const showEras = eras ? new ShowEras({ stats: reader.listeningStats }) : null;
    const erasLoop = async () => {
      if (showEras === null) return;
      while (running) {
        const report = await showEras.run({ year: 2024 });
        expect(report.total).toBeGreaterThanOrEqual(lastTotal);
        lastTotal = report.total;
        erasRuns++;
        // On SQLite a run is synchronous underneath: give the imports' HTTP answers their turn, as
        // another process would have it.
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    const [imports] = await Promise.all([both, erasLoop()]);

    for (const summary of imports) expect(summary).toMatchObject({ new: PER_USER, alreadyPresent: 0 });
    const db = handles[2]!;
    const count = async (sql: string) => Number((await db.sql.one<{ n: number }>(sql))?.n ?? 0);
    const served = PER_USER * USERS.length;
    expect(await count(`SELECT COUNT(*) AS "n" FROM "listening_events"`)).toBe(served);
    expect(
      await count(
        `SELECT COUNT(*) AS "n" FROM (SELECT DISTINCT "user", "source", "played_at", "track_key" FROM "listening_events") AS k`,
      ),
    ).toBe(served);
    expect(await count(`SELECT COUNT(*) AS "n" FROM "plays"`)).toBe(served);
    expect(await count(`SELECT COUNT(DISTINCT "event_id") AS "n" FROM "plays"`)).toBe(served);
    expect(await count(`SELECT SUM("listen_count") AS "n" FROM "daily_listens"`)).toBe(served);
    // Both users played the same songs: one track each, made by whichever import came first.
    expect(await count(`SELECT COUNT(*) AS "n" FROM "tracks"`)).toBe(PER_USER);
    for (const user of USERS) {
      expect(await count(`SELECT COUNT(*) AS "n" FROM "plays" WHERE "user" = '${user}'`)).toBe(PER_USER);
    }
    if (showEras !== null) {
      const after = await showEras.run({ year: 2024 });
      expect(after.total).toBe(served);
      expect(erasRuns).toBeGreaterThan(0);
    }
    return { imports, erasRuns };
  } finally {
    for (const db of handles) await db.close();
    await fake.close();
  }
}
