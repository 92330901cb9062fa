// `narada history import lastfm`: scrobbles into the ledger, oldest page first (LastfmPageReader),
// stored with the run's cursor in the same transaction, so a crash at any point resumes exactly
// where the stored history ends: no listen twice, none missing. A page Last.fm will not give (after
// the connector's retries) stops the import there: the pages before it are kept, the rest is not
// taken as read, and the next run resumes from the cursor. A second import of the same history
// while one runs waits for it, then goes on from where it ended.
import type { Clock } from '../../ports/clock.port.js';
import type { ImportRunRepository } from '../../ports/import-run-repository.port.js';
import type { LastfmPort } from '../../ports/lastfm.port.js';
import type { ProgressReporter, ProgressTask } from '../../ports/progress.port.js';
import type { UnitOfWork } from '../../ports/unit-of-work.port.js';
import { EMPTY_PROGRESS, type ImportRun } from '../../../domain/history/import-run.js';
import { LASTFM_PAGE_SIZE } from '../../../domain/history/lastfm-history-window.js';
import { ConfigurationError, isNaradaError } from '../../../domain/shared/errors.js';
import { toIso } from '../../../domain/values/time.js';
import {
  IMPORT_RUNNING,
  planLastfmRuns,
  type LastfmRangeOptions,
  type LastfmRunPlan,
} from '../../history/lastfm-import-runs.js';
import { stoppedReading } from '../../history/lastfm-import-stop.js';
import { LastfmPageReader, type HistoryPage } from '../../history/lastfm-page-reader.js';
import type { ListenRecorder } from '../../history/listen-recorder.js';
import { recordImportFailure } from '../../history/import-run-failure.js';
import { IdentityMemo, lastfmListenToRecord } from '../../history/upstream-listens.js';

export interface ImportLastfmHistoryDeps {
  readonly lastfm: LastfmPort;
  readonly runs: ImportRunRepository;
  readonly recorder: ListenRecorder;
  readonly unitOfWork: UnitOfWork;
  readonly clock: Clock;
  readonly progress: ProgressReporter;
  /** When a stored group of pages is committed; default every second or 50 pages. */
  readonly commitEvery?: { readonly ms: number; readonly pages: number };
  /** How often a live import of the same history is looked at again while this one waits for it. */
  readonly waitPollMs?: number;
}

export interface LastfmRunReport {
  readonly id: number;
  readonly from: string | null;
  readonly to: string;
  /** The unfinished run this one resumed. */
  readonly resumedRun: number | null;
}

/** A run found left `running` by a process that had ended, marked `interrupted` as this import started. */
export interface InterruptedRunReport {
  readonly id: number;
  readonly kind: string;
  readonly reason: string | null;
}

export interface LastfmImportSummary {
  readonly user: string;
  readonly runs: readonly LastfmRunReport[];
  readonly interrupted: readonly InterruptedRunReport[];
  readonly pages: number;
  /** Scrobbles Last.fm sent (new + already present). */
  readonly received: number;
  readonly new: number;
  readonly alreadyPresent: number;
  /** New scrobbles of listens already held from a Spotify export: stored, counted once. */
  readonly sameAsOtherSource: number;
  readonly skipped: { readonly unreadable: number };
  /** Times the range changed under the import and reading restarted from the cursor. */
  readonly resyncs: number;
}

export interface LastfmImportOptions extends LastfmRangeOptions {
  /** Whose public history to import; default the configured or logged-in user. */
  readonly user?: string;
}

/** A stored group closes after this long or this many pages, whichever comes first. */
const COMMIT_EVERY = { ms: 1000, pages: 50 };
/**
 * How long a group waits, holding the write lock, for a page already asked for: long enough for a
 * read-ahead to land while the previous page is written, too short to keep other commands waiting.
 */
const LOCKED_READ_WAIT_MS = 50;

interface Tally {
  pages: number;
  new: number;
  alreadyPresent: number;
  sameAsOtherSource: number;
  unreadable: number;
  resyncs: number;
}

export class ImportLastfmHistory {
  private readonly identities = new IdentityMemo();

