// A wire-compatible fake of Spotify's Web API (2026, development mode) and accounts service on
// 127.0.0.1, with seedable state, real rules (auth, paging and batch limits, removed routes) and faults.
import { FakeHttpServer, type LoggedRequest } from '../fake-http-server.js';
import { FakeSpotifyAccounts, type FakeAccountsSettings } from './fake-spotify-accounts.js';
import { FakeSpotifyBodyFaults, type BodyFaultOptions } from './fake-spotify-body-faults.js';
import { isoSeconds, type FakeSpotifyContext } from './fake-spotify-context.js';
import {
  FakeSpotifyGuard,
  type FakeSpotifyRandomFaults,
  type RemovedRouteCall,
} from './fake-spotify-guard.js';
import { registerLibraryRoutes } from './fake-spotify-library-routes.js';
import {
  fakeSpotifyId,
  FakeSpotifyState,
  type FakeEpisode,
  type FakePlaylist,
  type FakePlaylistEntry,
  type FakeTrack,
  type FakeUser,
} from './fake-spotify-model.js';
import { registerPlaylistRoutes } from './fake-spotify-playlist-routes.js';
import { FakeSpotifyWire } from './fake-spotify-wire.js';

export interface FakeSpotifyOptions {
  readonly clientId?: string;
  /** Set to require confidential-client (Basic) authentication as an alternative to PKCE. */
  readonly clientSecret?: string | null;
  readonly accessTokenLifetimeSeconds?: number;
  readonly rotateRefreshTokens?: boolean;
  /** The user every token belongs to unless said otherwise. */
  readonly user?: FakeUser;
  readonly now?: () => number;
  /** Seeded random 429s and token expiries from the start (see `injectRandomFaults`). */
  readonly randomFaults?: FakeSpotifyRandomFaults;
}

export interface PlaylistSeed {
  readonly id?: string;
  readonly name?: string;
  readonly description?: string | null;
  readonly ownerId?: string;
  readonly isPublic?: boolean;
  readonly collaborative?: boolean;
  readonly followers?: readonly string[];
  /** URIs (added by the owner at successive seconds from 2020-01-01) or full entries. */
  readonly entries?: ReadonlyArray<string | FakePlaylistEntry>;
}

export const FAKE_SPOTIFY_SCOPES =
  'playlist-read-private playlist-read-collaborative playlist-modify-private playlist-modify-public user-library-read user-library-modify';
const SEED_EPOCH = Date.UTC(2020, 0, 1);

export class FakeSpotify {
  readonly state = new FakeSpotifyState();
  readonly settings: FakeAccountsSettings;
  readonly defaultUserId: string;
  private readonly server = new FakeHttpServer();
  private readonly guard: FakeSpotifyGuard;
  private readonly accounts: FakeSpotifyAccounts;
  private readonly bodyFaults = new FakeSpotifyBodyFaults();
  private base = '';
  private seededPlaylists = 0;

  constructor(options: FakeSpotifyOptions = {}) {
    const now = options.now ?? Date.now;
    const ctx: FakeSpotifyContext = {
      state: this.state,
      wire: new FakeSpotifyWire(this.state, () => this.apiUrl),
      now,
      origin: () => this.base,
      bodyFaults: this.bodyFaults,
    };
    const user = options.user ?? { id: 'narada-listener', displayName: 'Narada Listener' };
    this.state.users.set(user.id, user);
    this.defaultUserId = user.id;
    this.settings = {
      clientId: options.clientId ?? 'fake-spotify-client-id',
      clientSecret: options.clientSecret ?? null,
      accessTokenLifetimeSeconds: options.accessTokenLifetimeSeconds ?? 3600,
      rotateRefreshTokens: options.rotateRefreshTokens ?? false,
      authorizingUser: user.id,
      declineNext: false,
    };
    this.guard = new FakeSpotifyGuard(ctx);
    if (options.randomFaults !== undefined) this.guard.injectRandomFaults(options.randomFaults);
    this.accounts = new FakeSpotifyAccounts(ctx, this.settings);
    this.server.before = (req) => this.guard.check(req);
    this.accounts.register(this.server);
    registerPlaylistRoutes(this.server, ctx);
    registerLibraryRoutes(this.server, ctx);
  }

