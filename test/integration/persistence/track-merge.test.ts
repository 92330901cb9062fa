import { beforeEach, describe, expect, it } from '@jest/globals';
import type { Track } from '../../../src/domain/track/track.js';
import { aLike, aListeningEvent, aTrackMapping, aTrackMetric } from '../../builders/index.js';
import { aPlaylistDraft, aTrackDraft, AT, tempDatabasePerTest, seedDailyListens } from './temp-database.js';

describe('recording a track merge', () => {
  const temp = tempDatabasePerTest();
  let survivor: Track;
  let duplicate: Track;

  beforeEach(async () => {
    survivor = await temp.repos.tracks.insert(aTrackDraft(), AT);
    duplicate = await temp.repos.tracks.insert(aTrackDraft(), AT);
  });

  it('marks the track merged and re-points playlist items, likes and plays at the survivor', async () => {
    const { tracks, playlists, likes, plays, listeningEvents } = temp.repos;
    const playlist = await playlists.save(
      aPlaylistDraft({ trackIds: [duplicate.id, survivor.id, duplicate.id] }),
    );
    await likes.upsertMany([aLike({ trackId: duplicate.id })]);
    await listeningEvents.appendMany([aListeningEvent()]);
    const [event] = await firstPage(listeningEvents.pages());
    await plays.insertMany([
      {
        eventId: event!.id,
        user: 'listener',
        trackId: duplicate.id,
        playedAt: AT,
        msPlayed: 1,
        duplicateOf: null,
      },
    ]);

    await tracks.recordMerge(duplicate.mergeInto(survivor, AT + 1));

    expect(await tracks.findById(duplicate.id)).toMatchObject({ status: 'merged', mergedInto: survivor.id });
    expect((await playlists.findById(playlist.id))?.items.map((i) => i.trackId)).toEqual([
      survivor.id,
      survivor.id,
      survivor.id,
    ]);
    expect((await likes.list('spotify')).map((l) => l.trackId)).toEqual([survivor.id]);
    expect(await plays.forTrack(duplicate.id)).toEqual([]);
    expect(await plays.forTrack(survivor.id)).toHaveLength(1);
  });

  it("keeps the survivor's mapping and metric where both tracks had one, and moves the rest", async () => {
    const { tracks, trackMappings, trackMetrics } = temp.repos;
    const shared = { service: 'spotify' as const, externalId: 'sharedSpotifyRecord000' };
    await trackMappings.upsert(aTrackMapping({ ...shared, trackId: survivor.id, confidence: 90 }));
    await trackMappings.upsert(aTrackMapping({ ...shared, trackId: duplicate.id, confidence: 40 }));
    await trackMappings.upsert(
      aTrackMapping({ service: 'lastfm', externalId: 'a\u001fb', trackId: duplicate.id }),
    );
    await trackMetrics.upsertMany([
      aTrackMetric({ trackId: survivor.id, name: 'lastfm_listeners', value: 100 }),
      aTrackMetric({ trackId: duplicate.id, name: 'lastfm_listeners', value: 5 }),
      aTrackMetric({ trackId: duplicate.id, name: 'lastfm_global_playcount', value: 7 }),
    ]);

    await tracks.recordMerge(duplicate.mergeInto(survivor, AT + 1));

    expect(await trackMappings.forTrack(duplicate.id)).toEqual([]);
    const moved = await trackMappings.forTrack(survivor.id);
    expect(moved.map((m) => [m.service, m.confidence])).toEqual([
      ['lastfm', 100],
      ['spotify', 90],
    ]);
    const metrics = await trackMetrics.get(
      [survivor.id, duplicate.id],
      ['lastfm_listeners', 'lastfm_global_playcount'],
    );
    expect(metrics.map((m) => [m.trackId, m.name, m.value])).toEqual([
      [survivor.id, 'lastfm_global_playcount', 7],
      [survivor.id, 'lastfm_listeners', 100],
    ]);
  });

  it('adds the daily listens of both tracks together on days they share', async () => {
    const { tracks, dailyListens } = temp.repos;
    await seedDailyListens(temp.repos, [
      { user: 'u', trackId: survivor.id, date: '2024-01-01', listenCount: 2, totalMsPlayed: 200 },
      { user: 'u', trackId: duplicate.id, date: '2024-01-01', listenCount: 3, totalMsPlayed: 300 },
      { user: 'u', trackId: duplicate.id, date: '2024-01-02', listenCount: 1, totalMsPlayed: 100 },
    ]);

    await tracks.recordMerge(duplicate.mergeInto(survivor, AT + 1));

    expect(await dailyListens.forTracks([survivor.id, duplicate.id])).toEqual([
      { user: 'u', trackId: survivor.id, date: '2024-01-01', listenCount: 5, totalMsPlayed: 500 },
      { user: 'u', trackId: survivor.id, date: '2024-01-02', listenCount: 1, totalMsPlayed: 100 },
    ]);
  });

  it('finds a roll-up through a play in the last millisecond of its UTC day', async () => {
    const { tracks, dailyListens, listeningEvents, plays } = temp.repos;
    const playedAt = Date.parse('2024-03-31T23:59:59.999Z');
    await listeningEvents.appendMany([aListeningEvent({ user: 'u', playedAt })]);
    const [event] = (await listeningEvents.pages()[Symbol.asyncIterator]().next()).value!;
    await plays.insertMany([
      { eventId: event!.id, user: 'u', trackId: duplicate.id, playedAt, msPlayed: null, duplicateOf: null },
    ]);
    await dailyListens.upsertMany([
      { user: 'u', trackId: duplicate.id, date: '2024-03-31', listenCount: 1, totalMsPlayed: 0 },
    ]);

    await tracks.recordMerge(duplicate.mergeInto(survivor, AT + 1));

    expect(await dailyListens.forTracks([survivor.id, duplicate.id])).toEqual([
      { user: 'u', trackId: survivor.id, date: '2024-03-31', listenCount: 1, totalMsPlayed: 0 },
    ]);
  });

  it('points tracks merged earlier into the merged track at the survivor, so no chain forms', async () => {
    const { tracks } = temp.repos;
    const older = await tracks.insert(aTrackDraft(), AT);
    await tracks.recordMerge(older.mergeInto(duplicate, AT + 1));

    await tracks.recordMerge(duplicate.mergeInto(survivor, AT + 2));

    expect((await tracks.findById(older.id))?.mergedInto).toBe(survivor.id);
  });

  it('refuses to merge into a track that is itself merged, and changes nothing', async () => {
    const { tracks } = temp.repos;
    const third = await tracks.insert(aTrackDraft(), AT);
    await tracks.recordMerge(survivor.mergeInto(third, AT + 1));

    // `survivor` as loaded before its merge: the stale copy the domain would still accept.
    await expect(tracks.recordMerge(duplicate.mergeInto(survivor, AT + 2))).rejects.toMatchObject({
      code: 'DATABASE.BAD_MERGE_TARGET',
    });
    expect(await tracks.findById(duplicate.id)).toEqual(duplicate);
  });
});

async function firstPage<T>(pages: AsyncIterable<readonly T[]>): Promise<readonly T[]> {
  for await (const page of pages) return page;
  return [];
}
