import { beforeEach, describe, expect, it } from '@jest/globals';
import { hostname } from 'node:os';
import { EMPTY_PROGRESS } from '../../../src/domain/history/import-run.js';
import type { StoredListeningEvent } from '../../../src/domain/history/listening-event.js';
import type { TrackId } from '../../../src/domain/track/track.js';
import { aListeningEvent } from '../../builders/index.js';
import { aTrackDraft, AT, tempDatabasePerTest, seedDailyListens } from './temp-database.js';

describe('history: plays, daily listens and import runs', () => {
  const temp = tempDatabasePerTest();
  let trackIds: TrackId[];
  let events: StoredListeningEvent[];

  beforeEach(async () => {
    trackIds = await temp.repos.tracks.insertMany([aTrackDraft(), aTrackDraft()], AT);
    await temp.repos.listeningEvents.appendMany([aListeningEvent(), aListeningEvent(), aListeningEvent()]);
    events = [];
    for await (const page of temp.repos.listeningEvents.pages()) events.push(...page);
  });

  it('stores plays of ledger events, skips an event that already has a play, and lists a track’s plays oldest first', async () => {
    const { plays } = temp.repos;
    const play = (event: StoredListeningEvent, trackId: TrackId) => ({
      eventId: event.id,
      user: event.user,
      trackId,
      playedAt: event.playedAt,
      msPlayed: event.msPlayed,
      duplicateOf: null,
    });

    expect(await plays.insertMany([play(events[1]!, trackIds[0]!), play(events[0]!, trackIds[0]!)])).toBe(2);
    expect(await plays.insertMany([play(events[0]!, trackIds[1]!), play(events[2]!, trackIds[1]!)])).toBe(1);

    const first = await plays.forTrack(trackIds[0]!);
    expect(first.map((p) => p.eventId)).toEqual([events[0]!.id, events[1]!.id]);
    expect(first[0]).toMatchObject(play(events[0]!, trackIds[0]!));
    expect(await plays.count()).toBe(3);
  });

  it('replaces daily counts on upsert and bounds them by date', async () => {
    const { dailyListens } = temp.repos;
    const day = (date: string, listenCount: number) => ({
      user: 'listener',
      trackId: trackIds[0]!,
      date,
      listenCount,
      totalMsPlayed: listenCount * 1000,
    });
    await seedDailyListens(temp.repos, [day('2024-01-01', 1), day('2024-01-02', 2), day('2024-01-03', 3)]);
    await dailyListens.upsertMany([day('2024-01-02', 5)]);

    expect(await dailyListens.forTracks([trackIds[0]!], { from: '2024-01-02' })).toEqual([
      day('2024-01-02', 5),
      day('2024-01-03', 3),
    ]);
    expect(await dailyListens.forTracks([trackIds[0]!], { to: '2024-01-01' })).toEqual([
      day('2024-01-01', 1),
    ]);
    expect(await dailyListens.forTracks([trackIds[1]!])).toEqual([]);
  });

  it('records an import run from start through progress to its finish, and finds the latest of a kind', async () => {
    const { importRuns } = temp.repos;
    const older = await importRuns.start('history:lastfm', { from: null, to: null }, AT);
    const run = await importRuns.start('history:lastfm', { from: AT - 86_400_000, to: AT }, AT + 10);
    await importRuns.start('likes:spotify', { from: null, to: null }, AT + 20);
    expect(run).toMatchObject({ status: 'running', progress: EMPTY_PROGRESS, finishedAt: null });
    expect(run.id).toBeGreaterThan(older.id);

    const progress = { ...EMPTY_PROGRESS, pagesDone: 3, pagesTotal: 40, itemsNew: 600, cursor: '3' };
    await importRuns.updateProgress(run.id, progress);
    const finished = await importRuns.finish(
      run.id,
      'interrupted',
      AT + 30,
      'Last.fm returned 503 three times',
    );

    expect(finished).toEqual({
      id: run.id,
      kind: 'history:lastfm',
      rangeFrom: AT - 86_400_000,
      rangeTo: AT,
      status: 'interrupted',
      progress,
      startedAt: AT + 10,
      finishedAt: AT + 30,
      error: 'Last.fm returned 503 three times',
      owner: { pid: process.pid, host: hostname(), startedAt: expect.any(Number) },
    });
    expect(await importRuns.latest('history:lastfm')).toEqual(finished);
    expect(await importRuns.latest('history:spotify_export')).toBeNull();
  });

  it('refuses progress for an import run that was never started', async () => {
    await expect(temp.repos.importRuns.updateProgress(999, EMPTY_PROGRESS)).rejects.toMatchObject({
      code: 'DATABASE.NOT_FOUND',
    });
  });
});
