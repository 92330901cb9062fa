// Looks up the original release year of tracks on MusicBrainz (only when asked: MusicBrainz allows
// one request a second, so ids go 100 to a request): the earliest first-release date among the
// release groups of the track's recording, so a remaster counts under the year of the original.
// Found years are stored as a metric.
import type { Clock } from '../ports/clock.port.js';
import { ORIGINAL_YEAR_METRIC, type TrackDatingFacts } from '../ports/listening-stats.port.js';
import type {
  MusicBrainzPort,
  MusicBrainzRecording,
  MusicBrainzReleaseGroup,
} from '../ports/musicbrainz.port.js';
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
/** Tracks dated together: their ids fill one MusicBrainz batch (100 ids a request). */
const BATCH_TRACKS = 100;

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
    let lookedUp = 0;
    let found = 0;
    let stoppedBecause: string | null = null;
    for (let at = 0; at < todo.length; at += BATCH_TRACKS) {
      const batch = todo.slice(at, at + BATCH_TRACKS);
      let years: ReadonlyMap<TrackDatingFacts, number | null>;
      try {
        years = await this.yearsOf(batch);
      } catch (error) {
        if (!(error instanceof UpstreamError)) throw error;
        stoppedBecause = error.message;
        break;
      }
      const metrics: TrackMetric[] = [];
      for (const fact of batch) {
        const year = years.get(fact) ?? null;
        lookedUp += 1;
        if (year === null) continue;
        found += 1;
        metrics.push({
          trackId: fact.trackId,
          name: ORIGINAL_YEAR_METRIC,
          value: year,
          source: 'musicbrainz',
          fetchedAt: this.deps.clock.now(),
        });
      }
      // Stored batch by batch, so an interrupted look-up keeps what it found.
      for (let i = 0; i < metrics.length; i += STORE_EVERY)
        await this.deps.metrics.upsertMany(metrics.slice(i, i + STORE_EVERY));
      task.advance(batch.length);
    }
    if (stoppedBecause === null) task.done(`${found} of ${lookedUp} dated`);
    else task.fail(stoppedBecause);
    return { lookedUp, found, stoppedBecause };
  }

  /**
   * Each track's recording: its MBID's, else Last.fm's MBID's (which names a recording more often than
   * not; MBIDs are unique across kinds, so any other kind simply finds none), else its ISRC's first
   * few. Three batched searches date them all: recordings by MBID, recordings by ISRC for the tracks
   * still without one, then the release groups of every recording found, for their first-release
   * dates (search answers carry a release's group but not its date).
   */
  private async yearsOf(batch: readonly TrackDatingFacts[]): Promise<Map<TrackDatingFacts, number | null>> {
    const { musicbrainz } = this.deps;
    const mbidsOf = (fact: TrackDatingFacts): Mbid[] =>
      [fact.mbid, fact.lastfmMbid].map((m) => Mbid.tryParse(m)).filter((m): m is Mbid => m !== null);
    const byId = await musicbrainz.recordingsByIds(batch.flatMap(mbidsOf));
    const recordings = new Map<TrackDatingFacts, readonly MusicBrainzRecording[]>();
    for (const fact of batch) {
      const recording = mbidsOf(fact)
        .map((mbid) => byId.get(mbid.value))
        .find((r): r is MusicBrainzRecording => r !== undefined && datable(r));
      if (recording !== undefined) recordings.set(fact, [recording]);
    }
    const byIsrc = batch.filter((fact) => !recordings.has(fact) && Isrc.tryParse(fact.isrc) !== null);
    const isrcAnswers = await musicbrainz.recordingsByIsrcs(byIsrc.map((fact) => Isrc.parse(fact.isrc!)));
    for (const fact of byIsrc) {
      const found = isrcAnswers.get(Isrc.parse(fact.isrc!).value) ?? [];
      recordings.set(fact, found.slice(0, RECORDINGS_PER_ISRC));
    }
    const groupIds = [...recordings.values()]
      .flat()
      .flatMap((r) => r.releases.map((rel) => rel.releaseGroup?.id));
    const groups = await musicbrainz.releaseGroupsByIds(
      groupIds.filter((id): id is Mbid => id !== undefined),
    );
    const years = new Map<TrackDatingFacts, number | null>();
    for (const fact of batch) {
      const dated = (recordings.get(fact) ?? [])
        .map((recording) => recordingYear(recording, groups))
        .filter((year): year is number => year !== null);
      years.set(fact, dated.length === 0 ? null : Math.min(...dated));
    }
    return years;
  }
}

/** A recording with any date to go by; one without is passed over for the track's next id. */
function datable(recording: MusicBrainzRecording): boolean {
  return recording.firstReleaseDate !== null || recording.releases.some((r) => r.releaseGroup !== null);
}

/** The earliest first release of the recording's release groups, else the recording's own first release. */
function recordingYear(
  recording: MusicBrainzRecording,
  groups: ReadonlyMap<string, MusicBrainzReleaseGroup>,
): number | null {
  const dates = recording.releases.map((release) => {
    const group = release.releaseGroup;
    return group === null ? null : (groups.get(group.id.value)?.firstReleaseDate ?? group.firstReleaseDate);
  });
  return earliestYear(dates) ?? recording.firstReleaseDate?.year ?? null;
}
