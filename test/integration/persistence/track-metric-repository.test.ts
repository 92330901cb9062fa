import { beforeEach, describe, expect, it } from '@jest/globals';
import type { TrackMetric } from '../../../src/domain/track/track-metric.js';
import type { TrackId } from '../../../src/domain/track/track.js';
import { IN_LIST_CHUNK } from '../../../src/infrastructure/persistence/chunks.js';
import { aTrackMetric } from '../../builders/index.js';
import { aTrackDraft, AT, tempDatabasePerTest } from './temp-database.js';

const TRACKS = 2 * IN_LIST_CHUNK + 234;

const temp = tempDatabasePerTest();
let ids: TrackId[];

beforeEach(async () => {
  ids = await temp.repos.tracks.insertMany(
    Array.from({ length: TRACKS }, (_, n) => aTrackDraft({ title: `Song ${n}`, isrc: null })),
    AT,
  );
});

/** Every track has a play count and listeners; every third one also a global count. */
function storedMetrics(): TrackMetric[] {
  return ids.flatMap((trackId, n) => [
    aTrackMetric({ trackId, name: 'lastfm_user_playcount', value: n, fetchedAt: AT + n }),
    aTrackMetric({ trackId, name: 'lastfm_listeners', value: n * 3.5, source: 'lastfm' }),
    ...(n % 3 === 0 ? [aTrackMetric({ trackId, name: 'lastfm_global_playcount', value: n * 10 })] : []),
  ]);
}

describe('reading track metrics in bulk', () => {
  it('returns each stored pair of thousands of tracks once, across IN-list chunks, in id then name order', async () => {
    const metrics = storedMetrics();
    await temp.repos.trackMetrics.upsertMany(metrics);

    const found = await temp.repos.trackMetrics.get(ids, [
      'lastfm_user_playcount',
      'lastfm_global_playcount',
      'lastfm_not_found',
    ]);

    const wanted = metrics.filter((m) => m.name !== 'lastfm_listeners');
    const order = (a: TrackMetric, b: TrackMetric) => a.trackId - b.trackId || (a.name < b.name ? -1 : 1);
    expect(found).toEqual([...wanted].sort(order));
  });

  it('answers repeated ids and names as if each were asked once', async () => {
    await temp.repos.trackMetrics.upsertMany(storedMetrics());
    const some = [ids[7]!, ids[700]!, ids[7]!, ids[1_100]!];

    const found = await temp.repos.trackMetrics.get(some, ['lastfm_listeners', 'lastfm_listeners']);

    expect(found.map((m) => [m.trackId, m.name, m.value])).toEqual([
      [ids[7], 'lastfm_listeners', 7 * 3.5],
      [ids[700], 'lastfm_listeners', 700 * 3.5],
      [ids[1_100], 'lastfm_listeners', 1_100 * 3.5],
    ]);
  });

  it('returns nothing for tracks without metrics or when no track is asked about', async () => {
    await temp.repos.trackMetrics.upsertMany(storedMetrics().slice(0, 10));

    expect(await temp.repos.trackMetrics.get(ids.slice(-50), ['lastfm_user_playcount'])).toEqual([]);
    expect(await temp.repos.trackMetrics.get([], ['lastfm_user_playcount'])).toEqual([]);
  });
});