  async listen(): Promise<this> {
    this.base = await this.server.listen();
    return this;
  }

  close(): Promise<void> {
    return this.server.close();
  }

  get apiUrl(): string {
    return `${this.base}/v1`;
  }

  get accountsUrl(): string {
    return this.base;
  }

  get clientId(): string {
    return this.settings.clientId;
  }

  // ---- seeding ---------------------------------------------------------------------------------

  addUser(user: FakeUser): FakeUser {
    this.state.users.set(user.id, user);
    return user;
  }

  addTracks(...tracks: FakeTrack[]): FakeTrack[] {
    for (const track of tracks) this.state.tracks.set(track.id, track);
    return tracks;
  }

  addEpisodes(...episodes: FakeEpisode[]): FakeEpisode[] {
    for (const episode of episodes) this.state.episodes.set(episode.id, episode);
    return episodes;
  }

  /** The track disappears from the catalogue: playlist entries and saved tracks turn unavailable. */
  removeFromCatalog(trackId: string): void {
    this.state.tracks.delete(trackId);
  }

  addPlaylist(seed: PlaylistSeed = {}): FakePlaylist {
    const n = ++this.seededPlaylists;
    const ownerId = seed.ownerId ?? this.defaultUserId;
    const playlist: FakePlaylist = {
      id: seed.id ?? fakeSpotifyId('p', n),
      name: seed.name ?? `Playlist ${n}`,
      description: seed.description ?? null,
      ownerId,
      isPublic: seed.isPublic ?? !seed.collaborative,
      collaborative: seed.collaborative ?? false,
      followers: [...(seed.followers ?? [])],
      entries: (seed.entries ?? []).map((entry, i) =>
        typeof entry === 'string'
          ? { uri: entry, addedAt: isoSeconds(SEED_EPOCH + i * 1000), addedBy: ownerId }
          : entry,
      ),
      snapshotId: Buffer.from(`${n}:seed`).toString('base64'),
      version: 0,
    };
    this.state.playlists.set(playlist.id, playlist);
    return playlist;
  }

  /** Saves tracks for a user in the given order (the last one is the newest). */
  addSavedTracks(
    items: ReadonlyArray<{ trackId: string; addedAt: string }>,
    userId = this.defaultUserId,
  ): void {
    this.state.savedOf(userId).push(...items);
  }

  // ---- auth ------------------------------------------------------------------------------------

  issueRefreshToken(userId = this.defaultUserId, scope = FAKE_SPOTIFY_SCOPES): string {
    return this.accounts.issueRefreshToken(userId, scope);
  }

  issueAccessToken(userId = this.defaultUserId, scope = FAKE_SPOTIFY_SCOPES): string {
    return this.accounts.issueAccessToken(userId, scope);
  }

  revokeRefreshToken(token: string): void {
    const record = this.state.refreshTokens.get(token);
    if (record !== undefined) record.revoked = true;
  }

  isRefreshTokenValid(token: string): boolean {
    return this.state.refreshTokens.get(token)?.revoked === false;
  }

  // ---- faults ----------------------------------------------------------------------------------

  /** The next `n` API requests get 429 with Retry-After; `quota` sends the July 2026 quota body. */
  rateLimitNext(
    n: number,
    retryAfterSeconds: number,
    options: { emptyBody?: boolean; quota?: boolean } = {},
  ): void {
    for (let i = 0; i < n; i++) {
      this.guard.faults.push({
        kind: 'rate-limit',
        retryAfterSeconds,
        emptyBody: options.emptyBody ?? false,
        quota: options.quota ?? false,
      });
    }
  }

