import { describe, expect, it } from '@jest/globals';
import { filterByArtists } from '../../../../src/domain/workflow/transforms/index.js';
import { aTrack, aTrackList } from '../../../builders/index.js';
import { titlesOf } from './transform-test-kit.js';

const by = (title: string, ...artists: string[]) => aTrack({ title, artists });

const input = aTrackList([
  by('Get Lucky', 'Daft Punk', 'Pharrell Williams'),
  by('Happy', 'Pharrell Williams'),
  by('Hyperballad', 'Björk'),
  by('Untitled'),
]);

describe('filterByArtists', () => {
  it('by default drops tracks whose primary artist is the primary artist of a source track', () => {
    const exclude = aTrackList([by('One More Time', 'Daft Punk', 'Romanthony')]);
    expect(titlesOf(filterByArtists(input, { exclude }))).toEqual(['Happy', 'Hyperballad', 'Untitled']);
  });

  it('does not drop a track whose primary artist is only featured in the exclusion source', () => {
    const exclude = aTrackList([by('Collab', 'Someone', 'Pharrell Williams')]);
    expect(titlesOf(filterByArtists(input, { exclude }))).toEqual([
      'Get Lucky',
      'Happy',
      'Hyperballad',
      'Untitled',
    ]);
  });

  it('with exclude_all_artists drops a track when any credited artist appears anywhere in the source', () => {
    const exclude = aTrackList([by('Collab', 'Someone', 'Pharrell Williams')]);
    expect(titlesOf(filterByArtists(input, { exclude, allArtists: true }))).toEqual([
      'Hyperballad',
      'Untitled',
    ]);
  });

  it('compares names case-insensitively after trimming, and across Unicode forms', () => {
    const exclude = aTrackList([by('X', '  daft punk '), by('Y', 'Bjo\u0308rk')]);
    expect(titlesOf(filterByArtists(input, { exclude }))).toEqual(['Happy', 'Untitled']);
  });

  it('never drops a track without artists, and empty names match nothing', () => {
    const exclude = aTrackList([by('Blank', ' '), by('None')]);
    expect(titlesOf(filterByArtists(input, { exclude, allArtists: true }))).toHaveLength(4);
  });

  it('keeps everything when the exclusion source is empty', () => {
    expect(filterByArtists(input, { exclude: aTrackList([]) }).tracks).toHaveLength(4);
  });
});
