import { describe, expect, it } from '@jest/globals';
import { parseInstant, toIso, utcDate } from '../../../src/domain/values/time.js';
import { refusalOf } from './refusal.js';

describe('parseInstant', () => {
  it.each([
    ['2024-05-01', Date.UTC(2024, 4, 1)],
    [' 2024-05-01 ', Date.UTC(2024, 4, 1)],
    ['2024-05-01T10:00:00Z', Date.UTC(2024, 4, 1, 10)],
    ['2024-05-01T10:00:00.250Z', Date.UTC(2024, 4, 1, 10, 0, 0, 250)],
    ['2024-05-01T10:00Z', Date.UTC(2024, 4, 1, 10)],
    ['2024-05-01T10:00:00', Date.UTC(2024, 4, 1, 10)],
    ['2024-05-01 10:00', Date.UTC(2024, 4, 1, 10)],
    ['2024-05-01T12:00:00+02:00', Date.UTC(2024, 4, 1, 10)],
    ['2024-05-01T12:00:00+0200', Date.UTC(2024, 4, 1, 10)],
    ['2024-05-01T05:00:00-05:00', Date.UTC(2024, 4, 1, 10)],
    ['2024-02-29T23:59:59Z', Date.UTC(2024, 1, 29, 23, 59, 59)],
    ['1714557600', 1_714_557_600_000],
    ['999999999', 999_999_999_000],
  ])('reads %j as UTC epoch ms (no zone means UTC)', (input, expected) => {
    expect(parseInstant(input)).toBe(expected);
  });

  it('names the field and the value when it refuses', () => {
    const refusal = refusalOf(() => parseInstant('yesterday', '--since'));
    expect(refusal.details).toEqual({ kind: '--since', value: 'yesterday' });
    expect(refusal.message).toBe(
      'Invalid --since "yesterday": expected YYYY-MM-DD, an ISO 8601 date-time, or unix seconds',
    );
  });

  it('calls the field "date" when none is given', () => {
    const refusal = refusalOf(() => parseInstant('soon'));
    expect(refusal.code).toBe('VALUE.INVALID_DATE');
    expect(refusal.message).toContain('Invalid date "soon"');
  });

  it.each(['2024-02-30', '2023-02-29', '2024-04-31'])('refuses the day that does not exist, %j', (input) => {
    expect(refusalOf(() => parseInstant(input, '--until')).message).toBe(
      `Invalid --until "${input}": ${input} is not a day of the calendar`,
    );
  });

  it('refuses an impossible day in a date-time instead of rolling it into the next month', () => {
    expect(refusalOf(() => parseInstant('2024-02-30T10:00:00Z')).message).toContain(
      '2024-02-30 is not a day of the calendar',
    );
  });

  it.each([
    '',
    '2024-13-01',
    '2024-05-01T25:00Z',
    '2024-05-01T10:60Z',
    '2024-5-1',
    '01/05/2024',
    '20240501',
    '1714557600000',
    '-1714557600',
    '2024-05-01T10:00:00+2',
    '2024-05-01Z',
  ])('refuses %j', (input) => {
    expect(refusalOf(() => parseInstant(input)).message).toContain(`Invalid date "${input}"`);
  });
});

describe('utcDate and toIso', () => {
  it('give the UTC calendar date and ISO text of an instant', () => {
    const at = Date.UTC(2024, 11, 31, 23, 30);
    expect(utcDate(at)).toBe('2024-12-31');
    expect(toIso(at)).toBe('2024-12-31T23:30:00.000Z');
  });
});