  constructor(private readonly deps: ImportLastfmHistoryDeps) {}

  async run(options: LastfmImportOptions = {}): Promise<LastfmImportSummary> {
    const identity =
      options.user === undefined ? await this.deps.lastfm.whoAmI() : { username: options.user };
    if (identity === null) {
      throw new ConfigurationError(
        'LASTFM.NO_USERNAME',
        'No Last.fm user is known; set LASTFM_USERNAME or run `narada auth lastfm`',
      );
    }
    const user = identity.username;
    const now = Math.floor(this.deps.clock.now() / 1000) * 1000;
    const { interrupted, plans } = await this.planAfterLiveRun(user, options, now);
    const recorder = this.deps.recorder.remembering();
    const tally: Tally = {
      pages: 0,
      new: 0,
      alreadyPresent: 0,
      sameAsOtherSource: 0,
      unreadable: 0,
      resyncs: 0,
    };
    const reports: LastfmRunReport[] = [];
    for (const plan of plans) reports.push(await this.runPlan(plan, user, tally, recorder));
    const { pages, alreadyPresent, sameAsOtherSource, unreadable, resyncs } = tally;
    return {
      user,
      runs: reports,
      interrupted: interrupted.map(({ id, kind, error }) => ({ id, kind, reason: error })),
      pages,
      received: tally.new + alreadyPresent,
      new: tally.new,
      alreadyPresent,
      sameAsOtherSource,
      skipped: { unreadable },
      resyncs,
    };
  }

  /**
   * The plans, once no other live process is importing this history: two imports at once do not
   * fight over one range; the later one waits (saying so), then goes on from where the first ended.
   * A process that dies meanwhile has its run marked interrupted, and this import resumes it.
   */
  private async planAfterLiveRun(
    user: string,
    options: LastfmRangeOptions,
    now: number,
  ): Promise<{ interrupted: ImportRun[]; plans: LastfmRunPlan[] }> {
    const { runs, clock, progress } = this.deps;
    const interrupted: ImportRun[] = [];
    let waiting: ProgressTask | null = null;
    for (;;) {
      interrupted.push(...(await runs.interruptAbandoned(clock.now())));
      try {
        const plans = await planLastfmRuns(runs, user, options, now);
        waiting?.done('the other import ended');
        return { interrupted, plans };
      } catch (error) {
        if (!isNaradaError(error) || error.code !== IMPORT_RUNNING) throw error;
        if (waiting === null) {
          waiting = progress.task(`Waiting: ${error.message.replace(/; let it finish.*$/, '')}`);
          waiting.advance(0, 'this import goes on where that one ends');
        }
        await clock.sleep(this.deps.waitPollMs ?? 1000);
      }
    }
  }

  private async runPlan(
    plan: LastfmRunPlan,
    user: string,
    tally: Tally,
    recorder: ListenRecorder,
  ): Promise<LastfmRunReport> {
    const { runs, clock, progress } = this.deps;
    const run = await runs.start(plan.kind, { from: plan.from, to: plan.to }, clock.now());
    if (plan.resumes !== null) {
      // The new run starts at the old one's cursor, so a crash before its first commit loses no ground.
      await runs.updateProgress(run.id, {
        ...EMPTY_PROGRESS,
        cursor: plan.startAt === null ? null : String(plan.startAt),
      });
      const resumed = `resumed by import run ${run.id}`;
      const why = plan.resumes.error === null ? resumed : `${plan.resumes.error}; ${resumed}`;
      await runs.finish(plan.resumes.id, 'interrupted', clock.now(), why);
    }
    const label =
      plan.resumes === null ? 'Last.fm scrobbles' : `Last.fm scrobbles (resuming run ${plan.resumes.id})`;
    const task = progress.task(label);
    try {
      await this.readRange(plan, run, user, task, tally, recorder);
      await runs.finish(run.id, 'completed', clock.now());
      task.done(`${tally.new} new, ${tally.alreadyPresent} already present`);
    } catch (error) {
      await recordImportFailure(error, { runId: run.id, task, recorder, runs, clock });
      throw error;
    }
    return {
      id: run.id,
      from: plan.from === null ? null : toIso(plan.from),
      to: toIso(plan.to),
      resumedRun: plan.resumes?.id ?? null,
    };
  }

