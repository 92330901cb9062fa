import { describe, expect, it } from '@jest/globals';
import { filterByTracks } from '../../../../src/domain/workflow/transforms/index.js';
import { aTrack, aTrackList } from '../../../builders/index.js';
import { named, titlesOf } from './transform-test-kit.js';

describe('filterByTracks', () => {
  it('drops the tracks present in the exclusion source and keeps the order of the rest', () => {
    const [a, b, c, d] = named('A', 'B', 'C', 'D');
    const result = filterByTracks(aTrackList([a, b, c, d]), { exclude: aTrackList([c, a]) });
    expect(titlesOf(result)).toEqual(['B', 'D']);
  });

  it('drops a track merged into an excluded one, and the other way round', () => {
    const survivor = aTrack({ title: 'Survivor' });
    const merged = aTrack({ title: 'Merged', status: 'merged', mergedInto: survivor.id });
    expect(titlesOf(filterByTracks(aTrackList([merged]), { exclude: aTrackList([survivor]) }))).toEqual([]);
    expect(titlesOf(filterByTracks(aTrackList([survivor]), { exclude: aTrackList([merged]) }))).toEqual([]);
  });

  it('compares with the key it is given', () => {
    const [a, b] = [
      aTrack({ title: 'A', isrc: 'USRC17607839' }),
      aTrack({ title: 'B', isrc: 'USRC17607839' }),
    ];
    const byIsrc = (track: typeof a) => track.isrc?.value ?? track.id;
    expect(titlesOf(filterByTracks(aTrackList([a]), { exclude: aTrackList([b]), key: byIsrc }))).toEqual([]);
    expect(titlesOf(filterByTracks(aTrackList([a]), { exclude: aTrackList([b]) }))).toEqual(['A']);
  });

  it('keeps everything when the exclusion source is empty, and nothing comes from an empty input', () => {
    const tracks = named('A', 'B');
    expect(titlesOf(filterByTracks(aTrackList(tracks), { exclude: aTrackList([]) }))).toEqual(['A', 'B']);
    expect(titlesOf(filterByTracks(aTrackList([]), { exclude: aTrackList(tracks) }))).toEqual([]);
  });

  it("keeps the input's metrics and name", () => {
    const [a, b] = named('A', 'B');
    const result = filterByTracks(aTrackList([a, b], { metrics: { plays: [1, 2] }, name: 'In' }), {
      exclude: aTrackList([a]),
    });
    expect([result.name, result.metrics.get('plays')?.get(b.id)]).toEqual(['In', 2]);
  });
});
