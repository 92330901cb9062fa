// Looks up the original release year of tracks on MusicBrainz (only when asked: MusicBrainz allows
// one request a second): the earliest first-release date among the release groups of the track's
// recording, so a remaster counts under the year of the original. Found years are stored as a metric.
import type { Clock } from '../ports/clock.port.js';
import { ORIGINAL_YEAR_METRIC, type TrackDatingFacts } from '../ports/listening-stats.port.js';
import type { MusicBrainzPort, MusicBrainzRecording } from '../ports/musicbrainz.port.js';
import type { ProgressReporter } from '../ports/progress.port.js';
import type { TrackMetricRepository } from '../ports/track-metric-repository.port.js';
import { UpstreamError } from '../ports/upstream-errors.js';
import { earliestYear } from '../../domain/history/era-distribution.js';
import type { TrackMetric } from '../../domain/track/track-metric.js';
import { Isrc } from '../../domain/values/isrc.js';
import { Mbid } from '../../domain/values/mbid.js';

export interface ResolveOriginalYearsDeps {
  readonly musicbrainz: MusicBrainzPort;
  readonly metrics: TrackMetricRepository;
  readonly clock: Clock;
  readonly progress: ProgressReporter;
}

export interface YearResolution {
  /** Tracks asked about on MusicBrainz. */
  readonly lookedUp: number;
  readonly found: number;
  /** Why look-ups stopped early (MusicBrainz unavailable, rate limited), if they did. */
  readonly stoppedBecause: string | null;
}

/** An ISRC may name several recordings; a few are enough to date the song. */
const RECORDINGS_PER_ISRC = 3;
const STORE_EVERY = 20;

export class ResolveOriginalYears {
  constructor(private readonly deps: ResolveOriginalYearsDeps) {}

  /** Only tracks without a stored year that carry an MBID (theirs or Last.fm's) or an ISRC can be looked up. */
  static lookupable(facts: TrackDatingFacts): boolean {
    return (
      facts.originalYear === null &&
      (Mbid.tryParse(facts.mbid) !== null ||
        Mbid.tryParse(facts.lastfmMbid) !== null ||
        Isrc.tryParse(facts.isrc) !== null)
    );
  }

  async run(facts: readonly TrackDatingFacts[]): Promise<YearResolution> {
    const todo = facts.filter(ResolveOriginalYears.lookupable);
    const task = this.deps.progress.task('MusicBrainz release years', todo.length);
    const pending: TrackMetric[] = [];
    let lookedUp = 0;
    let found = 0;
    let stoppedBecause: string | null = null;
    for (const fact of todo) {
      let year: number | null;
      try {
        year = await this.yearOf(fact);
      } catch (error) {
        if (!(error instanceof UpstreamError)) throw error;
        stoppedBecause = error.message;
        break;
      }
      lookedUp += 1;
      if (year !== null) {
        found += 1;
        pending.push({
          trackId: fact.trackId,
          name: ORIGINAL_YEAR_METRIC,
          value: year,
          source: 'musicbrainz',
          fetchedAt: this.deps.clock.now(),
        });
      }
      // Stored as it goes, so an interrupted look-up keeps what it found.
      if (pending.length >= STORE_EVERY) await this.deps.metrics.upsertMany(pending.splice(0));
      task.advance(1);
    }
    if (pending.length > 0) await this.deps.metrics.upsertMany(pending);
    if (stoppedBecause === null) task.done(`${found} of ${lookedUp} dated`);
    else task.fail(stoppedBecause);
    return { lookedUp, found, stoppedBecause };
  }

  /**
   * The track's recording MBID; else Last.fm's MBID, which names a recording more often than not
   * (MBIDs are unique across kinds, so any other kind simply finds no recording); else its ISRC.
   */
  private async yearOf(fact: TrackDatingFacts): Promise<number | null> {
    for (const candidate of [fact.mbid, fact.lastfmMbid]) {
      const mbid = Mbid.tryParse(candidate);
      if (mbid === null) continue;
      const year = this.recordingYear(await this.deps.musicbrainz.recording(mbid));
      if (year !== null) return year;
    }
    const isrc = Isrc.tryParse(fact.isrc);
    if (isrc === null) return null;
    const recordings = (await this.deps.musicbrainz.recordingsByIsrc(isrc)).slice(0, RECORDINGS_PER_ISRC);
    const years: number[] = [];
    for (const recording of recordings) {
      const year = this.recordingYear(await this.deps.musicbrainz.recording(recording.id));
      if (year !== null) years.push(year);
    }
    return years.length === 0 ? null : Math.min(...years);
  }

  private recordingYear(recording: MusicBrainzRecording | null): number | null {
    if (recording === null) return null;
    const groups = recording.releases.map((release) => release.releaseGroup?.firstReleaseDate ?? null);
    return earliestYear(groups) ?? recording.firstReleaseDate?.year ?? null;
  }
}
