import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { hostname } from 'node:os';
import { EMPTY_PROGRESS } from '../../../src/domain/history/import-run.js';
import type { RawListeningEvent } from '../../../src/domain/history/listening-event.js';
import type { TrackId } from '../../../src/domain/track/track.js';
import { aListeningEvent } from '../../builders/index.js';
import {
  aTrackDraft,
  AT,
  openTempDatabase,
  rowCount,
  seedDailyListens,
  type TempDatabase,
} from './temp-database.js';

describe('history: plays, daily listens and import runs', () => {
  let temp: TempDatabase;
  let trackIds: TrackId[];
  let events: RawListeningEvent[];
  let eventIds: number[];

  beforeEach(async () => {
    temp = await openTempDatabase();
    trackIds = await temp.repos.tracks.insertMany([aTrackDraft(), aTrackDraft()], AT);
    events = [aListeningEvent(), aListeningEvent(), aListeningEvent()];
    eventIds = (await temp.repos.listenRecording.appendEvents(events)).map((id) => id!);
  });

  afterEach(async () => {
    await temp.dispose();
  });

  it('stores plays of ledger events, refuses a second play of an event writing nothing of that batch, and counts a track’s plays', async () => {
    const { listenRecording, playHistory } = temp.repos;
    const play = (n: number, trackId: TrackId) => ({
      eventId: eventIds[n]!,
      user: events[n]!.user,
      trackId,
      playedAt: events[n]!.playedAt,
      msPlayed: events[n]!.msPlayed,
      duplicateOf: null,
    });

    await listenRecording.insertPlays([play(1, trackIds[0]!), play(0, trackIds[0]!)]);
    await expect(
      listenRecording.insertPlays([play(2, trackIds[1]!), play(0, trackIds[1]!)]),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/unique|duplicate/i),
    });
    expect(await rowCount(temp.repos, 'plays')).toBe(2);
    await listenRecording.insertPlays([play(2, trackIds[1]!)]);

    expect(await playHistory.forTracks(trackIds)).toEqual([
      { trackId: trackIds[0], totalPlays: 2, lastPlayedAt: events[1]!.playedAt, playsInPeriod: 2 },
      { trackId: trackIds[1], totalPlays: 1, lastPlayedAt: events[2]!.playedAt, playsInPeriod: 1 },
    ]);
    const first = events[0]!.playedAt;
    expect(await listenRecording.playsWithin('listener', [{ from: first, to: first }])).toEqual([
      expect.objectContaining({ trackId: trackIds[0], playedAt: first, trackKey: events[0]!.trackKey }),
    ]);
    expect(await rowCount(temp.repos, 'plays')).toBe(3);
  });

  it('adds to the daily counts a day already holds and bounds them by date', async () => {
    const { listenRecording, listeningStats } = temp.repos;
    const day = (date: string, listenCount: number) => ({
      user: 'listener',
      trackId: trackIds[0]!,
      date,
      listenCount,
      totalMsPlayed: listenCount * 1000,
    });
    await seedDailyListens(temp.repos, [day('2024-01-01', 1), day('2024-01-02', 2), day('2024-01-03', 3)]);
    await listenRecording.addDailyListens([day('2024-01-02', 5)]);

    const listens = (from: string, to: string) => listeningStats.listensByTrack({ from, to }, 'listener');
    expect(await listens('2024-01-02', '2024-01-02')).toEqual([
      { trackId: trackIds[0], listens: 7, msPlayed: 7000 },
    ]);
    expect(await listens('2024-01-02', '2024-01-03')).toEqual([
      { trackId: trackIds[0], listens: 10, msPlayed: 10_000 },
    ]);
    expect(await listens('2024-01-01', '2024-01-01')).toEqual([
      { trackId: trackIds[0], listens: 1, msPlayed: 1000 },
    ]);
    expect(await listens('2023-12-01', '2023-12-31')).toEqual([]);
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
