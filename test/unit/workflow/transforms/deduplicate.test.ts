import { describe, expect, it } from '@jest/globals';
import { deduplicate } from '../../../../src/domain/workflow/transforms/index.js';
import { aTrack, aTrackList } from '../../../builders/index.js';
import { named, titlesOf } from './transform-test-kit.js';

describe('deduplicate', () => {
  it('keeps the first occurrence of each track, in order', () => {
    const [a, b, c] = named('A', 'B', 'C');
    expect(titlesOf(deduplicate(aTrackList([a, b, a, c, b, a])))).toEqual(['A', 'B', 'C']);
  });

  it('treats a merged track as the track it was merged into', () => {
    const survivor = aTrack({ title: 'Survivor' });
    const duplicate = aTrack({ title: 'Duplicate', status: 'merged', mergedInto: survivor.id });
    expect(titlesOf(deduplicate(aTrackList([duplicate, survivor])))).toEqual(['Duplicate']);
  });

  it('uses the key it is given, e.g. a resolved identity', () => {
    const [a, b, c] = [
      aTrack({ title: 'A', isrc: 'USRC17607839' }),
      aTrack({ title: 'B' }),
      aTrack({ title: 'C', isrc: 'us-rc1-76-07839' }),
    ];
    const byIsrc = (track: typeof a) => track.isrc?.value ?? `id:${track.id}`;
    expect(titlesOf(deduplicate(aTrackList([a, b, c]), { key: byIsrc }))).toEqual(['A', 'B']);
  });

  it('keeps the metrics and name, and leaves the input alone', () => {
    const [a] = named('A');
    const input = aTrackList([a, a], { metrics: { plays: [4, 4] }, name: 'Mine' });
    const output = deduplicate(input);
    expect([output.name, output.metrics.get('plays')?.get(a.id)]).toEqual(['Mine', 4]);
    expect(input.tracks).toHaveLength(2);
  });

  it('returns an empty list for an empty list', () => {
    expect(deduplicate(aTrackList([])).tracks).toEqual([]);
  });
});
