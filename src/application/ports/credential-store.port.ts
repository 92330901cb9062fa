// Stored logins from `narada auth …`. The file adapter keeps them mode 0600 in NARADA_HOME;
// environment variables override what is stored.

export interface SpotifyCredentials {
  readonly refreshToken: string;
  readonly accessToken?: string;
  /** Epoch ms when `accessToken` expires. */
  readonly accessTokenExpiresAt?: number;
  readonly scope?: string;
  readonly userId?: string;
  readonly displayName?: string;
}

export interface LastfmCredentials {
  readonly sessionKey: string;
  readonly username: string;
}

export interface StoredCredentials {
  readonly spotify?: SpotifyCredentials;
  readonly lastfm?: LastfmCredentials;
}

export interface CredentialStore {
  read(): Promise<StoredCredentials>;
  /** Replaces the named services' entries; `undefined` removes one. */
  write(update: Partial<StoredCredentials>): Promise<void>;
}
