// How a workflow run reads on a terminal: one line per task, then what each destination changed (or
// would change, in a dry run) with its calls, the warnings, and the API calls per service.
import type { TaskResult, WorkflowRun } from '../../../domain/workflow/workflow-run.js';
import type { PlaylistChange } from '../../../application/workflow/playlist-update/playlist-change.js';
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

function renderDestination(task: TaskResult, dryRun: boolean): string[] {
  const change = asChange(task.details['change']);
  if (change === null) return [];
  const playlist = task.details['playlist'] as { name?: string; url?: string } | undefined;
  const name = playlist?.name ?? '?';
  const verb =
    change.strategy === 'create'
      ? dryRun
        ? 'would create'
        : 'created'
      : dryRun
        ? 'would change'
        : 'changed';
  const url = playlist?.url && !dryRun ? ` ${playlist.url}` : '';
  const lines = [`${task.taskId}: ${verb} "${name}"${url}`];
  const parts = [
    `${change.added} added`,
    `${change.removed} removed`,
    `${change.moved} moved`,
    `${change.kept} kept`,
  ];
  lines.push(`  ${parts.join(', ')}; ${change.before} → ${change.after} items`);
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
