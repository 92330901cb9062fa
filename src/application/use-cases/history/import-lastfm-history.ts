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
  /**
   * The most pages one transaction stores; by default as many as the store writes best at once (a
   * page on SQLite, ten on PostgreSQL). A batch holds only pages already read.
   */
  readonly pagesPerCommit?: number;
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
   * Pages are stored in batches, each batch with the run's cursor in one transaction: a crash loses
   * at most the batches being written (read again on resume), never a listen, and never stores one
   * twice. A batch is the page awaited plus those already here, so no transaction waits on Last.fm.
   * Two batches are in flight: while one is interpreted (plays, roll-ups), the next is appended to
   * the ledger in a transaction of its own, which interprets only once the one before has committed.
   * On PostgreSQL the two run on two connections; SQLite's single writer runs them one after another.
   */
  private async readRange(
    plan: LastfmRunPlan,
    run: ImportRun,
    user: string,
    task: ProgressTask,
    tally: Tally,
    recorder: ListenRecorder,
  ): Promise<void> {
    const { unitOfWork, runs } = this.deps;
    // A batch is as many pages as the store writes best at once, and as many are asked for ahead.
    const pagesPerWrite = Math.max(1, Math.round(recorder.listensPerWrite / LASTFM_PAGE_SIZE));
    const pagesPerBatch = Math.min(pagesPerWrite, this.deps.pagesPerCommit ?? pagesPerWrite);
    const reader = new LastfmPageReader(this.deps.lastfm, user, plan.startAt, plan.to, pagesPerWrite);
    /** What the committed batches stored. */
    const stored = { pages: 0, new: 0, existing: 0, skipped: 0 };
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
    /** Settles once the batch before has committed (and `stored` counts it), or has failed. */
    let before: Promise<void> = Promise.resolve();
    /** The batch before that one: a new batch waits for it, so no more than two are ever in flight. */
    let twoBack: Promise<void> = Promise.resolve();
    let failed = false;
    let finished = false;
    let counted = false;
    while (!finished && !failed) {
      // When the ledger takes batches faster than they are interpreted, appended batches would
      // otherwise pile up, each holding its listens and a pooled connection until its turn.
      await twoBack.catch(() => undefined);
      twoBack = before;
      if (failed) break;
      const first = await next();
      if (first === null) break;
      if (!counted) {
        task.setTotal(reader.total ?? 0);
        counted = true;
      }
      const pages = [first];
      while (pages.length < pagesPerBatch && (await reader.readyWithin(0))) {
        const more = await next();
        if (more === null) {
          finished = true;
          break;
        }
        pages.push(more);
      }
      // Where this batch ends, taken now: the reader moves on while the batch is written.
      const cursor = reader.cursor === null ? null : String(reader.cursor);
      const pagesTotal = reader.pagesTotal;
      const skipped = pages.reduce((sum, page) => sum + page.unreadable, 0);
      // What progress says of each page, so the batch does not hold the pages until it commits.
      const shown = pages.map((p) => ({ listens: p.listens.length, ordinal: p.ordinal, of: p.of }));
      const listens = pages.flatMap((p) =>
        p.listens.map((l) => lastfmListenToRecord(l, user, run.id, this.identities)),
      );
      const previous = before;
      let appended!: () => void;
      const isAppended = new Promise<void>((resolve) => (appended = resolve));
      const batch = unitOfWork.transaction(
        async () => {
          const written = await recorder.appendInUnit(listens);
          appended();
          // Plays and roll-ups read what earlier batches stored: those must have committed.
          await previous;
          const outcome = await recorder.interpretInUnit(written);
          const counts = {
            pages: shown.length,
            new: outcome.inserted,
            existing: outcome.existing,
            sameAsHeld: outcome.sameAsHeld,
            skipped,
          };
          // Progress is told before the commit: a reporter that throws (a server stopping its job)
          // rolls this batch back, and the run keeps the cursor stored before it.
          for (const page of shown) task.advance(page.listens, `page ${page.ordinal} of ${page.of}`);
          await runs.updateProgress(run.id, {
            pagesDone: stored.pages + counts.pages,
            pagesTotal,
            itemsNew: stored.new + counts.new,
            itemsExisting: stored.existing + counts.existing,
            itemsSkipped: stored.skipped + counts.skipped,
            cursor,
          });
          return counts;
        },
        // A crash loses at most the batches not yet on disk, and the resume reads them again.
        { redoable: true },
      );
      before = batch.then((counts) => {
        stored.pages += counts.pages;
        stored.new += counts.new;
        stored.existing += counts.existing;
        stored.skipped += counts.skipped;
        tally.pages += counts.pages;
        tally.new += counts.new;
        tally.alreadyPresent += counts.existing;
        tally.sameAsOtherSource += counts.sameAsHeld;
        tally.unreadable += counts.skipped;
      });
      // Awaited below or by the next batch; a failure meanwhile is not an unhandled rejection.
      before.catch(() => {
        failed = true;
      });
      // The next batch is read and appended while this one is interpreted.
      await Promise.race([isAppended, batch.then(() => undefined)]).catch(() => undefined);
    }
    // The last batch's outcome; a failed batch fails the ones after it, so this is the first failure.
    await before;
    tally.resyncs += reader.resyncs;
    if (stopped !== null) throw stopped;
  }
}
