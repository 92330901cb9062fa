// MusicBrainz identifier: a UUID, stored lower-case.
import { InvalidValueError } from '../shared/errors.js';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class Mbid {
  private constructor(readonly value: string) {
    Object.freeze(this);
  }

  /** Accepts a bare UUID or a musicbrainz.org URL ending in one. */
  static parse(input: string): Mbid {
    const trimmed = input.trim().toLowerCase();
    const candidate =
      trimmed.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)?.[0] ?? trimmed;
    const isUrl = trimmed.includes('musicbrainz.org/');
    if (!UUID_PATTERN.test(candidate) || (!isUrl && candidate !== trimmed)) {
      throw new InvalidValueError(
        'MBID',
        input,
        'expected a MusicBrainz UUID like 5b11f4ce-a62d-471e-81fc-a69a8278c7da',
      );
    }
    return new Mbid(candidate);
  }

  static tryParse(input: string | null | undefined): Mbid | null {
    if (input == null || input.trim() === '') return null;
    try {
      return Mbid.parse(input);
    } catch {
      return null;
    }
  }

  equals(other: Mbid | null | undefined): boolean {
    return other != null && other.value === this.value;
  }

  toString(): string {
    return this.value;
  }
}
