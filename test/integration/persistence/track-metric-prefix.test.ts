import { describe, expect, it } from '@jest/globals';
import { IN_LIST_CHUNK } from '../../../src/infrastructure/persistence/chunks.js';
import { aTrackMetric } from '../../builders/index.js';
import { aTrackDraft, AT, tempDatabasePerTest } from './temp-database.js';

const temp = tempDatabasePerTest();

describe('reading track metrics by name prefix', () => {
  it('returns every metric whose name starts with the prefix, across IN-list chunks, taking % and _ literally', async () => {
    const ids = await temp.repos.tracks.insertMany(
      Array.from({ length: IN_LIST_CHUNK + 20 }, (_, n) => aTrackDraft({ title: `Song ${n}`, isrc: null })),
      AT,
    );
    const last = ids[ids.length - 1]!;
    await temp.repos.trackMetrics.upsertMany([
      aTrackMetric({ trackId: ids[0]!, name: 'lastfm_tag:rock', value: 100 }),
      aTrackMetric({ trackId: last, name: 'lastfm_tag:50% off', value: 7 }),
      aTrackMetric({ trackId: last, name: 'lastfm_listeners', value: 3 }),
      aTrackMetric({ trackId: last, name: 'lastfmXtag:decoy', value: 1 }),
    ]);

    const found = await temp.repos.trackMetrics.withPrefix(ids, 'lastfm_tag:');

    expect(found.map((m) => [m.trackId, m.name, m.value])).toEqual([
      [ids[0], 'lastfm_tag:rock', 100],
      [last, 'lastfm_tag:50% off', 7],
    ]);
  });
});
