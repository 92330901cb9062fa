// `narada users add NAME [--rotate]`: a user of `narada serve` and their listen-submission token,
// returned this once (only its hash is stored). `--rotate` issues a new token to an existing user.
import type { Clock } from '../../ports/clock.port.js';
import type { ServerUserStore } from '../../ports/server-user-store.port.js';
import { InvalidInputError } from '../../../domain/shared/errors.js';
import { checkServerUserName, type ServerUser } from '../../../domain/users/server-user.js';

export interface AddUserDeps {
  readonly store: ServerUserStore;
  readonly clock: Clock;
  /** A new random token (a UUID, as ListenBrainz issues). */
  readonly newToken: () => string;
}

export interface AddUserRequest {
  readonly name: string;
  /** Issue a new token to an existing user instead of refusing the name. */
  readonly rotate?: boolean;
}

export interface AddedUser extends ServerUser {
  /** The listen-submission token: shown once, never stored. */
  readonly token: string;
  /** Whether an existing user got a new token (their old one no longer works). */
  readonly rotated: boolean;
}

export class AddUser {
  constructor(private readonly deps: AddUserDeps) {}

  async run(request: AddUserRequest): Promise<AddedUser> {
    const name = checkServerUserName(request.name);
    const { store, clock, newToken } = this.deps;
    const token = newToken();
    const at = clock.now();
    const added = await store.add(name, token, at);
    if (added !== null) return { ...added, token, rotated: false };
    if (request.rotate === true) {
      const rotated = await store.replaceToken(name, token, at);
      if (rotated !== null) return { ...rotated, token, rotated: true };
    }
    throw new InvalidInputError(
      'USERS.EXISTS',
      `A user named "${name}" already exists. Run "narada users add ${name} --rotate" to issue a new ` +
        'token (the old one stops working), or choose another name.',
      { details: { name } },
    );
  }
}
