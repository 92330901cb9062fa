import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { RawListeningEvent } from '../../../src/domain/history/listening-event.js';
import { SqlListenRecordingStore } from '../../../src/infrastructure/persistence/history/sql-listen-recording-store.js';
import { aListeningEvent } from '../../builders/index.js';
import { AT, NOT_NULL_VIOLATION, openTempDatabase, rowCount, type TempDatabase } from './temp-database.js';

describe('the listening-event ledger', () => {
  let temp: TempDatabase;

  /** The ledger as stored, in the order stored. */
  function ledger(): Promise<(RawListeningEvent & { id: number })[]> {
    return temp.query<RawListeningEvent & { id: number }>(
      `SELECT "id", "user", "source", "played_at" AS "playedAt", "track_key" AS "trackKey",
              "ms_played" AS "msPlayed", "payload", "import_run_id" AS "importRunId"
         FROM "listening_events" ORDER BY "id"`,
    );
  }

  beforeEach(async () => {
    temp = await openTempDatabase();
  });

  afterEach(async () => {
    await temp.dispose();
  });

  it('inserts nothing when the same events are appended again, and says they were held', async () => {
    const events = Array.from({ length: 120 }, () => aListeningEvent());
    const { listenRecording } = temp.repos;

    const ids = await listenRecording.appendEvents(events);
    expect(ids.every((id) => id !== null)).toBe(true);
    expect(new Set(ids).size).toBe(120);
    expect(await listenRecording.appendEvents(events)).toEqual(events.map(() => null));
    expect(await rowCount(temp.repos, 'listening_events')).toBe(120);
  });

  it('stores an event repeated within one batch once', async () => {
    const event = aListeningEvent();
    const ids = await temp.repos.listenRecording.appendEvents([event, aListeningEvent(), event]);
    expect(ids).toEqual([expect.any(Number), expect.any(Number), null]);
  });

  it('treats events differing only in user, source, time or track key as different listens', async () => {
    const base = aListeningEvent();
    const variants: RawListeningEvent[] = [
      base,
      { ...base, user: 'someone-else' },
      { ...base, source: 'spotify' },
      { ...base, playedAt: base.playedAt + 1 },
      { ...base, trackKey: `${base.trackKey}-remix` },
    ];
    const ids = await temp.repos.listenRecording.appendEvents(variants);
    expect(ids.filter((id) => id !== null)).toHaveLength(5);
  });

  it('keeps the payload byte for byte and stores events in the order given', async () => {
    // Line breaks, a tab, backslashes and a literal \N: what COPY's text format must escape.
    const payload =
      '{ "artist":"Sigur Rós" ,\r\n "name":"Hoppípolla\t(live)", "path":"C:\\\\Music\\\\N", "date":{"uts":"1700000000"} }';
    const events = [
      aListeningEvent({ payload, msPlayed: null }),
      aListeningEvent({ source: 'spotify_export', trackKey: 'spotify:track\\N\ttab' }),
    ];
    const ids = await temp.repos.listenRecording.appendEvents(events);

    const stored = await ledger();
    expect(stored.map((e) => e.id)).toEqual(ids);
    expect(stored.map(({ id: _id, ...raw }) => raw)).toEqual(events);
    expect(stored[0]!.payload).toBe(payload);
  });

  it('stores no event of a 20,000-event append when one fails mid-way', async () => {
    const events = Array.from({ length: 20_000 }, () => aListeningEvent());
    // A listen without its payload breaks the ledger's NOT NULL on row 15,000, after 14,999 were written.
    events[14_999] = { ...events[14_999]!, payload: null as unknown as string };

    await expect(temp.repos.listenRecording.appendEvents(events)).rejects.toMatchObject({
      code: NOT_NULL_VIOLATION,
    });
    expect(await rowCount(temp.repos, 'listening_events')).toBe(0);
  });

  it('links events to the import run that brought them', async () => {
    const run = await temp.repos.importRuns.start('history:lastfm', { from: null, to: null }, AT);
    await temp.repos.listenRecording.appendEvents([aListeningEvent({ importRunId: run.id })]);
    expect((await ledger()).map((e) => e.importRunId)).toEqual([run.id]);
  });

  it('offers no way to change or remove a recorded listen', () => {
    const methods = Object.getOwnPropertyNames(SqlListenRecordingStore.prototype).filter(
      (name) => name !== 'constructor',
    );
    expect(methods.sort()).toEqual(['addDailyListens', 'appendEvents', 'insertPlays', 'playsWithin']);
  });

  it('has the database itself refuse an UPDATE or DELETE of a recorded listen', async () => {
    await temp.repos.listenRecording.appendEvents([aListeningEvent()]);
    // By message, not toThrow: better-sqlite3's error class belongs to the realm of the test file that
    // loaded the native module first in this Jest worker, so `instanceof Error` fails in the others.
    const refused = { message: expect.stringMatching(/append-only/) };
    await expect(temp.query(`UPDATE listening_events SET ms_played = 1`)).rejects.toMatchObject(refused);
    await expect(temp.query(`DELETE FROM listening_events`)).rejects.toMatchObject(refused);
    expect(await rowCount(temp.repos, 'listening_events')).toBe(1);
  });
});