  /**
   * Pages are stored in groups, each group with the run's cursor in one transaction: a crash loses at
   * most the group being written (read again on resume), never a listen, and never stores one twice.
   */
  private async readRange(
    plan: LastfmRunPlan,
    run: ImportRun,
    user: string,
    task: ProgressTask,
    tally: Tally,
    recorder: ListenRecorder,
  ): Promise<void> {
    const { unitOfWork, clock, runs, commitEvery = COMMIT_EVERY } = this.deps;
    // Pages already here are stored together, as many as the store writes best at once, and as many
    // are asked for ahead while one batch is written.
    const pagesPerWrite = Math.max(1, Math.round(recorder.listensPerWrite / LASTFM_PAGE_SIZE));
    const reader = new LastfmPageReader(this.deps.lastfm, user, plan.startAt, plan.to, pagesPerWrite);
    const mine = { pages: 0, new: 0, existing: 0, skipped: 0 };
    let finished = false;
    /** A page that could not be read ends the import after the pages read before it are stored. */
    let stopped: unknown = null;
    const next = (): Promise<HistoryPage | null> => {
      const failingPage = reader.nextPage;
      return reader.read().catch((error: unknown) => {
        stopped = stoppedReading(error, {
          user,
          runId: run.id,
          page: failingPage,
          unreadFrom: reader.cursor,
          to: plan.to,
        });
        return null;
      });
    };
    while (!finished) {
      const group = { pages: 0, new: 0, existing: 0, sameAsHeld: 0, skipped: 0 };
      // The first page of a group is awaited before the transaction opens, and the group goes on
      // only with pages that arrive within moments: the database's write lock is never held while
      // Last.fm is slow, so other Narada commands on the same data folder are not kept waiting.
      const first = await next();
      if (first === null) break;
      if (mine.pages === 0) task.setTotal(reader.total ?? 0);
      await unitOfWork.transaction(async () => {
        const opened = clock.now();
        let pages = [first];
        for (;;) {
          while (
            pages.length < pagesPerWrite &&
            group.pages + pages.length < commitEvery.pages &&
            (await reader.readyWithin(0))
          ) {
            const more = await next();
            if (more === null) {
              finished = true;
              break;
            }
            pages.push(more);
          }
          const outcome = await recorder.recordInUnit(
            pages.flatMap((p) =>
              p.listens.map((l) => lastfmListenToRecord(l, user, run.id, this.identities)),
            ),
          );
          group.pages += pages.length;
          group.new += outcome.inserted;
          group.existing += outcome.existing;
          group.sameAsHeld += outcome.sameAsHeld;
          for (const stored of pages) {
            group.skipped += stored.unreadable;
            task.advance(stored.listens.length, `page ${stored.ordinal} of ${stored.of}`);
          }
          const more =
            !finished &&
            group.pages < commitEvery.pages &&
            clock.now() - opened < commitEvery.ms &&
            (await reader.readyWithin(LOCKED_READ_WAIT_MS));
          if (!more) break;
          const following = await next();
          if (following === null) {
            finished = true;
            break;
          }
          pages = [following];
        }
        await runs.updateProgress(run.id, {
          pagesDone: mine.pages + group.pages,
          pagesTotal: reader.pagesTotal,
          itemsNew: mine.new + group.new,
          itemsExisting: mine.existing + group.existing,
          itemsSkipped: mine.skipped + group.skipped,
          cursor: reader.cursor === null ? null : String(reader.cursor),
        });
      });
      mine.pages += group.pages;
      mine.new += group.new;
      mine.existing += group.existing;
      mine.skipped += group.skipped;
      tally.pages += group.pages;
      tally.new += group.new;
      tally.alreadyPresent += group.existing;
      tally.sameAsOtherSource += group.sameAsHeld;
      tally.unreadable += group.skipped;
    }
    tally.resyncs += reader.resyncs;
    if (stopped !== null) throw stopped;
  }
}
