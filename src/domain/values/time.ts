// Points in time are epoch milliseconds (UTC): cheap to store and compare across millions of
// listens. Parsing user-typed dates lives here so every command accepts the same forms.
import { InvalidValueError } from '../shared/errors.js';

export type EpochMs = number;

/**
 * Parses `2024-05-01` (midnight UTC), `2024-05-01T10:00:00Z` / with offset, or unix seconds
 * (`1714557600`). `field` names the flag or key in the error message.
 */
export function parseInstant(input: string, field = 'date'): EpochMs {
  const text = input.trim();
  if (/^\d{9,11}$/.test(text)) return Number(text) * 1000;
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/.exec(
    text,
  );
  if (match) {
    const [, date = '', time, zone] = match;
    // Date.parse rolls impossible days over (Feb 30 → Mar 1), so the calendar day is checked first.
    if (!isCalendarDay(date))
      throw new InvalidValueError(field, input, `${date} is not a day of the calendar`);
    const ms = Date.parse(time === undefined ? `${date}T00:00:00Z` : `${date}T${time}${zone ?? 'Z'}`);
    if (!Number.isNaN(ms)) return ms;
  }
  throw new InvalidValueError(field, input, 'expected YYYY-MM-DD, an ISO 8601 date-time, or unix seconds');
}

function isCalendarDay(date: string): boolean {
  const ms = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(date);
}

/** The UTC calendar date `YYYY-MM-DD` of an instant. */
export function utcDate(at: EpochMs): string {
  return new Date(at).toISOString().slice(0, 10);
}

export function toIso(at: EpochMs): string {
  return new Date(at).toISOString();
}
