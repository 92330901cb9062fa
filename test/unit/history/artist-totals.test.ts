import { describe, expect, it } from '@jest/globals';
import { compareBytewise, topArtistTotals } from '../../../src/domain/history/artist-totals.js';

const total = (artist: string, listens: number, msPlayed = 0, tracks = 1) => ({
  artist,
  listens,
  msPlayed,
  tracks,
});

describe('topArtistTotals', () => {
  it('sums spellings that differ only in case, under the first in byte order', () => {
    expect(
      topArtistTotals([total('björk', 2), total('Björk', 1, 100), total('BJÖRK', 1, 50, 2)], 10),
    ).toEqual([total('BJÖRK', 4, 150, 4)]);
  });

  it('keeps artists whose names differ by more than case apart', () => {
    expect(topArtistTotals([total('Bjork', 1), total('Björk', 1)], 10)).toHaveLength(2);
  });

  it('orders by listens, then time played, then name in byte order, and keeps the top `limit`', () => {
    const ranked = topArtistTotals(
      [total('b', 2, 10), total('a', 2, 10), total('C', 3), total('d', 2, 20), total('e', 1)],
      4,
    );
    expect(ranked.map((t) => t.artist)).toEqual(['C', 'd', 'a', 'b']);
  });
});

describe('compareBytewise', () => {
  it('orders by code point, as UTF-8 bytes do: capitals first, astral characters after the BMP', () => {
    const names = ['é', 'e', 'E', '𝄞', '\uffff', 'ee'];
    expect([...names].sort(compareBytewise)).toEqual(['E', 'e', 'ee', 'é', '\uffff', '𝄞']);
  });
});
