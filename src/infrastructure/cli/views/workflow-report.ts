// How a workflow run reads on a terminal: one line per task, then what each destination changed (or
// would change, in a dry run) on which copy of its playlist (Spotify's, Narada's own) and what it left
// alone and why, with its calls, the warnings, and the API calls per service.
import type { TaskResult, WorkflowRun } from '../../../domain/workflow/workflow-run.js';
import type { PlaylistChange } from '../../../application/playlist/playlist-change.js';
import { copyName, type LeftAlone, type PlaylistCopy } from '../../../application/playlist/playlist-write.js';
import { NaradaError } from '../../../domain/shared/errors.js';
import { formatDuration } from './progress-format.js';

/** Task times are often well under a second; minutes read better as m:ss. */
export function elapsed(ms: number): string {
  if (ms < 10_000) return `${(ms / 1000).toFixed(2)} s`;
  return ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : formatDuration(ms);
}

const MARKS: Record<TaskResult['status'], string> = { succeeded: '✔', failed: '✖', skipped: '↷' };

/** The run as `--json` prints it: the saved run plus totals. */
export function runSummary(run: WorkflowRun): Record<string, unknown> {
  return {
    ...run,
    durationMs: ranFor(run),
    apiCallsByService: callsByService(run.apiCalls),
  };
}

export function renderRun(run: WorkflowRun): string[] {
  const duration = ranFor(run);
  const took = duration === null ? '' : ` in ${elapsed(duration)}`;
  const lines = [
    `Workflow "${run.workflowName}" (${run.workflowId}) ${run.status}${took}${run.dryRun ? ' — dry run, nothing written' : ''}`,
  ];
  const idWidth = Math.max(...run.tasks.map((t) => t.taskId.length), 4);
  const typeWidth = Math.max(...run.tasks.map((t) => t.type.length), 4);
  for (const task of run.tasks) {
    const counts = task.status === 'succeeded' ? `${task.inputCount} → ${task.outputCount}` : '';
    const time = task.status === 'skipped' ? '' : elapsed(task.durationMs);
    const why = task.error === null ? '' : `  ${task.error}`;
    lines.push(
      `  ${MARKS[task.status]} ${task.taskId.padEnd(idWidth)}  ${task.type.padEnd(typeWidth)}  ${counts.padStart(13)}  ${time}${why}`,
    );
  }
  for (const task of run.tasks) lines.push(...renderDestination(task, run.dryRun));
  const warnings = run.tasks.flatMap((task) =>
    stringList(task.details['warnings']).map((w) => `  ! ${task.taskId}: ${w}`),
  );
  if (warnings.length > 0) lines.push('Warnings:', ...warnings);
  lines.push(`API calls: ${renderCalls(run.apiCalls)}`);
  if (run.error !== null) lines.push(`Failed: ${run.error}`);
  lines.push(`Run #${run.id} saved; \`narada workflow runs ${run.id}\` shows it again.`);
  return lines;
}

function renderDestination(task: TaskResult, runDryRun: boolean): string[] {
  const writes = writesOf(task.details);
  if (writes.length === 0) return [];
  const dryRunBy = task.details['dryRunBy'] ?? (runDryRun ? 'flag' : null);
  const dry = dryRunBy === 'flag' || dryRunBy === 'config';
  const untouched = leftAlone(task.details['untouched']);
  const done = writes.map((write) => (dry ? planned(write) : performed(write))).join(dry ? '; ' : ' and ');
  const only = untouched.length > 0 ? ' only' : '';
  const alone = untouched.map((u) => `; ${COPY_WORD[u.copy]} untouched (${u.reason})`).join('');
  const header = dry
    ? `${task.taskId}: dry run (${dryRunBy === 'config' ? '"dry_run": true in its config' : '--dry-run'}), nothing written: ${done}${alone}`
    : `${task.taskId}: ${done}${only}${alone}`;
  const lines = [header];
  for (const copy of stringList(task.details['wouldEmpty'])) {
    const name = writes.find((w) => w.copy === copy)?.playlist.name ?? '?';
    const where = copyName(copy as PlaylistCopy, name);
    lines.push(
      dry
        ? `  ! this would empty ${where}: a real run refuses unless given --allow-empty`
        : `  ${where} was emptied (--allow-empty)`,
    );
  }
  for (const write of writes) lines.push(...changeLines(write, dry, writes.length > 1));
  return lines;
}

const COPY_WORD: Record<PlaylistCopy, string> = { spotify: 'Spotify', narada: "Narada's copy" };

function where(write: ReportedWrite): string {
  return write.copy === undefined ? `"${write.playlist.name}"` : copyName(write.copy, write.playlist.name);
}

function planned(write: ReportedWrite): string {
  const { change } = write;
  if (change.strategy === 'create') return `would create ${where(write)} with ${change.added} track(s)`;
  return `would add ${change.added}, remove ${change.removed}, move ${change.moved} on ${where(write)}`;
}

