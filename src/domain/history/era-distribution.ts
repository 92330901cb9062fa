// The "eras" of a year's listening: listens grouped by the original release year of what was
// played. A year from MusicBrainz's release group is authoritative; an album date is a flagged fallback.
import type { TrackId } from '../track/track.js';
import type { PartialDate } from '../values/partial-date.js';

/** `musicbrainz`: first release of the release group; `album_date`: the album's own date (a remaster's year). */
export type YearSource = 'musicbrainz' | 'album_date';

export interface TrackYear {
  readonly year: number;
  readonly source: YearSource;
}

export interface TrackListenCount {
  readonly trackId: TrackId;
  readonly listens: number;
}

export interface EraBucket {
  readonly year: number;
  readonly listens: number;
  /** How many of those listens got their year from the fallback. */
  readonly fallbackListens: number;
}

export interface EraDistribution {
  /** Release years in ascending order, only those with listens. */
  readonly buckets: readonly EraBucket[];
  readonly total: number;
  readonly known: number;
  readonly unknown: number;
  readonly fallback: number;
  /** Share of listens with a known year, 0–1 (1 when there are no listens). */
  readonly coverage: number;
}

export function eraDistribution(
  listens: readonly TrackListenCount[],
  years: ReadonlyMap<TrackId, TrackYear>,
): EraDistribution {
  const byYear = new Map<number, { listens: number; fallbackListens: number }>();
  let total = 0;
  let known = 0;
  let fallback = 0;
  for (const { trackId, listens: count } of listens) {
    total += count;
    const year = years.get(trackId);
    if (year === undefined) continue;
    known += count;
    const bucket = byYear.get(year.year) ?? { listens: 0, fallbackListens: 0 };
    bucket.listens += count;
    if (year.source === 'album_date') {
      bucket.fallbackListens += count;
      fallback += count;
    }
    byYear.set(year.year, bucket);
  }
  const buckets = [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, b]) => ({ year, listens: b.listens, fallbackListens: b.fallbackListens }));
  return {
    buckets,
    total,
    known,
    unknown: total - known,
    fallback,
    coverage: total === 0 ? 1 : known / total,
  };
}

/** The earliest year among release dates (a song's original release is its earliest group). */
export function earliestYear(dates: readonly (PartialDate | null)[]): number | null {
  let earliest: number | null = null;
  for (const date of dates) {
    if (date !== null && (earliest === null || date.year < earliest)) earliest = date.year;
  }
  return earliest;
}

/** The UTC calendar days of a year, as `YYYY-MM-DD` bounds (inclusive). */
export function yearDays(year: number): { readonly from: string; readonly to: string } {
  const y = String(year).padStart(4, '0');
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}
