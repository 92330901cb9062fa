// When a schedule is due: every fixed duration (`--every 12h`), or at the times of a cron expression
// (`--cron "0 6 * * *"`, in the machine's time zone or a named one). Missed times collapse: however
// many passed while nothing ran (the machine was off), the schedule runs once and is next due at the
// first time still to come. Cron times come from croner (docs/DECISIONS.md).
import { Cron } from 'croner';
import { InvalidInputError } from '../shared/errors.js';
import type { EpochMs } from '../values/time.js';

export type ScheduleRule =
  | { readonly kind: 'every'; readonly everyMs: number }
  | {
      readonly kind: 'cron';
      readonly expression: string;
      /** An IANA zone (`Europe/Berlin`); null: the machine's local time zone. */
      readonly timeZone: string | null;
    };

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
type Unit = keyof typeof UNIT_MS;
const MAX_EVERY_MS = 366 * UNIT_MS.d;

/** `30m`, `12h`, `1d`, `1w`, or parts of them together (`1h30m`), in milliseconds. */
export function parseDuration(text: string, flag = '--every'): number {
  const trimmed = text.trim().toLowerCase();
  const parts = [...trimmed.matchAll(/(\d+)\s*([mhdw])/g)];
  const whole = parts.map((part) => part[0]).join('');
  if (parts.length === 0 || whole.replace(/\s/g, '') !== trimmed.replace(/\s/g, '')) {
    throw new InvalidInputError(
      'SCHEDULE.BAD_DURATION',
      `${flag} "${text}" is not a duration: write a number and a unit, m (minutes), h (hours), d (days) or w (weeks), e.g. 30m, 12h, 1d, 1w`,
    );
  }
  const ms = parts.reduce((sum, part) => sum + Number(part[1]) * UNIT_MS[part[2] as Unit], 0);
  if (ms < UNIT_MS.m || ms > MAX_EVERY_MS) {
    throw new InvalidInputError(
      'SCHEDULE.BAD_DURATION',
      `${flag} "${text}" is out of range: give at least 1m and at most 366d`,
    );
  }
  return ms;
}

/** A duration as the shortest text `parseDuration` reads back (`90m` → `1h30m`). */
export function formatDuration(ms: number): string {
  let rest = ms;
  let text = '';
  for (const unit of ['w', 'd', 'h', 'm'] as const) {
    const count = Math.floor(rest / UNIT_MS[unit]);
    if (count > 0) text += `${count}${unit}`;
    rest -= count * UNIT_MS[unit];
  }
  return text === '' ? '0m' : text;
}

/** The rule from `--every` or `--cron` (exactly one of them) and `--tz`, checked. */
export function scheduleRule(input: {
  readonly every?: string;
  readonly cron?: string;
  readonly timeZone?: string;
}): ScheduleRule {
  const { every, cron, timeZone } = input;
  if ((every === undefined) === (cron === undefined)) {
    throw new InvalidInputError(
      'SCHEDULE.NO_RULE',
      'Say when the workflow runs with exactly one of --every <duration> (e.g. --every 12h) or --cron "<expression>" (e.g. --cron "0 6 * * *")',
    );
  }
  if (every !== undefined) {
    if (timeZone !== undefined) {
      throw new InvalidInputError(
        'SCHEDULE.TZ_WITHOUT_CRON',
        '--tz applies to --cron times only; --every counts from when the schedule was added',
      );
    }
    return { kind: 'every', everyMs: parseDuration(every) };
  }
  const rule: ScheduleRule = {
    kind: 'cron',
    expression: (cron ?? '').trim().replace(/\s+/g, ' '),
    timeZone: timeZone === undefined ? null : checkedTimeZone(timeZone),
  };
  cronOf(rule);
  return rule;
}

/** When a schedule added at `now` is first due: at once for `--every`, the next cron time for `--cron`. */
export function firstDueAt(rule: ScheduleRule, now: EpochMs): EpochMs {
  return rule.kind === 'every' ? now : nextCronTime(rule, now);
}

/**
 * When a schedule due at `dueAt` is next due, its run having ended at `now`: the first of its times
 * after `now`, so times missed while the machine was off (or during a long run) are not made up.
 * `--every` times stay on the grid of the first due time.
 */
export function nextDueAfter(rule: ScheduleRule, dueAt: EpochMs, now: EpochMs): EpochMs {
  if (rule.kind === 'cron') return nextCronTime(rule, now);
  const steps = Math.max(1, Math.floor((now - dueAt) / rule.everyMs) + 1);
  return dueAt + steps * rule.everyMs;
}

/** `every 12h`, `cron 0 6 * * * (Europe/Berlin)`. */
export function describeRule(rule: ScheduleRule): string {
  if (rule.kind === 'every') return `every ${formatDuration(rule.everyMs)}`;
  return `cron ${rule.expression}${rule.timeZone === null ? '' : ` (${rule.timeZone})`}`;
}

function nextCronTime(rule: Extract<ScheduleRule, { kind: 'cron' }>, after: EpochMs): EpochMs {
  const next = cronOf(rule).nextRun(new Date(after));
  if (next === null) {
    throw new InvalidInputError(
      'SCHEDULE.BAD_CRON',
      `--cron "${rule.expression}" has no time after ${new Date(after).toISOString()}; give an expression that repeats`,
    );
  }
  return next.getTime();
}

/** Five fields, minute first, as crontab and `systemd` users write them; day-of-month OR day-of-week. */
function cronOf(rule: Extract<ScheduleRule, { kind: 'cron' }>): Cron {
  const fields = rule.expression.split(' ').length;
  if (fields !== 5 && !rule.expression.startsWith('@')) {
    throw badCron(rule, `it has ${fields} field${fields === 1 ? '' : 's'}`);
  }
  try {
    return new Cron(rule.expression, {
      mode: '5-part',
      ...(rule.timeZone === null ? {} : { timezone: rule.timeZone }),
    });
  } catch (error) {
    throw badCron(
      rule,
      error instanceof Error ? error.message.replace(/^CronPattern:\s*/, '') : String(error),
    );
  }
}

function badCron(rule: Extract<ScheduleRule, { kind: 'cron' }>, why: string): InvalidInputError {
  return new InvalidInputError(
    'SCHEDULE.BAD_CRON',
    `--cron "${rule.expression}" is not a cron expression (${why}); write five fields, minute hour day-of-month month day-of-week, e.g. "0 6 * * *" for 06:00 every day`,
  );
}

function checkedTimeZone(zone: string): string {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    throw new InvalidInputError(
      'SCHEDULE.BAD_TIME_ZONE',
      `--tz "${zone}" is not a time zone: give an IANA name such as Europe/Berlin or America/New_York`,
    );
  }
}
