// A finished year as the page shows it: the era distribution of the year's listens, with how many
// were dated by MusicBrainz and how many by their album's own date, and when it was made.
export interface YearBucket {
  readonly year: number;
  readonly count: number;
  /** Listens in `count` dated by the album's own date instead of MusicBrainz. */
  readonly fallback: number;
}

export interface YearReport {
  readonly user: string;
  readonly year: number;
  readonly total: number;
  readonly known: number;
  readonly unknown: number;
  readonly fallback: number;
  readonly coverage: number;
  readonly distribution: readonly YearBucket[];
  /** Epoch ms. */
  readonly madeAt: number;
}

/** Listens dated by MusicBrainz and by album date, as shares of all listens (0–1). */
export function datingShares(report: YearReport): { musicbrainz: number; albumDate: number } {
  if (report.total === 0) return { musicbrainz: 0, albumDate: 0 };
  return {
    musicbrainz: (report.known - report.fallback) / report.total,
    albumDate: report.fallback / report.total,
  };
}

/** The same listens by decade (1990 for 1990–1999). */
export function byDecade(distribution: readonly YearBucket[]): YearBucket[] {
  const decades = new Map<number, { count: number; fallback: number }>();
  for (const b of distribution) {
    const decade = Math.floor(b.year / 10) * 10;
    const bucket = decades.get(decade) ?? { count: 0, fallback: 0 };
    bucket.count += b.count;
    bucket.fallback += b.fallback;
    decades.set(decade, bucket);
  }
  return [...decades.entries()].sort(([a], [b]) => a - b).map(([year, b]) => ({ year, ...b }));
}
