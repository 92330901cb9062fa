// MusicBrainz identifier: a UUID, stored lower-case.
import { InvalidValueError } from '../shared/errors.js';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MUSICBRAINZ_URL = /^(https?:\/\/)?([a-z0-9-]+\.)*musicbrainz\.org\//;

export class Mbid {
  private constructor(readonly value: string) {
    Object.freeze(this);
  }

  /** Accepts a bare UUID or a musicbrainz.org URL that names one (`https://musicbrainz.org/recording/<uuid>`). */
  static parse(input: string): Mbid {
    const trimmed = input.trim().toLowerCase();
    const candidate = MUSICBRAINZ_URL.test(trimmed) ? uuidInUrl(trimmed) : trimmed;
    if (candidate === null || !UUID_PATTERN.test(candidate)) {
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

/** The UUID path segment of a MusicBrainz page or WS/2 URL; a trailing slash, query or `#fragment` is fine. */
function uuidInUrl(text: string): string | null {
  try {
    const url = new URL(text.startsWith('http') ? text : `https://${text}`);
    return url.pathname.split('/').find((segment) => UUID_PATTERN.test(segment)) ?? null;
  } catch {
    return null;
  }
}
