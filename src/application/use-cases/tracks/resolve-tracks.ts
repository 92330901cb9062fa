// `narada tracks resolve`: what is unresolved or stale, cheapest first — the local library for every
// waiting track (no network), then MusicBrainz for at most `limit` tracks: ISRCs and MBIDs in batches,
// searches only for what they leave. Progress has an ETA; the summary counts outcomes by method.
import type { IdentityAttemptRepository } from '../../ports/identity-attempt-repository.port.js';
import type { MusicBrainzPort } from '../../ports/musicbrainz.port.js';
import type { ProgressReporter } from '../../ports/progress.port.js';
import { UpstreamError } from '../../ports/upstream-errors.js';
import type { MatchMethod } from '../../../domain/track/track-mapping.js';
import type { Track } from '../../../domain/track/track.js';
import { pairKey } from '../../tracks/identity-linker.js';
import type { IdentityStores } from '../../tracks/identity-stores.js';
import { LocalLibraryPass } from '../../tracks/local-library-pass.js';
import { MusicBrainzPass } from '../../tracks/musicbrainz-pass.js';

export interface ResolveTracksDeps extends IdentityStores {
  readonly musicbrainz: MusicBrainzPort;
  readonly attempts: IdentityAttemptRepository;
  readonly progress: ProgressReporter;
}

export interface ResolveOptions {
  /** At most this many tracks go to MusicBrainz (ids in batches, a search each for the rest); default all. */
  readonly limit?: number;
  /** A track last tried longer ago than this is tried again; default 30 days. */
  readonly staleAfterDays?: number;
}

export interface ResolveSummary {
  /** Tracks waiting when the run started. */
  readonly pending: number;
  readonly local: { readonly examined: number; readonly merged: number; readonly review: number };
  readonly musicbrainz: {
    readonly tried: number;
    readonly accepted: Readonly<Partial<Record<MatchMethod, number>>>;
    readonly review: number;
    readonly noMatch: number;
    /** Tracks merged because another track already had the recording. */
    readonly merged: number;
  };
  /** Tracks still waiting (beyond the limit, or after a stop). */
  readonly remaining: number;
  /** Why the run stopped early (MusicBrainz down or limiting us), or null. */
  readonly stopped: { readonly code: string; readonly message: string } | null;
}

const DAY_MS = 86_400_000;
export const DEFAULT_STALE_AFTER_DAYS = 30;

export class ResolveTracks {
  private readonly local: LocalLibraryPass;
  private readonly remote: MusicBrainzPass;

  constructor(private readonly deps: ResolveTracksDeps) {
    this.local = new LocalLibraryPass(deps);
    this.remote = new MusicBrainzPass(deps, deps.musicbrainz, deps.attempts);
  }

  async run(options: ResolveOptions = {}): Promise<ResolveSummary> {
    const { attempts, merges, progress, clock } = this.deps;
    const staleAfterMs = (options.staleAfterDays ?? DEFAULT_STALE_AFTER_DAYS) * DAY_MS;
    const pending = await attempts.pending({
      service: 'musicbrainz',
      staleBefore: clock.now() - staleAfterMs,
    });
    const avoid = new Set((await merges.undonePairs()).map(([a, b]) => pairKey(a, b)));

    const localTask = progress.task('Matching against the local library', pending.length);
    const local = await this.local.run(pending, avoid, localTask);
    localTask.done(`${local.merged} merged, ${local.review} to review`);

    const queue = pending.filter((t) => !local.gone.has(t.id)).slice(0, options.limit ?? pending.length);
    const counts = {
      tried: 0,
      accepted: {} as Partial<Record<MatchMethod, number>>,
      review: 0,
      noMatch: 0,
      merged: 0,
    };
    let stopped: ResolveSummary['stopped'] = null;
    const remoteTask = progress.task('Resolving through MusicBrainz', queue.length);
    this.remote.plan(queue);
    for (const queued of queue) {
      const track = await this.stillWaiting(queued);
      remoteTask.advance(1, `${queued.primaryArtist} – ${queued.title}`);
      if (track === null) continue;
      try {
        const outcome = await this.remote.resolve(track, avoid);
        counts.tried += 1;
        if (outcome.kind === 'accepted') {
          counts.accepted[outcome.method] = (counts.accepted[outcome.method] ?? 0) + 1;
          counts.merged += outcome.merged;
        } else if (outcome.kind === 'review') counts.review += 1;
        else counts.noMatch += 1;
      } catch (error) {
        // MusicBrainz is down or asks us to wait: later tracks would fail the same way, so stop here and
        // keep what is done; the failed track is tried first next time.
        if (!(error instanceof UpstreamError)) throw error;
        await this.remote.recordFailure(track, error.message);
        stopped = { code: error.code, message: error.message };
        remoteTask.fail(error.message);
        break;
      }
    }
    if (stopped === null) remoteTask.done(`${counts.tried} tried`);
    const remaining = await attempts.countPending({
      service: 'musicbrainz',
      staleBefore: clock.now() - staleAfterMs,
    });
    return {
      pending: pending.length,
      local: { examined: local.examined, merged: local.merged, review: local.review },
      musicbrainz: counts,
      remaining,
      stopped,
    };
  }

  /** The track as it stands now, or null when the local pass merged it or gave it a recording. */
  private async stillWaiting(queued: Track): Promise<Track | null> {
    const track = await this.deps.tracks.findById(queued.id);
    if (track === null || track.isMerged) return null;
    const links = await this.deps.mappings.forTrack(track.id);
    const settled = links.some((m) => m.service === 'musicbrainz' && (m.status !== 'rejected' || m.pinned));
    return settled ? null : track;
  }
}
