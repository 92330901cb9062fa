// `narada stats eras --year Y`: that year's listens (UTC calendar year of the listen) by the
// original release year of what was played, with coverage. Offline unless `resolveYears` is set:
// then tracks lacking a year are looked up on MusicBrainz first.
import type { ListeningStats, TrackDatingFacts } from '../../ports/listening-stats.port.js';
import { eraDistribution, type TrackYear, yearDays } from '../../../domain/history/era-distribution.js';
import type { TrackId } from '../../../domain/track/track.js';
import { PartialDate } from '../../../domain/values/partial-date.js';
import { ResolveOriginalYears, type YearResolution } from '../../stats/resolve-original-years.js';

export interface ShowErasDeps {
  readonly stats: ListeningStats;
  /** Needed only for `resolveYears`. */
  readonly resolver?: ResolveOriginalYears;
}

export interface ErasOptions {
  readonly year: number;
  readonly user?: string;
  readonly resolveYears?: boolean;
}

export interface EraYear {
  readonly year: number;
  readonly count: number;
  /** Listens in `count` dated by the album's own date (no MusicBrainz year yet). */
  readonly fallback: number;
}

export interface EraReport {
  /** The year of the listens. */
  readonly year: number;
  readonly user: string | null;
  readonly total: number;
  /** Release year → listens, as a map. */
  readonly byYear: Readonly<Record<string, number>>;
  /** The same, as a list in year order, with the fallback share. */
  readonly distribution: readonly EraYear[];
  readonly known: number;
  readonly unknown: number;
  readonly fallback: number;
  /** Share of listens with a known year, 0–1. */
  readonly coverage: number;
  /** Tracks still without a year, and how many of them MusicBrainz could be asked about. */
  readonly undated: { readonly tracks: number; readonly listens: number; readonly lookupable: number };
  /** Present when look-ups were asked for. */
  readonly resolution: YearResolution | null;
}

export class ShowEras {
  constructor(private readonly deps: ShowErasDeps) {}

  async run(options: ErasOptions): Promise<EraReport> {
    const { stats, resolver } = this.deps;
    const listens = await stats.listensByTrack(yearDays(options.year), options.user);
    const ids = listens.map((l) => l.trackId);
    let facts = await stats.datingFacts(ids);
    let resolution: YearResolution | null = null;
    if (options.resolveYears === true && resolver !== undefined) {
      resolution = await resolver.run(facts);
      if (resolution.found > 0) facts = await stats.datingFacts(ids);
    }
    const years = trackYears(facts);
    const era = eraDistribution(listens, years);
    const listensOf = new Map(listens.map((l) => [l.trackId, l.listens]));
    const undated = facts.filter((f) => !years.has(f.trackId));
    return {
      year: options.year,
      user: options.user ?? null,
      total: era.total,
      byYear: Object.fromEntries(era.buckets.map((b) => [String(b.year), b.listens])),
      distribution: era.buckets.map((b) => ({ year: b.year, count: b.listens, fallback: b.fallbackListens })),
      known: era.known,
      unknown: era.unknown,
      fallback: era.fallback,
      coverage: era.coverage,
      undated: {
        tracks: undated.length,
        listens: undated.reduce((n, f) => n + (listensOf.get(f.trackId) ?? 0), 0),
        lookupable: facts.filter(ResolveOriginalYears.lookupable).length,
      },
      resolution,
    };
  }
}

function trackYears(facts: readonly TrackDatingFacts[]): Map<TrackId, TrackYear> {
  const years = new Map<TrackId, TrackYear>();
  for (const f of facts) {
    if (f.originalYear !== null && f.originalYear > 0)
      years.set(f.trackId, { year: f.originalYear, source: 'musicbrainz' });
    else {
      const album = PartialDate.tryParse(f.albumDate);
      if (album !== null) years.set(f.trackId, { year: album.year, source: 'album_date' });
    }
  }
  return years;
}
