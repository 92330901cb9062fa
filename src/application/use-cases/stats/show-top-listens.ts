// `narada stats top --year Y`: the year's most played tracks and artists, from the daily roll-ups.
import type { ListeningStats, TopArtist, TopTrack } from '../../ports/listening-stats.port.js';
import { yearDays } from '../../../domain/history/era-distribution.js';

export interface TopListensOptions {
  readonly year: number;
  readonly limit?: number;
  readonly user?: string;
}

export interface TopListensReport {
  readonly year: number;
  readonly user: string | null;
  readonly totalListens: number;
  readonly totalMsPlayed: number;
  readonly tracks: readonly TopTrack[];
  readonly artists: readonly TopArtist[];
}

export const DEFAULT_TOP_LIMIT = 10;

export class ShowTopListens {
  constructor(private readonly stats: ListeningStats) {}

  async run(options: TopListensOptions): Promise<TopListensReport> {
    const days = yearDays(options.year);
    const limit = options.limit ?? DEFAULT_TOP_LIMIT;
    const all = await this.stats.listensByTrack(days, options.user);
    return {
      year: options.year,
      user: options.user ?? null,
      totalListens: all.reduce((n, t) => n + t.listens, 0),
      totalMsPlayed: all.reduce((n, t) => n + t.msPlayed, 0),
      tracks: await this.stats.topTracks(days, limit, options.user),
      artists: await this.stats.topArtists(days, limit, options.user),
    };
  }
}
