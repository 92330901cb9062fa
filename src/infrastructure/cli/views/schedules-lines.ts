// How schedules read: one block per schedule (rule, next due time in this machine's time zone, last
// run and why it failed), what `run-due` ran, and what `install` wrote or would write.
import type { RunDueReport } from '../../../application/use-cases/schedules/run-due-schedules.js';
import type { InstallResult } from '../../schedules/timer-install.js';
import type { Schedule } from '../../../domain/schedules/schedule.js';
import { describeRule, formatDuration } from '../../../domain/schedules/schedule-rule.js';
import { toIso } from '../../../domain/values/time.js';

/** A schedule as `--json` prints it: its fields, with times also as ISO 8601 (UTC). */
export function scheduleJson(schedule: Schedule): Record<string, unknown> {
  const { rule } = schedule;
  return {
    id: schedule.id,
    name: schedule.name,
    workflow: schedule.workflow,
    parameters: { ...schedule.parameters },
    rule: rule.kind === 'every' ? { ...rule, every: formatDuration(rule.everyMs) } : rule,
    ruleText: describeRule(rule),
    createdAt: schedule.createdAt,
    nextDueAt: schedule.nextDueAt,
    nextDue: toIso(schedule.nextDueAt),
    runningSince: schedule.runningSince,
    runCount: schedule.runCount,
    lastRun: schedule.lastRun,
  };
}

export function renderAdded(schedule: Schedule): string[] {
  return [
    `Added schedule ${schedule.id} (${schedule.name}): ${workflowText(schedule)}, ${describeRule(schedule.rule)}`,
    `  next due ${localTime(schedule.nextDueAt)}`,
    'Due schedules run when `narada schedule run-due` runs: `narada schedule install` makes this machine call it.',
  ];
}

export function renderSchedules(schedules: readonly Schedule[]): string[] {
  if (schedules.length === 0) {
    return ['No schedules yet; add one with `narada schedule add <workflow> --every 12h`.'];
  }
  return schedules.flatMap((schedule) => [
    `${String(schedule.id).padStart(3)}  ${schedule.name}: ${workflowText(schedule)}, ${describeRule(schedule.rule)}`,
    `     next due ${localTime(schedule.nextDueAt)}${schedule.runningSince === null ? '' : ` (running since ${localTime(schedule.runningSince)})`}`,
    `     last run ${lastRunText(schedule)}`,
  ]);
}

export function runDueJson(report: RunDueReport): Record<string, unknown> {
  return {
    ...report,
    runs: report.runs.map((run) => ({
      ...run,
      nextDue: run.nextDueAt === null ? null : toIso(run.nextDueAt),
    })),
  };
}

const MARKS = { succeeded: '✔', failed: '✖', taken: '·', 'would-run': '→', 'would-fail': '✖' } as const;

export function renderRunDue(report: RunDueReport): string[] {
  if (report.runs.length === 0) return [`Nothing is due (${localTime(report.checkedAt)}).`];
  const lines = report.runs.flatMap((run) => {
    const what = `${MARKS[run.status]} ${run.scheduleId} ${run.name} (${run.workflowId})`;
    const head =
      run.status === 'taken'
        ? `${what}: another run-due has it`
        : run.status === 'would-run'
          ? `${what}: would run`
          : run.status === 'would-fail'
            ? `${what}: would fail: ${run.reason}`
            : `${what} ${run.status}${run.workflowRunId === null ? '' : ` (workflow run #${run.workflowRunId})`}${run.reason === null ? '' : `: ${run.reason}`}`;
    const next = run.nextDueAt === null || report.dryRun ? [] : [`    next due ${localTime(run.nextDueAt)}`];
    return [head, ...run.notes.map((note) => `    ! ${note}`), ...next];
  });
  return report.dryRun ? [...lines, 'Dry run: nothing ran, nothing was written.'] : lines;
}

export function renderInstall(result: InstallResult): string[] {
  const lines: string[] = [];
  for (const file of result.files) {
    lines.push(`${result.dryRun ? 'Would write' : 'Wrote'} ${file.path}:`, ...indent(file.content));
  }
  if (result.cronLine !== null) {
    lines.push(
      result.installed
        ? 'Installed in your crontab:'
        : result.dryRun
          ? 'Would install this crontab line:'
          : 'The crontab line:',
      `  ${result.cronLine}`,
    );
  }
  if (result.next.length > 0) {
    lines.push(
      result.dryRun ? 'Then it would take:' : 'To start the timer, run:',
      ...result.next.map((c) => `  ${c}`),
    );
  }
  lines.push(...result.notes.map((note) => `! ${note}`));
  if (result.dryRun) lines.push('Dry run: nothing was written.');
  return lines;
}

function indent(text: string): string[] {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => `  ${line}`);
}

function workflowText(schedule: Schedule): string {
  const { workflow } = schedule;
  const params = Object.entries(schedule.parameters).map(([k, v]) => `${k}=${v}`);
  const where = workflow.kind === 'file' ? workflow.ref : `workflow ${workflow.ref}`;
  return `${where}${params.length === 0 ? '' : ` [${params.join(', ')}]`}`;
}

function lastRunText(schedule: Schedule): string {
  const last = schedule.lastRun;
  if (last === null) return 'never';
  const run = last.workflowRunId === null ? '' : `, workflow run #${last.workflowRunId}`;
  const why = last.reason === null ? '' : `: ${last.reason}`;
  return `${localTime(last.startedAt)} ${last.outcome}${run}${why}`;
}

/** `2026-12-07 06:00 UTC`, in this machine's time zone. */
function localTime(at: number): string {
  return new Date(at).toLocaleString('sv-SE', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  });
}
