// A user of `narada serve`: who a listen-submission token belongs to. The name is also the listener
// the submitted listens are recorded under in the ledger, so naming a user as the Last.fm account is
// named makes a player's listen and the same scrobble imported from Last.fm count once.
import { InvalidInputError } from '../shared/errors.js';
import type { EpochMs } from '../values/time.js';

export interface ServerUser {
  readonly id: number;
  readonly name: string;
  readonly createdAt: EpochMs;
  /** When the current token was issued (`narada users add --rotate` issues a new one). */
  readonly tokenIssuedAt: EpochMs;
}

/** Letters, digits, `_`, `-` and `.`, as service user names are (Last.fm's, ListenBrainz's). */
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** The name as given, or an input error naming it and the rule it breaks. */
export function checkServerUserName(name: string): string {
  if (NAME.test(name)) return name;
  throw new InvalidInputError(
    'USERS.INVALID_NAME',
    `The user name "${name}" is not usable: use 1 to 64 letters, digits, "_", "-" or ".", starting with ` +
      "a letter or digit (your Last.fm user name, so its scrobbles and your players' listens count once).",
    { details: { name } },
  );
}