function performed(write: ReportedWrite): string {
  const url = write.playlist.url === undefined ? '' : ` ${write.playlist.url}`;
  if (write.change.strategy === 'create') return `created ${where(write)}${url}`;
  return `${write.change.writeCalls === 0 ? 'left unchanged' : 'updated'} ${where(write)}${url}`;
}

function changeLines(write: ReportedWrite, dryRun: boolean, named: boolean): string[] {
  const { change } = write;
  const parts = [
    `${change.added} added`,
    `${change.removed} removed`,
    `${change.moved} moved`,
    `${change.kept} kept`,
  ];
  const lines = [
    `  ${named ? `${where(write)}: ` : ''}${parts.join(', ')}; ${change.before} → ${change.after} items`,
  ];
  if (change.strategy === 'differential' && change.kept > 0) lines.push('  kept items keep their added_at');
  if (change.reAdded > 0)
    lines.push(`  ${change.reAdded} surplus copies are re-added and lose their added_at`);
  lines.push(`  ${change.writeCalls} write call(s)${alternative(change)}`);
  if (dryRun) {
    lines.push(...change.addedItems.map((item) => `    + ${item}`));
    lines.push(...change.removedItems.map((item) => `    - ${item}`));
    lines.push(...change.calls.map((call) => `    ${call}`));
  }
  return lines;
}

function alternative(change: PlaylistChange): string {
  if (change.alternativeWriteCalls === null) return '';
  if (change.strategy === 'replace')
    return ` (the differential update needed ${change.alternativeWriteCalls})`;
  return ` (a full replace would need ${change.alternativeWriteCalls} and lose every added_at)`;
}

/**
 * The error a failed run ends the command with: a task refusing its input (a playlist it would empty,
 * one that does not exist) or missing configuration (no Last.fm user for a chart) is the user's to fix
 * (exit 2, with the task's code); anything else is a failure (exit 1).
 */
export function runFailure(run: WorkflowRun): NaradaError {
  const failed = run.tasks.find(
    (task) => task.status === 'failed' && run.error?.startsWith(`task "${task.taskId}"`) === true,
  );
  const category = failed?.details['category'];
  const code = failed?.details['code'];
  const usersToFix = (category === 'input' || category === 'config') && typeof code === 'string';
  return new NaradaError(
    usersToFix ? code : 'WORKFLOW.RUN_FAILED',
    `${run.error ?? 'the workflow failed'} (run #${run.id} is saved)`,
    usersToFix ? category : 'failure',
    { details: { runId: run.id } },
  );
}

export function renderCalls(calls: Readonly<Record<string, number>>): string {
  const byService = callsByService(calls);
  const services = Object.entries(byService);
  if (services.length === 0) return 'none';
  return services
    .map(([service, total]) => {
      const endpoints = Object.entries(calls)
        .filter(([key]) => key.startsWith(`${service} `))
        .map(([key, n]) => `${key.slice(service.length + 1)} ${n}`);
      return `${service} ${total} (${endpoints.join(', ')})`;
    })
    .join('; ');
}

export function callsByService(calls: Readonly<Record<string, number>>): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const [key, count] of Object.entries(calls)) {
    const service = key.split(' ')[0]!;
    totals[service] = (totals[service] ?? 0) + count;
  }
  return totals;
}

/** What a destination wrote; runs saved before `writes` existed hold one `change` and `playlist`. */
interface ReportedWrite {
  readonly copy?: PlaylistCopy;
  readonly playlist: { readonly name: string; readonly url?: string };
  readonly change: PlaylistChange;
}

function writesOf(details: Readonly<Record<string, unknown>>): ReportedWrite[] {
  if (Array.isArray(details['writes'])) return details['writes'] as ReportedWrite[];
  const change = asChange(details['change']);
  if (change === null) return [];
  const playlist = details['playlist'] as { name?: string; url?: string } | undefined;
  return [{ playlist: { name: playlist?.name ?? '?' }, change }];
}

function leftAlone(value: unknown): LeftAlone[] {
  return Array.isArray(value) ? (value as LeftAlone[]) : [];
}

function asChange(value: unknown): PlaylistChange | null {
  if (typeof value !== 'object' || value === null || !('strategy' in value) || !('calls' in value))
    return null;
  return value as PlaylistChange;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

export function renderRunList(runs: readonly WorkflowRun[]): string[] {
  if (runs.length === 0) return ['No workflow runs yet; `narada workflow run <file>` starts one.'];
  return runs.map((run) => {
    const when = new Date(run.startedAt).toISOString().replace('T', ' ').slice(0, 16);
    const duration = ranFor(run);
    const took = duration === null ? '' : elapsed(duration);
    const flags = run.dryRun ? ' (dry run)' : '';
    return `#${String(run.id).padEnd(4)} ${when}  ${run.workflowId.padEnd(24)} ${run.status.padEnd(11)} ${run.tasks.length} tasks  ${took}${flags}`;
  });
}

/** Unknown for an interrupted run: it ended when its process died, it was found so later. */
function ranFor(run: WorkflowRun): number | null {
  return run.finishedAt === null || run.status === 'interrupted' ? null : run.finishedAt - run.startedAt;
}
