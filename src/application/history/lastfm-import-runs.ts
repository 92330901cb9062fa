// Which ranges a `narada history import lastfm` covers: an unfinished run is resumed where it
// stopped; a plain import then continues from the last run's end (minus Last.fm's 14-day window for
// late scrobbles); an import with --since/--until covers exactly that range. A run still `running`
// (once runs of ended processes are marked interrupted) belongs to a live process: it is not taken over
// (the importer waits for it instead).
import type { ImportRunRepository } from '../ports/import-run-repository.port.js';
import type { ImportRun } from '../../domain/history/import-run.js';
import { incrementalStart } from '../../domain/history/lastfm-history-window.js';
import { NaradaError } from '../../domain/shared/errors.js';
import { toIso, type EpochMs } from '../../domain/values/time.js';

export interface LastfmRangeOptions {
  readonly since?: EpochMs;
  readonly until?: EpochMs;
  /**
   * One UTC calendar year, as its own history (`history:lastfm:<user>:<year>`): a year read to its end
   * is never read again; a year still going on continues from its last run's end (the LastYear page).
   */
  readonly year?: number;
}

export interface LastfmRunPlan {
  readonly kind: string;
  /** Included; null for the beginning of the history. */
  readonly from: EpochMs | null;
  /** Excluded; fixed when the run starts, so scrobbles arriving meanwhile cannot shift its pages. */
  readonly to: EpochMs;
  /** The unfinished run this one takes over, or null. */
  readonly resumes: ImportRun | null;
  /** Where to start reading: the resumed run's cursor, else `from`. */
  readonly startAt: EpochMs | null;
}

export async function planLastfmRuns(
  runs: ImportRunRepository,
  user: string,
  options: LastfmRangeOptions,
  now: EpochMs,
): Promise<LastfmRunPlan[]> {
  if (options.year !== undefined) return planYear(runs, user, options.year, now);
  const explicit = options.since !== undefined || options.until !== undefined;
  const kind = explicit ? `history:lastfm:${user}:range` : `history:lastfm:${user}`;
  const latest = await runs.latest(kind);
  const unfinished = latest !== null && latest.status !== 'completed' ? latest : null;
  if (explicit) {
    const from = options.since ?? null;
    const sameRange =
      unfinished !== null &&
      unfinished.rangeFrom === from &&
      (options.until === undefined || unfinished.rangeTo === options.until);
    if (sameRange) return [resumePlan(kind, unfinished)];
    return [{ kind, from, to: options.until ?? now, resumes: null, startAt: from }];
  }
  const plans: LastfmRunPlan[] = [];
  if (unfinished !== null) plans.push(resumePlan(kind, unfinished));
  const previousEnd = unfinished?.rangeTo ?? (latest === null ? null : latest.rangeTo);
  const from = previousEnd === null ? null : incrementalStart(previousEnd);
  plans.push({ kind, from, to: now, resumes: null, startAt: from });
  return plans;
}

async function planYear(
  runs: ImportRunRepository,
  user: string,
  year: number,
  now: EpochMs,
): Promise<LastfmRunPlan[]> {
  const kind = `history:lastfm:${user}:${year}`;
  const start = Date.UTC(year, 0, 1);
  const end = Math.min(Date.UTC(year + 1, 0, 1), now);
  const latest = await runs.latest(kind);
  const unfinished = latest !== null && latest.status !== 'completed' ? latest : null;
  const plans: LastfmRunPlan[] = unfinished === null ? [] : [resumePlan(kind, unfinished)];
  const previousEnd = latest?.rangeTo ?? null;
  if (previousEnd === null) plans.push({ kind, from: start, to: end, resumes: null, startAt: start });
  else if (previousEnd < end) {
    const from = Math.max(start, incrementalStart(previousEnd));
    plans.push({ kind, from, to: end, resumes: null, startAt: from });
  }
  return plans;
}

function resumePlan(kind: string, run: ImportRun): LastfmRunPlan {
  if (run.status === 'running') throw stillRunning(run);
  const cursor = run.progress.cursor === null ? null : Number(run.progress.cursor);
  const startAt = cursor !== null && Number.isFinite(cursor) ? cursor : run.rangeFrom;
  // A run always records its end; a null one would be a damaged row, read as "up to its start".
  return { kind, from: run.rangeFrom, to: run.rangeTo ?? run.startedAt, resumes: run, startAt };
}

/** The code of "another live process is importing this history" (the importer waits for it). */
export const IMPORT_RUNNING = 'HISTORY.IMPORT_RUNNING';

function stillRunning(run: ImportRun): NaradaError {
  const where = run.owner === null ? 'another process' : `process ${run.owner.pid} on ${run.owner.host}`;
  return new NaradaError(
    IMPORT_RUNNING,
    `Import run ${run.id} of this Last.fm history, started ${toIso(run.startedAt)}, is still running in ${where}; let it finish (or stop it), then run this command again`,
    'failure',
    { retryable: true, details: { importRunId: run.id, owner: run.owner } },
  );
}
