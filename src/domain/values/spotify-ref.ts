// A reference to a Spotify object, parsed from a bare id, a `spotify:` URI or an open.spotify.com URL.
import { InvalidValueError } from '../shared/errors.js';

export type SpotifyKind = 'track' | 'playlist' | 'album' | 'artist' | 'episode' | 'show' | 'user';

const KINDS: readonly SpotifyKind[] = ['track', 'playlist', 'album', 'artist', 'episode', 'show', 'user'];
const BASE62_ID = /^[0-9A-Za-z]{22}$/;
// User ids are free-form (legacy user names), so they only need to be URI-safe; the Web API sends
// non-ASCII names percent-encoded (`spotify:user:spotify_espa%C3%B1a`).
const USER_ID = /^(?:[0-9A-Za-z._-]|%[0-9A-Fa-f]{2}){1,64}$/;

export class SpotifyRef {
  private constructor(
    readonly kind: SpotifyKind,
    readonly id: string,
  ) {
    Object.freeze(this);
  }

  /**
   * Parses `4iV5W9uYEdYUVa79Axb7Rh`, `spotify:track:4iV5…`, `https://open.spotify.com/track/4iV5…?si=…`
   * (also `/intl-xx/` and `/embed/` paths, and the legacy `spotify:user:<name>:playlist:<id>` and
   * `/user/<name>/playlist/<id>` forms). A bare id takes `expected` as its kind; a URI or URL of another
   * kind is refused.
   */
  static parse(input: string, expected: SpotifyKind): SpotifyRef {
    const text = input.trim();
    const fail = (reason: string): never => {
      throw new InvalidValueError(`Spotify ${expected}`, input, reason);
    };
    let kind: string = expected;
    let id = text;
    if (text.startsWith('spotify:')) {
      const parts = withoutLegacyOwner(text.split(':').slice(1));
      if (parts.length !== 2) fail(`expected spotify:${expected}:<id>`);
      [kind = '', id = ''] = parts;
    } else if (/^(https?:\/\/)?(open|play)\.spotify\.com\//i.test(text)) {
      let url: URL;
      try {
        url = new URL(text.startsWith('http') ? text : `https://${text}`);
      } catch {
        return fail('not a valid URL');
      }
      const segments = withoutLegacyOwner(
        url.pathname.split('/').filter((s) => s !== '' && !s.startsWith('intl-') && s !== 'embed'),
      );
      if (segments.length < 2) fail(`expected https://open.spotify.com/${expected}/<id>`);
      [kind = '', id = ''] = segments;
    }
    if (!KINDS.includes(kind as SpotifyKind)) fail(`unknown Spotify object type "${kind}"`);
    if (kind !== expected) fail(`this is a ${kind}, but a ${expected} is needed here`);
    if (kind === 'user' && !USER_ID.test(id))
      fail('expected a Spotify user id (letters, digits, ".", "_", "-")');
    if (kind !== 'user' && !BASE62_ID.test(id))
      fail(`expected a 22-character Spotify id, a spotify:${expected}:<id> URI or an open.spotify.com link`);
    return new SpotifyRef(kind as SpotifyKind, id);
  }

  static tryParse(input: string | null | undefined, expected: SpotifyKind): SpotifyRef | null {
    if (input == null) return null;
    try {
      return SpotifyRef.parse(input, expected);
    } catch {
      return null;
    }
  }

  get uri(): string {
    return `spotify:${this.kind}:${this.id}`;
  }

  get url(): string {
    return `https://open.spotify.com/${this.kind}/${this.id}`;
  }

  equals(other: SpotifyRef | null | undefined): boolean {
    return other != null && other.kind === this.kind && other.id === this.id;
  }

  toString(): string {
    return this.uri;
  }
}

/** `user/<name>/playlist/<id>` (older playlist links, still in some API hrefs and URIs) names the playlist. */
function withoutLegacyOwner(path: readonly string[]): readonly string[] {
  return path[0] === 'user' && path[2] === 'playlist' ? path.slice(2) : path;
}
