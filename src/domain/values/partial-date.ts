// A release date as services give it: a year, a year and month, or a full day.
import { InvalidValueError } from '../shared/errors.js';

export type DatePrecision = 'year' | 'month' | 'day';

export class PartialDate {
  private constructor(
    readonly year: number,
    readonly month: number | null,
    readonly day: number | null,
  ) {
    Object.freeze(this);
  }

  get precision(): DatePrecision {
    return this.day !== null ? 'day' : this.month !== null ? 'month' : 'year';
  }

  /** Accepts `1973`, `1973-03`, `1973-03-24` (Spotify's and MusicBrainz's forms). */
  static parse(input: string): PartialDate {
    const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(input.trim());
    if (!match) throw new InvalidValueError('release date', input, 'expected YYYY, YYYY-MM or YYYY-MM-DD');
    const year = Number(match[1]);
    const month = match[2] === undefined ? null : Number(match[2]);
    const day = match[3] === undefined ? null : Number(match[3]);
    if (year === 0) throw new InvalidValueError('release date', input, 'year 0000 is not a date');
    if (month !== null && (month < 1 || month > 12)) {
      throw new InvalidValueError('release date', input, 'month must be 01 to 12');
    }
    if (day !== null && month !== null) {
      const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
      if (day < 1 || day > daysInMonth) {
        throw new InvalidValueError('release date', input, `day must be 01 to ${daysInMonth} in that month`);
      }
    }
    return new PartialDate(year, month, day);
  }

  static tryParse(input: string | null | undefined): PartialDate | null {
    if (input == null || input.trim() === '') return null;
    try {
      return PartialDate.parse(input);
    } catch {
      return null;
    }
  }

  /** Earliest instant the date can denote, for sorting and age filters. */
  toEpochMs(): number {
    // Not Date.UTC: it reads years 0–99 as 1900–1999.
    const at = new Date(0);
    at.setUTCFullYear(this.year, (this.month ?? 1) - 1, this.day ?? 1);
    return at.getTime();
  }

  compare(other: PartialDate): number {
    return this.toEpochMs() - other.toEpochMs();
  }

  toString(): string {
    const pad = (n: number) => String(n).padStart(2, '0');
    return [
      String(this.year).padStart(4, '0'),
      this.month === null ? null : pad(this.month),
      this.day === null ? null : pad(this.day),
    ]
      .filter((part) => part !== null)
      .join('-');
  }
}
