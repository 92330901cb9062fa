import { describe, expect, it } from '@jest/globals';
import {
  describeRule,
  firstDueAt,
  formatDuration,
  nextDueAfter,
  parseDuration,
  scheduleRule,
  type ScheduleRule,
} from '../../../src/domain/schedules/schedule-rule.js';
import { NaradaError } from '../../../src/domain/shared/errors.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const at = (iso: string): number => Date.parse(iso);

function inputError(run: () => unknown): NaradaError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(NaradaError);
    expect((error as NaradaError).category).toBe('input');
    return error as NaradaError;
  }
  throw new Error('expected an input error');
}

describe('durations', () => {
  it('read minutes, hours, days, weeks and their sums', () => {
    expect(parseDuration('30m')).toBe(30 * MIN);
    expect(parseDuration('12h')).toBe(12 * HOUR);
    expect(parseDuration('1d')).toBe(DAY);
    expect(parseDuration('1w')).toBe(7 * DAY);
    expect(parseDuration('1h30m')).toBe(90 * MIN);
    expect(parseDuration(' 1h 30m ')).toBe(90 * MIN);
  });

  it('refuse what is not a duration, naming the flag and the units', () => {
    for (const text of ['12', 'h', '12x', '12h foo', '1.5h', '-1h', '']) {
      const error = inputError(() => parseDuration(text));
      expect(error.code).toBe('SCHEDULE.BAD_DURATION');
      expect(error.message).toContain(`--every "${text}"`);
      expect(error.message).toContain('30m, 12h, 1d, 1w');
    }
  });

  it('refuse nothing at all and more than a year', () => {
    expect(inputError(() => parseDuration('0m')).message).toContain('at least 1m');
    expect(inputError(() => parseDuration('400d')).message).toContain('at most 366d');
  });

  it('print back as they are read', () => {
    expect(formatDuration(90 * MIN)).toBe('1h30m');
    expect(formatDuration(7 * DAY + HOUR)).toBe('1w1h');
    for (const text of ['15m', '12h', '1d', '2w', '1d6h'])
      expect(formatDuration(parseDuration(text))).toBe(text);
  });
});

describe('the rule of a schedule', () => {
  it('takes exactly one of --every and --cron', () => {
    expect(inputError(() => scheduleRule({})).code).toBe('SCHEDULE.NO_RULE');
    expect(inputError(() => scheduleRule({ every: '1h', cron: '0 6 * * *' })).code).toBe('SCHEDULE.NO_RULE');
    expect(scheduleRule({ every: '12h' })).toEqual({ kind: 'every', everyMs: 12 * HOUR });
  });

  it('checks a cron expression has five fields and valid values', () => {
    expect(scheduleRule({ cron: ' 0  6 * * * ' })).toEqual({
      kind: 'cron',
      expression: '0 6 * * *',
      timeZone: null,
    });
    expect(inputError(() => scheduleRule({ cron: '0 6 * *' })).message).toContain(
      '--cron "0 6 * *" is not a cron expression (it has 4 fields)',
    );
    expect(inputError(() => scheduleRule({ cron: '61 * * * *' })).message).toContain('minute');
    expect(inputError(() => scheduleRule({ cron: '0 0 6 * * *' })).code).toBe('SCHEDULE.BAD_CRON');
  });

  it('checks the time zone, which only cron times take', () => {
    expect(scheduleRule({ cron: '0 6 * * *', timeZone: 'Europe/Berlin' })).toMatchObject({
      timeZone: 'Europe/Berlin',
    });
    expect(inputError(() => scheduleRule({ cron: '0 6 * * *', timeZone: 'Mars/Base' })).code).toBe(
      'SCHEDULE.BAD_TIME_ZONE',
    );
    expect(inputError(() => scheduleRule({ every: '1h', timeZone: 'Europe/Berlin' })).code).toBe(
      'SCHEDULE.TZ_WITHOUT_CRON',
    );
  });

  it('reads as the user wrote it', () => {
    expect(describeRule({ kind: 'every', everyMs: 12 * HOUR })).toBe('every 12h');
    expect(describeRule({ kind: 'cron', expression: '0 6 * * *', timeZone: 'Europe/Berlin' })).toBe(
      'cron 0 6 * * * (Europe/Berlin)',
    );
  });
});

describe('when a schedule is due', () => {
  const every12h: ScheduleRule = { kind: 'every', everyMs: 12 * HOUR };
  const sixInBerlin: ScheduleRule = { kind: 'cron', expression: '0 6 * * *', timeZone: 'Europe/Berlin' };

  it('is due at once when added with --every, and at the next cron time with --cron', () => {
    const now = at('2026-12-06T19:00:00Z');
    expect(firstDueAt(every12h, now)).toBe(now);
    // 06:00 in Berlin is 05:00 UTC in winter.
    expect(firstDueAt(sixInBerlin, now)).toBe(at('2026-12-07T05:00:00Z'));
  });

  it('follows the cron time zone across a daylight-saving change', () => {
    expect(nextDueAfter(sixInBerlin, 0, at('2026-03-28T12:00:00Z'))).toBe(at('2026-03-29T04:00:00Z'));
  });

  it('after a run on time, is next due one period on', () => {
    const due = at('2026-12-06T06:00:00Z');
    expect(nextDueAfter(every12h, due, due + 5 * MIN)).toBe(due + 12 * HOUR);
    expect(nextDueAfter(sixInBerlin, due, due + 5 * MIN)).toBe(at('2026-12-07T05:00:00Z'));
  });

  it('after the machine was off for many periods, runs once and is next due at the first time still to come', () => {
    const due = at('2026-12-01T06:00:00Z');
    const back = at('2026-12-06T09:30:00Z');
    // Ten slots passed; the next is the first on the same 12-hour grid after now, not one of the missed.
    expect(nextDueAfter(every12h, due, back)).toBe(at('2026-12-06T18:00:00Z'));
    expect(nextDueAfter(sixInBerlin, due, back)).toBe(at('2026-12-07T05:00:00Z'));
  });

  it('after a run that outlasted its period, skips the time that passed during the run', () => {
    const due = at('2026-12-06T06:00:00Z');
    expect(nextDueAfter({ kind: 'every', everyMs: 15 * MIN }, due, due + 20 * MIN)).toBe(due + 30 * MIN);
  });

  it('a failed run is retried at the next time, not at once: the next time is always after now', () => {
    const due = at('2026-12-06T06:00:00Z');
    for (const now of [due, due + 1, due + 12 * HOUR, due + 12 * HOUR + 1]) {
      expect(nextDueAfter(every12h, due, now)).toBeGreaterThan(now);
    }
  });
});
