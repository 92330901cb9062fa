import { describe, expect, it } from '@jest/globals';
import type { Track } from '../../../../src/domain/track/track.js';
import { onePerArtist, separateArtists } from '../../../../src/domain/workflow/transforms/index.js';
import { seededRandom } from '../../../../src/domain/shared/seeded-random.js';
import { aTrack, aTrackList } from '../../../builders/index.js';
import { refusedParam, titlesOf } from './transform-test-kit.js';

/** Tracks titled by artist letter and number: `by('A1', 'B1', 'A2')` credits A1 and A2 to artist "A". */
function by(...titles: string[]): Track[] {
  return titles.map((title) => aTrack({ title, artists: [`Artist ${title[0]}`, 'Guest'] }));
}

/** Neighbours sharing a primary artist. */
function runs(titles: readonly string[]): number {
  return titles.slice(1).filter((title, index) => title[0] === titles[index]![0]).length;
}

describe('separateArtists', () => {
  it('moves tracks so no two neighbours share a primary artist, keeping the earliest track first', () => {
    const out = titlesOf(separateArtists(aTrackList(by('A1', 'A2', 'B1', 'B2', 'C1'))));
    expect(out).toEqual(['A1', 'B1', 'A2', 'B2', 'C1']);
    expect(runs(out)).toBe(0);
  });

  it('leaves a list that is already separated as it was', () => {
    expect(titlesOf(separateArtists(aTrackList(by('A1', 'B1', 'A2', 'C1', 'B2'))))).toEqual([
      'A1',
      'B1',
      'A2',
      'C1',
      'B2',
    ]);
  });

  it('looks ahead so a dominant artist is spread out instead of piling up at the end', () => {
    const out = titlesOf(separateArtists(aTrackList(by('B1', 'C1', 'A1', 'A2', 'A3'))));
    expect(runs(out)).toBe(0);
    expect(out).toEqual(['A1', 'B1', 'A2', 'C1', 'A3']);
  });

  it('makes as few runs as the counts allow when one artist has too many tracks', () => {
    const out = titlesOf(separateArtists(aTrackList(by('A1', 'A2', 'A3', 'A4', 'B1'))));
    expect(out).toEqual(['A1', 'B1', 'A2', 'A3', 'A4']);
    expect(runs(out)).toBe(2);
  });

  it('compares primary artists case-insensitively and is deterministic', () => {
    const tracks = [
      aTrack({ title: 'x1', artists: ['Mira Sol'] }),
      aTrack({ title: 'x2', artists: ['mira sol '] }),
      aTrack({ title: 'y1', artists: ['Kestrel'] }),
    ];
    const list = aTrackList(tracks);
    expect(titlesOf(separateArtists(list))).toEqual(['x1', 'y1', 'x2']);
    expect(titlesOf(separateArtists(list))).toEqual(titlesOf(separateArtists(list)));
  });

  it('keeps the metrics attached to the tracks', () => {
    const tracks = by('A1', 'A2', 'B1');
    const list = aTrackList(tracks, { metrics: { total_plays: [1, 2, 3] } });
    expect(separateArtists(list).metrics.get('total_plays')?.get(tracks[1]!.id)).toBe(2);
  });
});

describe('onePerArtist', () => {
  it('keep first: the first track of each primary artist, in list order', () => {
    expect(titlesOf(onePerArtist(aTrackList(by('A1', 'B1', 'A2', 'C1', 'B2')), { keep: 'first' }))).toEqual([
      'A1',
      'B1',
      'C1',
    ]);
  });

  it('keep most_played: the track with the highest metric, ties and missing values to the earlier', () => {
    const list = aTrackList(by('A1', 'B1', 'A2', 'B2', 'C1', 'C2'), {
      metrics: { lastfm_user_playcount: [3, 5, 9, 5, undefined, 1] },
    });
    expect(
      titlesOf(onePerArtist(list, { keep: 'most_played', metricName: 'lastfm_user_playcount' })),
    ).toEqual(['B1', 'A2', 'C2']);
  });

  it('keep most_played without any values keeps the first of each artist', () => {
    const list = aTrackList(by('A1', 'A2', 'B1'));
    expect(titlesOf(onePerArtist(list, { keep: 'most_played', metricName: 'total_plays' }))).toEqual([
      'A1',
      'B1',
    ]);
  });

  it('refuses most_played without a metric name', () => {
    expect(refusedParam(() => onePerArtist(aTrackList([]), { keep: 'most_played', metricName: ' ' }))).toBe(
      'selector.one_per_artist: metric_name is required when keep is most_played',
    );
  });
});

describe('separateArtists on seeded random lists', () => {
  it('keeps every track and makes exactly the fewest runs the artist counts allow', () => {
    const random = seededRandom(7);
    for (let round = 0; round < 200; round++) {
      const size = 1 + Math.floor(random() * 30);
      const artistCount = 1 + Math.floor(random() * 6);
      const titles = Array.from(
        { length: size },
        (_, i) => `${String.fromCharCode(65 + Math.floor(random() * artistCount))}${i}`,
      );
      const out = titlesOf(separateArtists(aTrackList(by(...titles))));
      const counts = new Map<string, number>();
      for (const title of titles) counts.set(title[0]!, (counts.get(title[0]!) ?? 0) + 1);
      const most = Math.max(...counts.values());
      expect([...out].sort()).toEqual([...titles].sort());
      expect(runs(out)).toBe(Math.max(0, most - 1 - (size - most)));
    }
  });
});
