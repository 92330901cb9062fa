import { describe, expect, it } from '@jest/globals';
import type { RawListeningEvent } from '../../../src/domain/history/listening-event.js';
import { TypeOrmListeningEventRepository } from '../../../src/infrastructure/persistence/history/typeorm-listening-event-repository.js';
import { aListeningEvent } from '../../builders/index.js';
import { AT, tempDatabasePerTest } from './temp-database.js';

describe('the listening-event ledger', () => {
  const temp = tempDatabasePerTest();

  it('inserts nothing when the same events are appended again, and reports them as existing', async () => {
    const events = Array.from({ length: 120 }, () => aListeningEvent());
    const { listeningEvents } = temp.repos;

    expect(await listeningEvents.appendMany(events)).toEqual({ inserted: 120, existing: 0 });
    expect(await listeningEvents.appendMany(events)).toEqual({ inserted: 0, existing: 120 });
    expect(await listeningEvents.count()).toBe(120);
  });

  it('counts an event repeated within one batch once as inserted and once as existing', async () => {
    const event = aListeningEvent();
    expect(await temp.repos.listeningEvents.appendMany([event, aListeningEvent(), event])).toEqual({
      inserted: 2,
      existing: 1,
    });
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
    expect(await temp.repos.listeningEvents.appendMany(variants)).toEqual({ inserted: 5, existing: 0 });
  });

  it('keeps the payload byte for byte and gives events back in the order stored', async () => {
    const payload = '{ "artist":"Sigur Rós" ,\n "name":"Hoppípolla", "date":{"uts":"1700000000"} }';
    const events = [
      aListeningEvent({ payload, msPlayed: null }),
      aListeningEvent({ source: 'spotify_export' }),
    ];
    await temp.repos.listeningEvents.appendMany(events);

    const stored = [];
    for await (const page of temp.repos.listeningEvents.pages(1)) stored.push(...page);

    expect(stored.map(({ id: _id, ...raw }) => raw)).toEqual(events);
    expect(stored[0]!.payload).toBe(payload);
  });

  it('stores no event of a 20,000-event append when one fails mid-way', async () => {
    const events = Array.from({ length: 20_000 }, () => aListeningEvent());
    // No import run 424242 exists: the foreign key fails on row 15,000, after 14,999 were written.
    events[14_999] = { ...events[14_999]!, importRunId: 424242 };

    await expect(temp.repos.listeningEvents.appendMany(events)).rejects.toMatchObject({
      code: 'SQLITE_CONSTRAINT_FOREIGNKEY',
    });
    expect(await temp.repos.listeningEvents.count()).toBe(0);
  });

  it('links events to the import run that brought them', async () => {
    const run = await temp.repos.importRuns.start('history:lastfm', { from: null, to: null }, AT);
    await temp.repos.listeningEvents.appendMany([aListeningEvent({ importRunId: run.id })]);
    for await (const page of temp.repos.listeningEvents.pages()) expect(page[0]?.importRunId).toBe(run.id);
  });

  it('offers no way to change or remove a recorded listen', () => {
    const methods = Object.getOwnPropertyNames(TypeOrmListeningEventRepository.prototype).filter(
      (name) => name !== 'constructor',
    );
    expect(methods.sort()).toEqual(['appendMany', 'count', 'pages']);
  });

  it('has the database itself refuse an UPDATE or DELETE of a recorded listen', async () => {
    await temp.repos.listeningEvents.appendMany([aListeningEvent()]);
    expect(() => temp.db.sqlite.prepare(`UPDATE listening_events SET ms_played = 1`).run()).toThrow(
      /append-only/,
    );
    expect(() => temp.db.sqlite.prepare(`DELETE FROM listening_events`).run()).toThrow(/append-only/);
    expect(await temp.repos.listeningEvents.count()).toBe(1);
  });
});
