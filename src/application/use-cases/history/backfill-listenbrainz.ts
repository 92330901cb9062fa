// `narada history backfill listenbrainz`: sends a listener's listens (one per listen, oldest first)
// to a ListenBrainz server as `import` listens, 1000 a request. A checkpoint per listener and server
// records the last listen the server accepted, saved after each accepted request, so a run that
// stops goes on after it next time and nothing already accepted is sent again.
import type { Clock } from '../../ports/clock.port.js';
import type { ListenCursor, ListenExportStore } from '../../ports/listen-export-store.port.js';
import type { ListenBrainzPort } from '../../ports/listenbrainz.port.js';
import type { ProgressReporter } from '../../ports/progress.port.js';
import type { SyncCheckpointRepository } from '../../ports/sync-checkpoint-repository.port.js';
import { toIso } from '../../../domain/values/time.js';

export interface BackfillListenBrainzDeps {
  readonly listenbrainz: ListenBrainzPort;
  readonly listens: ListenExportStore;
  readonly checkpoints: SyncCheckpointRepository;
  readonly clock: Clock;
  readonly progress: ProgressReporter;
  /** Whose listens to send when not told (the Last.fm user, as for Spotify exports). */
  readonly defaultListener: () => Promise<string | null>;
}

export interface BackfillListenBrainzSummary {
  readonly user: string;
  readonly server: string;
  /** The ListenBrainz account of the token (null in a dry run: nothing is asked of the server). */
  readonly listenbrainzUser: string | null;
  readonly dryRun: boolean;
  /** Sent by earlier runs (the checkpoint), not sent again. */
  readonly alreadySent: number;
  /** Sent now (or, in a dry run, that would be sent). */
  readonly sent: number;
  readonly requests: number;
  /** Start time of the last listen the server has accepted, after this run. */
  readonly sentUpTo: string | null;
}

/** ListenBrainz's MAX_LISTENS_PER_REQUEST. */
export const LISTENBRAINZ_BATCH = 1000;
const FALLBACK_LISTENER = 'me';

interface Checkpoint {
  readonly after: ListenCursor | undefined;
  readonly sent: number;
}

export class BackfillListenBrainz {
  constructor(private readonly deps: BackfillListenBrainzDeps) {}

  async run(
    options: { readonly dryRun?: boolean; readonly user?: string } = {},
  ): Promise<BackfillListenBrainzSummary> {
    const dryRun = options.dryRun === true;
    const user = options.user ?? (await this.deps.defaultListener()) ?? FALLBACK_LISTENER;
    const { server } = this.deps.listenbrainz;
    // Checked before anything is read: a refused token stops the run at once.
    const listenbrainzUser = dryRun ? null : await this.deps.listenbrainz.whoAmI();
    const key = `history:listenbrainz:${user}@${server}`;
    const start = await this.checkpoint(key);
    let after = start.after;
    let sent = 0;
    let requests = 0;
    const task = this.deps.progress.task(
      dryRun ? 'Counting listens to send' : 'Sending listens to ListenBrainz',
    );
    for (;;) {
      const page = await this.deps.listens.page({
        user,
        after,
        notFrom: 'listenbrainz',
        limit: LISTENBRAINZ_BATCH,
      });
      if (page.length === 0) break;
      const last = page[page.length - 1]!;
      if (!dryRun) {
        await this.deps.listenbrainz.submitImport(page);
        requests += 1;
        await this.deps.checkpoints.put({
          key,
          cursor: JSON.stringify({ playedAt: last.playedAt, playId: last.playId }),
          state: { sent: start.sent + sent + page.length, listenbrainzUser },
          updatedAt: this.deps.clock.now(),
        });
      }
      sent += page.length;
      after = { playedAt: last.playedAt, playId: last.playId };
      task.advance(page.length);
      if (page.length < LISTENBRAINZ_BATCH) break;
    }
    task.done(`${sent} ${dryRun ? 'to send' : 'sent'}`);
    const upTo = dryRun ? start.after : after;
    return {
      user,
      server,
      listenbrainzUser,
      dryRun,
      alreadySent: start.sent,
      sent,
      requests,
      sentUpTo: upTo === undefined ? null : toIso(upTo.playedAt),
    };
  }

  private async checkpoint(key: string): Promise<Checkpoint> {
    const saved = await this.deps.checkpoints.get(key);
    if (saved === null || saved.cursor === null) return { after: undefined, sent: 0 };
    const after = JSON.parse(saved.cursor) as ListenCursor;
    return { after, sent: typeof saved.state.sent === 'number' ? saved.state.sent : 0 };
  }
}
