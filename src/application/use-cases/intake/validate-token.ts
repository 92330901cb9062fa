// `GET /1/validate-token`: whose token this is, as ListenBrainz answers it. The token comes in an
// `Authorization: Token <token>` header, or (ListenBrainz's older form) as `?token=`.
import type { ServerUserStore } from '../../ports/server-user-store.port.js';
import { InvalidInputError } from '../../../domain/shared/errors.js';
import type { ServerUser } from '../../../domain/users/server-user.js';

export interface ValidateTokenRequest {
  readonly authorization: string | undefined;
  readonly queryToken: string | undefined;
}

export class ValidateToken {
  constructor(private readonly users: ServerUserStore) {}

  /** The token's user, or null when it belongs to none. */
  async run(request: ValidateTokenRequest): Promise<ServerUser | null> {
    const header = request.authorization;
    const token =
      header !== undefined && header.toLowerCase().startsWith('token ')
        ? header.split(' ')[1]
        : request.queryToken;
    if (token === undefined || token === '')
      throw new InvalidInputError('INTAKE.NO_TOKEN', 'You need to provide an Authorization token.');
    return this.users.byToken(token);
  }
}
