// International Standard Recording Code: CC-XXX-YY-NNNNN (country, registrant, year, designation).
import { InvalidValueError } from '../shared/errors.js';

const ISRC_PATTERN = /^[A-Z]{2}[A-Z0-9]{3}[0-9]{7}$/;

export class Isrc {
  private constructor(readonly value: string) {
    Object.freeze(this);
  }

  /** Accepts upper or lower case, with or without hyphens and spaces (`US-RC1-76-07839`). */
  static parse(input: string): Isrc {
    const compact = input.trim().replace(/[-\s]/g, '').toUpperCase();
    if (!ISRC_PATTERN.test(compact)) {
      throw new InvalidValueError(
        'ISRC',
        input,
        'expected 12 characters: 2-letter country, 3-character registrant, 2-digit year, 5-digit number (e.g. USRC17607839)',
      );
    }
    return new Isrc(compact);
  }

  static tryParse(input: string | null | undefined): Isrc | null {
    if (input == null || input.trim() === '') return null;
    try {
      return Isrc.parse(input);
    } catch {
      return null;
    }
  }

  equals(other: Isrc | null | undefined): boolean {
    return other != null && other.value === this.value;
  }

  toString(): string {
    return this.value;
  }
}
