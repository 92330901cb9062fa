// `narada library link` (and the step after `library scan` and history imports): links listens to the
// media library's tracks. Incremental: only plays never linked, whose track changed (a merge, an undo),
// or — unless a person decided — linked against a library that has changed since.
import type { Clock } from '../../ports/clock.port.js';
import type {
  ListenLinkCounts,
  ListenLinkStore,
  ListenLinkWrite,
  PlayToLink,
} from '../../ports/listen-link-store.port.js';
import type { ProgressReporter } from '../../ports/progress.port.js';
import type { UnitOfWork } from '../../ports/unit-of-work.port.js';
import type { TrackId } from '../../../domain/track/track.js';
import { ListenLinker } from '../../library/listen-linker.js';

export interface LinkListensDeps {
  readonly store: ListenLinkStore;
  readonly unitOfWork: UnitOfWork;
  readonly clock: Clock;
  readonly progress: ProgressReporter;
}

export interface LinkListensReport {
  readonly dryRun: boolean;
  /** Tracks some library file became. */
  readonly libraryTracks: number;
  /** Plays whose link was worked out in this run. */
  readonly examined: number;
  /** What this run decided for them. */
  readonly decided: ListenLinkCounts;
  /** Every listen's link after the run (before it, on a dry run). */
  readonly totals: ListenLinkCounts;
}

/** Plays written per transaction. */
const BATCH = 5000;

export class LinkListens {
  constructor(private readonly deps: LinkListensDeps) {}

  async run(request: { readonly dryRun?: boolean } = {}): Promise<LinkListensReport> {
    const dryRun = request.dryRun ?? false;
    const { store } = this.deps;
    const library = await store.libraryTracks();
    // Without a library there is nothing to link to: no row is written for every listen.
    const plays = library.tracks.length === 0 ? [] : await store.playsToLink(library.state);
    const decided = { linked: 0, ambiguous: 0, unlinked: 0 };
    const task = this.deps.progress.task('Linking listens to the library', plays.length);
    try {
      // Plays of one track share one verdict: each track is matched once.
      const byTrack = groupByTrack(plays);
      const linker = new ListenLinker(library.tracks);
      const tracks = await store.tracksByIds([...byTrack.keys()]);
      const at = this.deps.clock.now();
      let pending: ListenLinkWrite[] = [];
      const flush = async () => {
        const writes = pending;
        pending = [];
        if (!dryRun && writes.length > 0) await this.deps.unitOfWork.transaction(() => store.save(writes));
        task.advance(writes.length);
      };
      for (const track of tracks) {
        const verdict = linker.link(track);
        const ids = byTrack.get(track.id) ?? [];
        decided[verdict.status] += ids.length;
        for (const playId of ids) {
          pending.push({
            playId,
            playTrackId: track.id,
            verdict,
            libraryState: library.state,
            byUser: false,
            linkedAt: at,
          });
        }
        if (pending.length >= BATCH) await flush();
      }
      await flush();
      const totals = await store.counts();
      task.done(
        `${plays.length} listens examined: ${decided.linked} linked, ${decided.ambiguous} ambiguous, ` +
          `${decided.unlinked} unlinked`,
      );
      return { dryRun, libraryTracks: library.tracks.length, examined: plays.length, decided, totals };
    } catch (error) {
      task.fail(error instanceof Error ? error.message : String(error));
      throw error;
    }
  }
}

function groupByTrack(plays: readonly PlayToLink[]): Map<TrackId, number[]> {
  const byTrack = new Map<TrackId, number[]>();
  for (const play of plays) {
    const ids = byTrack.get(play.trackId);
    if (ids === undefined) byTrack.set(play.trackId, [play.playId]);
    else ids.push(play.playId);
  }
  return byTrack;
}
