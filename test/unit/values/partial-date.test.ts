import { describe, expect, it } from '@jest/globals';
import { PartialDate } from '../../../src/domain/values/partial-date.js';
import { refusalOf } from './refusal.js';

describe('PartialDate.parse', () => {
  it.each([
    ['1973', 'year', 1973, null, null],
    ['1973-03', 'month', 1973, 3, null],
    ['1973-03-24', 'day', 1973, 3, 24],
    [' 2024-02-29 ', 'day', 2024, 2, 29],
    ['2000-02-29', 'day', 2000, 2, 29],
  ] as const)('reads %j with %s precision', (input, precision, year, month, day) => {
    const date = PartialDate.parse(input);
    expect(date.precision).toBe(precision);
    expect([date.year, date.month, date.day]).toEqual([year, month, day]);
  });

  it.each(['1973', '1973-03', '1973-03-24', '0999-12-31'])('prints %j back as written', (input) => {
    expect(PartialDate.parse(input).toString()).toBe(input);
  });

  it.each([
    ['1973-13', 'month must be 01 to 12'],
    ['1973-00', 'month must be 01 to 12'],
    ['2023-02-29', 'day must be 01 to 28 in that month'],
    ['1900-02-29', 'day must be 01 to 28 in that month'],
    ['2024-02-30', 'day must be 01 to 29 in that month'],
    ['2023-04-31', 'day must be 01 to 30 in that month'],
    ['2023-01-00', 'day must be 01 to 31 in that month'],
    ['2023-01-32', 'day must be 01 to 31 in that month'],
    ['0000', 'year 0000 is not a date'],
    ['73', 'expected YYYY, YYYY-MM or YYYY-MM-DD'],
    ['1973/03/24', 'expected YYYY, YYYY-MM or YYYY-MM-DD'],
    ['1973-3-4', 'expected YYYY, YYYY-MM or YYYY-MM-DD'],
    ['1973-03-24T00:00:00Z', 'expected YYYY, YYYY-MM or YYYY-MM-DD'],
    ['', 'expected YYYY, YYYY-MM or YYYY-MM-DD'],
  ])('refuses %j, naming it: %s', (input, reason) => {
    const refusal = refusalOf(() => PartialDate.parse(input));
    expect(refusal.code).toBe('VALUE.INVALID_RELEASE_DATE');
    expect(refusal.message).toBe(`Invalid release date "${input}": ${reason}`);
  });
});

describe('PartialDate.tryParse', () => {
  it.each([null, undefined, '', ' ', '0000', '2023-02-30'])('gives null for %j', (input) => {
    expect(PartialDate.tryParse(input)).toBeNull();
  });
});

describe('PartialDate ordering', () => {
  it('places a date at its first instant', () => {
    expect(PartialDate.parse('1973-03-24').toEpochMs()).toBe(Date.UTC(1973, 2, 24));
    expect(PartialDate.parse('1973-03').toEpochMs()).toBe(Date.UTC(1973, 2, 1));
    expect(PartialDate.parse('1973').toEpochMs()).toBe(Date.UTC(1973, 0, 1));
  });

  it('places years before 100 in their own century, not the 1900s', () => {
    const date = new Date(PartialDate.parse('0050-06').toEpochMs());
    expect([date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()]).toEqual([50, 5, 1]);
    expect(PartialDate.parse('0099').compare(PartialDate.parse('1950'))).toBeLessThan(0);
  });

  it('compares earlier dates as smaller', () => {
    const [early, late] = [PartialDate.parse('1973-03-24'), PartialDate.parse('1979-11-30')];
    expect(early.compare(late)).toBeLessThan(0);
    expect(late.compare(early)).toBeGreaterThan(0);
  });

  it('treats a year as equal to its first day and before any later month', () => {
    expect(PartialDate.parse('1973').compare(PartialDate.parse('1973-01-01'))).toBe(0);
    expect(PartialDate.parse('1973').compare(PartialDate.parse('1973-02'))).toBeLessThan(0);
  });

  it('sorts a mixed list chronologically', () => {
    const dates = ['1979-11-30', '1973', '1975-09', '1973-03-24'].map((text) => PartialDate.parse(text));
    expect(dates.sort((a, b) => a.compare(b)).map(String)).toEqual([
      '1973',
      '1973-03-24',
      '1975-09',
      '1979-11-30',
    ]);
  });

  it('cannot be changed', () => {
    expect(Object.isFrozen(PartialDate.parse('1973'))).toBe(true);
  });
});
