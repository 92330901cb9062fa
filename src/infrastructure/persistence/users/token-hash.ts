// Tokens are stored as their SHA-256 (hex): a copy of the database gives no one a working token. A
// token is a random UUID (122 random bits), so a fast unsalted hash is enough to make it unguessable.
import { createHash } from 'node:crypto';

export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
