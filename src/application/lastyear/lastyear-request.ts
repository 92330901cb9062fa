// What a LastYear address may name: a Last.fm user name as Last.fm allows them, and a year from
// Last.fm's first (2002) to the current one. Anything else is refused before any call is made.
import { InvalidInputError, NaradaError } from '../../domain/shared/errors.js';
import type { EpochMs } from '../../domain/values/time.js';

/** Last.fm's first year: no scrobble is older. */
export const FIRST_LASTFM_YEAR = 2002;

/** Last.fm names: a letter, then letters, digits, `_` or `-`; 2 to 15 characters. */
const USER_NAME = /^[A-Za-z][A-Za-z0-9_-]{1,14}$/;

export const UNKNOWN_USER = 'LASTYEAR.UNKNOWN_USER';

export function checkedUserName(text: string): string {
  if (!USER_NAME.test(text)) {
    throw new InvalidInputError(
      'LASTYEAR.BAD_USER',
      'A Last.fm user name is 2 to 15 letters, digits, "_" or "-", starting with a letter; check the address',
      { details: { field: 'username' } },
    );
  }
  return text;
}

export function checkedYear(text: string, now: EpochMs): number {
  const current = new Date(now).getUTCFullYear();
  const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(year) || year < FIRST_LASTFM_YEAR || year > current) {
    throw new InvalidInputError(
      'LASTYEAR.BAD_YEAR',
      `The year must be four digits from ${FIRST_LASTFM_YEAR} to ${current}; check the address`,
      { details: { field: 'year' } },
    );
  }
  return year;
}

export function unknownUser(name: string): NaradaError {
  return new NaradaError(UNKNOWN_USER, `Last.fm knows no user named ${name}`, 'input', {
    details: { field: 'username' },
  });
}