  /** The next `n` API requests fail with `status` and a Spotify error body. */
  failNext(n: number, status: number): void {
    for (let i = 0; i < n; i++) this.guard.faults.push({ kind: 'fail', status });
  }

  /**
   * `GET /playlists/{id}/items?offset=…` answers 200 with a spoiled body (default: JSON cut short),
   * once unless `times` says otherwise (`'always'`: every time).
   */
  spoilPlaylistPage(offset: number, options: BodyFaultOptions = {}): void {
    this.bodyFaults.add('page', offset, options);
  }

  /**
   * `GET /me/tracks?offset=…` (the saved tracks) answers 200 with a spoiled body (default: JSON cut
   * short), once unless `times` says otherwise (`'always'`: every time).
   */
  spoilSavedTracksPage(offset: number, options: Omit<BodyFaultOptions, 'playlistId'> = {}): void {
    this.bodyFaults.add('saved', offset, options);
  }

  /** `GET /playlists/{id}` answers 200 with a spoiled body (default: JSON cut short). */
  spoilPlaylistHeader(options: BodyFaultOptions = {}): void {
    this.bodyFaults.add('header', null, options);
  }

  /** Every issued access token expires now, or after `afterRequests` more authenticated API requests. */
  expireAccessTokens(options: { afterRequests?: number } = {}): void {
    if (options.afterRequests === undefined || options.afterRequests <= 0) this.guard.expireAll();
    else this.guard.expireAfter = options.afterRequests;
  }

  /**
   * From now on, a seeded share of API requests answers 429 with Retry-After (QUOTA_EXCEEDED body by
   * default) and access tokens expire every so many requests; queued faults (`rateLimitNext`) go first.
   */
  injectRandomFaults(faults: FakeSpotifyRandomFaults): void {
    this.guard.injectRandomFaults(faults);
  }

  /** The next `/authorize` is declined by the user. */
  declineNextAuthorization(): void {
    this.settings.declineNext = true;
  }

  // ---- inspection ------------------------------------------------------------------------------

  get requests(): readonly LoggedRequest[] {
    return this.server.requests;
  }

  /** Web API requests only (under /v1), not the accounts service. */
  apiCalls(): LoggedRequest[] {
    return this.server.requests.filter((r) => r.path.startsWith('/v1/'));
  }

  writeCalls(): LoggedRequest[] {
    return this.apiCalls().filter((r) => r.method !== 'GET');
  }

  /**
   * Requests matching `'METHOD /path/{param}'` (path relative to the API base, e.g.
   * `'GET /playlists/{id}/items'`; accounts paths as `'POST /api/token'`) or a RegExp tested on
   * `'METHOD /v1/path'`.
   */
  callsTo(pattern: string | RegExp): LoggedRequest[] {
    const regex = typeof pattern === 'string' ? templateRegex(pattern) : pattern;
    return this.server.requests.filter((r) => regex.test(`${r.method} ${r.path}`));
  }

  removedRouteCalls(): readonly RemovedRouteCall[] {
    return this.guard.removedCalls;
  }

  playlist(id: string): FakePlaylist {
    const playlist = this.state.playlists.get(id);
    if (playlist === undefined) throw new Error(`fake Spotify has no playlist ${id}`);
    return playlist;
  }

  playlistUris(id: string): string[] {
    return this.playlist(id).entries.map((entry) => entry.uri);
  }

  /** Saved track ids, newest first. */
  savedTrackIds(userId = this.defaultUserId): string[] {
    return [...this.state.savedOf(userId)].reverse().map((entry) => entry.trackId);
  }
}

function templateRegex(template: string): RegExp {
  const [method = '', path = ''] = template.split(' ');
  const fullPath = path.startsWith('/api/') || path === '/authorize' ? path : `/v1${path}`;
  const source = fullPath.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+');
  return new RegExp(`^${method === '*' ? '[A-Z]+' : method} ${source}/?$`);
}

export async function startFakeSpotify(options: FakeSpotifyOptions = {}): Promise<FakeSpotify> {
  return new FakeSpotify(options).listen();
}
