// Listens per artist, with an artist's spellings that differ only in case counted as one ("Sigur Rós"
// and "SIGUR RÓS"), whatever the engine: the folding is JavaScript's (Unicode, the same everywhere),
// not a collation that differs between SQLite and PostgreSQL and between PostgreSQL's locales.

export interface ArtistTotal {
  readonly artist: string;
  readonly listens: number;
  readonly msPlayed: number;
  /** Distinct tracks; a track has one primary artist, so a spelling's tracks are its own. */
  readonly tracks: number;
}

/** Code point order, which is UTF-8 byte order: how SQLite's BINARY collation orders text. */
export function compareBytewise(a: string, b: string): number {
  for (let i = 0, j = 0; ;) {
    if (i >= a.length) return j >= b.length ? 0 : -1;
    if (j >= b.length) return 1;
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(j)!;
    if (x !== y) return x - y;
    i += x > 0xffff ? 2 : 1;
    j += y > 0xffff ? 2 : 1;
  }
}

/**
 * One total per artist, its spellings summed under the first in byte order; the top `limit` by
 * listens, then time played, then name.
 */
export function topArtistTotals(spellings: readonly ArtistTotal[], limit: number): ArtistTotal[] {
  const byArtist = new Map<string, ArtistTotal>();
  for (const spelling of spellings) {
    const key = spelling.artist.toLowerCase();
    const seen = byArtist.get(key);
    byArtist.set(
      key,
      seen === undefined
        ? { ...spelling }
        : {
            artist: compareBytewise(spelling.artist, seen.artist) < 0 ? spelling.artist : seen.artist,
            listens: seen.listens + spelling.listens,
            msPlayed: seen.msPlayed + spelling.msPlayed,
            tracks: seen.tracks + spelling.tracks,
          },
    );
  }
  return [...byArtist.values()]
    .filter((total) => total.listens > 0)
    .sort((a, b) => b.listens - a.listens || b.msPlayed - a.msPlayed || compareBytewise(a.artist, b.artist))
    .slice(0, limit);
}
