// Last.fm request signing: md5 (hex) of every parameter except `format` and `callback`, sorted
// by key in ASCII order and written as key+value, followed by the API secret, all UTF-8.
import { createHash } from 'node:crypto';

const UNSIGNED = new Set(['format', 'callback']);

/** The text that is hashed, without the secret (kept apart so tests can show the order). */
export function signatureBase(params: Readonly<Record<string, string>>): string {
  return (
    Object.keys(params)
      .filter((key) => !UNSIGNED.has(key))
      // Code-unit order equals ASCII order for Last.fm's keys, so `artist[10]` sorts before `artist[1]`.
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .map((key) => `${key}${params[key]}`)
      .join('')
  );
}

export function signLastfmParams(params: Readonly<Record<string, string>>, secret: string): string {
  return createHash('md5')
    .update(`${signatureBase(params)}${secret}`, 'utf8')
    .digest('hex');
}
