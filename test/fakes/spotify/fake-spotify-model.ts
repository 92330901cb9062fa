// The fake Spotify's state: catalogue, users, playlists, saved tracks and the OAuth records, held as
// plain data so tests can seed and inspect it directly.

export interface FakeArtist {
  readonly id: string;
  readonly name: string;
}

export interface FakeAlbum {
  readonly id: string;
  readonly name: string;
  readonly albumType: 'album' | 'single' | 'compilation';
  /** `1981`, `1981-03` or `1981-03-24`, with the precision Spotify reports. */
  readonly releaseDate: string;
  readonly releaseDatePrecision: 'year' | 'month' | 'day';
  readonly artists: readonly FakeArtist[];
}

export interface FakeTrack {
  readonly id: string;
  readonly name: string;
  readonly artists: readonly FakeArtist[];
  readonly album: FakeAlbum;
  readonly durationMs: number;
  readonly isrc: string | null;
  readonly explicit: boolean;
  readonly discNumber: number;
  readonly trackNumber: number;
}

export interface FakeEpisode {
  readonly id: string;
  readonly name: string;
  readonly showId: string;
  readonly showName: string;
  readonly durationMs: number;
  readonly releaseDate: string;
}

export interface FakeUser {
  readonly id: string;
  readonly displayName: string;
}

/**
 * A playlist entry by URI: `spotify:track:…` (unavailable when the catalogue lacks it),
 * `spotify:episode:…` or `spotify:local:artist:album:title:seconds`.
 */
export interface FakePlaylistEntry {
  readonly uri: string;
  /** ISO 8601, as Spotify sends it. */
  readonly addedAt: string;
  readonly addedBy: string;
}

export interface FakePlaylist {
  readonly id: string;
  name: string;
  description: string | null;
  readonly ownerId: string;
  isPublic: boolean;
  collaborative: boolean;
  /** Users (besides the owner) who follow it and so see it in `GET /me/playlists`. */
  followers: string[];
  entries: FakePlaylistEntry[];
  snapshotId: string;
  version: number;
}

export interface FakeSavedTrack {
  readonly trackId: string;
  readonly addedAt: string;
}

export interface FakeAccessToken {
  readonly userId: string;
  readonly scope: string;
  expiresAt: number;
}

export interface FakeRefreshToken {
  readonly userId: string;
  readonly clientId: string;
  readonly scope: string;
  revoked: boolean;
}

export interface FakeAuthorizationCode {
  readonly userId: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scope: string;
  readonly codeChallenge: string | null;
  used: boolean;
}

export class FakeSpotifyState {
  readonly users = new Map<string, FakeUser>();
  readonly tracks = new Map<string, FakeTrack>();
  readonly episodes = new Map<string, FakeEpisode>();
  readonly playlists = new Map<string, FakePlaylist>();
  /** Per user, in the order saved (oldest first). */
  readonly saved = new Map<string, FakeSavedTrack[]>();
  readonly accessTokens = new Map<string, FakeAccessToken>();
  readonly refreshTokens = new Map<string, FakeRefreshToken>();
  readonly codes = new Map<string, FakeAuthorizationCode>();

  savedOf(userId: string): FakeSavedTrack[] {
    let list = this.saved.get(userId);
    if (list === undefined) {
      list = [];
      this.saved.set(userId, list);
    }
    return list;
  }

  /** Owners and collaborators may read and change a playlist's items (Spotify's 2026 rule). */
  mayEdit(playlist: FakePlaylist, userId: string): boolean {
    return playlist.ownerId === userId || (playlist.collaborative && playlist.followers.includes(userId));
  }
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A valid 22-character Spotify id that encodes `n`, with a letter saying what it names. */
export function fakeSpotifyId(prefix: string, n: number): string {
  let text = '';
  let rest = Math.floor(n);
  do {
    text = BASE62[rest % 62]! + text;
    rest = Math.floor(rest / 62);
  } while (rest > 0);
  return `${prefix}${text.padStart(21, '0')}`.slice(0, 22);
}

/** Opaque, unguessable-looking token text (tests never need to predict it). */
export function fakeSecret(kind: string, n: number): string {
  const noise = Buffer.from(`${kind}:${n}:${Math.random()}`).toString('base64url');
  return `${kind}-${noise}`;
}
