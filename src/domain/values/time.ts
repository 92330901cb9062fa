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
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const ms = Date.parse(`${text}T00:00:00Z`);
    if (!Number.isNaN(ms) && new Date(ms).toISOString().startsWith(text)) return ms;
  } else if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(text)) {
    const withZone = /(Z|[+-]\d{2}:?\d{2})$/.test(text) ? text : `${text}Z`;
    const ms = Date.parse(withZone.replace(' ', 'T'));
    if (!Number.isNaN(ms)) return ms;
  }
  throw new InvalidValueError(field, input, 'expected YYYY-MM-DD, an ISO 8601 date-time, or unix seconds');
}

/** The UTC calendar date `YYYY-MM-DD` of an instant. */
export function utcDate(at: EpochMs): string {
  return new Date(at).toISOString().slice(0, 10);
}

export function toIso(at: EpochMs): string {
  return new Date(at).toISOString();
}
