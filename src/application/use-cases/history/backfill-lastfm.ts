// `narada history backfill lastfm`: scrobbles the listens Narada holds that Last.fm lacks, in
// batches of 50, after checking them against the user's Last.fm history of the same days. Last.fm
// takes scrobbles only from the last 14 days and Narada never rewrites a timestamp, so older
// listens are counted and left local.
import type { Clock } from '../../ports/clock.port.js';
import type { LastfmListen, LastfmPort, ScrobbleReport } from '../../ports/lastfm.port.js';
import type { ProgressReporter } from '../../ports/progress.port.js';
import type { ScrobbleBackfillStore, UnscrobbledListen } from '../../ports/scrobble-backfill-store.port.js';
import { LASTFM_PAGE_SIZE, oldestScrobblable } from '../../../domain/history/lastfm-history-window.js';
import { listenIdentity } from '../../../domain/history/listen-identity.js';
import { type HeldListen, matchHeldListens, MAX_WINDOW_MS } from '../../../domain/history/same-listen.js';
import { ConfigurationError } from '../../../domain/shared/errors.js';
import { toIso, type EpochMs } from '../../../domain/values/time.js';

export interface BackfillLastfmDeps {
  readonly lastfm: LastfmPort;
  readonly store: ScrobbleBackfillStore;
  readonly clock: Clock;
  readonly progress: ProgressReporter;
}

export interface BackfillSummary {
  readonly user: string;
  readonly dryRun: boolean;
  /** Oldest start time Last.fm accepts now. */
  readonly windowStart: string;
  /** Listens not on Last.fm that are older than the window: never sent. */
  readonly outsideWindow: number;
  /** Listens inside the window that no Last.fm scrobble was matched to locally. */
  readonly candidates: number;
  /** Of those, found in the user's Last.fm history after all. */
  readonly alreadyOnLastfm: number;
  /** Sent (or, in a dry run, that would be sent). */
  readonly toScrobble: number;
  readonly batches: number;
  readonly accepted: number;
  /** Last.fm's reasons for ignoring scrobbles, by code (3 too old, 4 too new, 5 daily limit, ...). */
  readonly ignored: Readonly<Record<string, number>>;
}

export const SCROBBLE_BATCH = 50;

export class BackfillLastfm {
  constructor(private readonly deps: BackfillLastfmDeps) {}

  async run(options: { readonly dryRun?: boolean } = {}): Promise<BackfillSummary> {
    const dryRun = options.dryRun === true;
    const identity = await this.deps.lastfm.whoAmI();
    if (identity === null) {
      throw new ConfigurationError(
        'LASTFM.NO_USERNAME',
        'No Last.fm user is known; set LASTFM_USERNAME or run `narada auth lastfm`',
      );
    }
    if (!dryRun && !identity.canWrite) {
      throw new ConfigurationError(
        'LASTFM.NO_SESSION',
        'Scrobbling needs a Last.fm login: run `narada auth lastfm` or set LASTFM_SESSION_KEY (or add --dry-run to only see what would be sent)',
      );
    }
    const user = identity.username;
    const now = this.deps.clock.now();
    const windowStart = oldestScrobblable(now);
    const outsideWindow = await this.deps.store.countUnscrobbledBefore(user, windowStart);
    const candidates = await this.deps.store.unscrobbledSince(user, windowStart);
    const onLastfm =
      candidates.length === 0 ? [] : await this.recentScrobbles(user, windowStart - MAX_WINDOW_MS, now);
    const matched = matchHeldListens(
      candidates.map((c) => ({
        user,
        trackId: c.trackId,
        identity: listenIdentity(c.artist, c.title),
        capture: c.capture,
        playedAt: c.playedAt,
        msPlayed: c.msPlayed,
      })),
      onLastfm.map((s, i) => heldScrobble(s, i, user)),
    );
    const toSend = candidates.filter((_, i) => !matched.has(i));
    const summary = {
      user,
      dryRun,
      windowStart: toIso(windowStart),
      outsideWindow,
      candidates: candidates.length,
      alreadyOnLastfm: matched.size,
      toScrobble: toSend.length,
    };
    if (dryRun || toSend.length === 0) return { ...summary, batches: 0, accepted: 0, ignored: {} };
    return { ...summary, ...(await this.send(toSend)) };
  }

  private async send(listens: readonly UnscrobbledListen[]) {
    const task = this.deps.progress.task('Scrobbling to Last.fm', listens.length);
    const ignored: Record<string, number> = {};
    let accepted = 0;
    let batches = 0;
    for (let start = 0; start < listens.length; start += SCROBBLE_BATCH) {
      const batch = listens.slice(start, start + SCROBBLE_BATCH);
      const report: ScrobbleReport = await this.deps.lastfm.scrobble(
        batch.map((l) => ({
          artist: l.artist,
          title: l.title,
          playedAt: l.playedAt,
          album: l.album,
          durationMs: l.durationMs,
        })),
      );
      batches += 1;
      accepted += report.accepted;
      for (const outcome of report.outcomes) {
        if (!outcome.accepted)
          ignored[String(outcome.ignoredCode)] = (ignored[String(outcome.ignoredCode)] ?? 0) + 1;
      }
      task.advance(batch.length);
    }
    task.done(`${accepted} accepted`);
    return { batches, accepted, ignored };
  }

  private async recentScrobbles(user: string, from: EpochMs, to: EpochMs): Promise<LastfmListen[]> {
    const listens: LastfmListen[] = [];
    for (let page = 1; ; page++) {
      const result = await this.deps.lastfm.getRecentTracks({
        user,
        page,
        limit: LASTFM_PAGE_SIZE,
        from,
        to: to + 1000,
      });
      listens.push(...result.listens);
      if (page >= result.totalPages) return listens;
    }
  }
}

/** Last.fm's own scrobbles have no internal track here: they match by artist and title (a negative id never equals a track's). */
function heldScrobble(listen: LastfmListen, index: number, user: string): HeldListen {
  return {
    playId: -(index + 1),
    user,
    trackId: -(index + 1),
    identity: listenIdentity(listen.artist, listen.title),
    capture: 'lastfm:name',
    playedAt: listen.playedAt,
    msPlayed: null,
    captures: new Set(['lastfm:name']),
    knownMs: null,
  };
}
