import { describe, expect, it } from '@jest/globals';
import {
  byTrackIdentity,
  combineTrackLists,
  metricValue,
  trackList,
  withMetric,
  withPlayHistory,
  withTracks,
} from '../../../../src/domain/workflow/track-list.js';
import { aTrack, aTrackList } from '../../../builders/index.js';
import { named, titlesOf } from './transform-test-kit.js';

describe('trackList', () => {
  it('starts with no metrics, no play history and no name', () => {
    const list = trackList(named('A'));
    expect([list.metrics.size, list.playHistory, list.name]).toEqual([0, undefined, undefined]);
  });

  it('keeps its own frozen copy of the tracks', () => {
    const tracks = named('A');
    const list = trackList(tracks);
    tracks.push(aTrack());
    expect(list.tracks).toHaveLength(1);
    expect(Object.isFrozen(list.tracks)).toBe(true);
    expect(Object.isFrozen(list)).toBe(true);
  });
});

describe('withTracks, withMetric and withPlayHistory', () => {
  it('replace one part and keep the rest', () => {
    const [a, b] = named('A', 'B');
    const list = aTrackList([a, b], { metrics: { plays: [1, 2] }, name: 'Mix' });
    const shorter = withTracks(list, [b]);
    expect([titlesOf(shorter), shorter.name, metricValue(shorter, 'plays', b.id)]).toEqual([['B'], 'Mix', 2]);

    const enriched = withMetric(shorter, 'listeners', new Map([[b.id, 900]]));
    expect([metricValue(enriched, 'plays', b.id), metricValue(enriched, 'listeners', b.id)]).toEqual([
      2, 900,
    ]);
    expect(shorter.metrics.has('listeners')).toBe(false);

    const history = new Map([[b.id, { totalPlays: 4, lastPlayedAt: null }]]);
    expect(withPlayHistory(enriched, history).playHistory?.get(b.id)?.totalPlays).toBe(4);
  });
});

describe('metricValue', () => {
  it('treats NaN and absent values as missing, and 0 as a value', () => {
    const [a, b, c] = named('A', 'B', 'C');
    const list = aTrackList([a, b, c], { metrics: { plays: [0, Number.NaN, undefined] } });
    expect([a, b, c].map((track) => metricValue(list, 'plays', track.id))).toEqual([0, undefined, undefined]);
    expect(metricValue(list, 'unknown_metric', a.id)).toBeUndefined();
  });
});

describe('byTrackIdentity', () => {
  it('sees a merged track as the track it was merged into', () => {
    const survivor = aTrack();
    expect(byTrackIdentity(aTrack({ status: 'merged', mergedInto: survivor.id }))).toBe(survivor.id);
    expect(byTrackIdentity(survivor)).toBe(survivor.id);
  });
});

describe('combineTrackLists', () => {
  it('merges metrics and play history, the earlier list winning a conflict', () => {
    const [a, b] = named('A', 'B');
    const first = aTrackList([a], {
      metrics: { plays: [1] },
      playHistory: [{ totalPlays: 1, lastPlayedAt: 5 }],
    });
    const second = aTrackList([a, b], {
      metrics: { plays: [99, 2], listeners: [10, 20] },
      playHistory: [{ totalPlays: 99, lastPlayedAt: 9 }, undefined],
    });
    const combined = combineTrackLists([first, second], [a, b]);
    expect([metricValue(combined, 'plays', a.id), metricValue(combined, 'plays', b.id)]).toEqual([1, 2]);
    expect(metricValue(combined, 'listeners', b.id)).toBe(20);
    expect(combined.playHistory?.get(a.id)?.totalPlays).toBe(1);
    expect(combined.name).toBeUndefined();
  });

  it('has no play history when no input had one', () => {
    expect(combineTrackLists([aTrackList(named('A'))], []).playHistory).toBeUndefined();
  });
});
