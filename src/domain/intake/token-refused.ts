// A submission whose `Authorization: Token <token>` names no user: ListenBrainz answers 401 with these
// messages (api_tools.validate_auth_header).
import { NaradaError } from '../shared/errors.js';

export class TokenRefused extends NaradaError {
  constructor(message: string) {
    super('INTAKE.UNAUTHORIZED', message, 'input');
  }
}

/** The token of an `Authorization` header as the server reads it (the word after the first space). */
export function tokenOfHeader(header: string | undefined): string {
  if (header === undefined || header === '')
    throw new TokenRefused('You need to provide an Authorization header.');
  const token = header.split(' ')[1];
  if (token === undefined) throw new TokenRefused('Provided Authorization header is invalid.');
  return token;
}
