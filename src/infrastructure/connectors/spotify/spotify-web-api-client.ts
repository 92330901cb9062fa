// Narada's Spotify connector: the SpotifyPort over the 2026 Web API for a development-mode app.
// Composes the token manager, the authorised transport and one module per concern.
import type { CredentialStore } from '../../../application/ports/credential-store.port.js';
import type {
  NewSpotifyPlaylist,
  PlaylistMove,
  ReadOptions,
  SavedTrack,
  SpotifyLoginStatus,
  SpotifyPlaylist,
  SpotifyPlaylistSummary,
  SpotifyPort,
  SpotifyTrackQuery,
  SpotifyUser,
} from '../../../application/ports/spotify.port.js';
import { isNaradaError } from '../../../domain/shared/errors.js';
import type { ConnectorTrack } from '../../../domain/track/connector-track.js';
import type { EpochMs } from '../../../domain/values/time.js';
import type { HttpClient } from '../http/http-client.js';
import { SpotifyApi } from './spotify-api.js';
import { SpotifyCatalog } from './spotify-catalog.js';
import type { SpotifyClientConfig } from './spotify-config.js';
import { SpotifyLibrary } from './spotify-library.js';
import { mapUser } from './spotify-library-mapper.js';
import { SpotifyPlaylists } from './spotify-playlists.js';
import { SpotifyTokenEndpoint } from './spotify-token-endpoint.js';
import { SpotifyTokenManager } from './spotify-token-manager.js';
import type { WireUserRef } from './spotify-wire.js';

export interface SpotifyWebApiClientOptions {
  readonly config: SpotifyClientConfig;
  /** The process's Spotify HttpClient, built with `createSpotifyHttpClient`. */
  readonly http: HttpClient;
  readonly credentials: CredentialStore;
  readonly now?: () => EpochMs;
}

export class SpotifyWebApiClient implements SpotifyPort {
  private readonly api: SpotifyApi;
  private readonly playlists: SpotifyPlaylists;
  private readonly library: SpotifyLibrary;
  private readonly catalog: SpotifyCatalog;

  constructor(options: SpotifyWebApiClientOptions) {
    const now = options.now ?? Date.now;
    const tokens = new SpotifyTokenManager({
      endpoint: new SpotifyTokenEndpoint(options.http, options.config, now),
      credentials: options.credentials,
      envRefreshToken: options.config.refreshToken ?? null,
      now,
    });
    this.api = new SpotifyApi(options.http, tokens, options.config.apiUrl);
    this.playlists = new SpotifyPlaylists(this.api, now);
    this.library = new SpotifyLibrary(this.api, now);
    this.catalog = new SpotifyCatalog(this.api, now);
  }

  async whoAmI(): Promise<SpotifyLoginStatus> {
    try {
      return { loggedIn: true, user: await this.getCurrentUser() };
    } catch (error) {
      // Missing configuration and refused logins are answers for `auth status`; outages are not.
      if (isNaradaError(error) && error.category === 'config')
        return { loggedIn: false, reason: error.message };
      throw error;
    }
  }

  async getCurrentUser(): Promise<SpotifyUser> {
    return mapUser(await this.api.json<WireUserRef>({ method: 'GET', path: '/me', endpoint: 'GET /me' }));
  }

  listMyPlaylists(options?: ReadOptions): Promise<readonly SpotifyPlaylistSummary[]> {
    return this.playlists.listMine(options);
  }

  getPlaylist(playlistId: string, options?: ReadOptions): Promise<SpotifyPlaylist> {
    return this.playlists.get(playlistId, options);
  }

  createPlaylist(playlist: NewSpotifyPlaylist): Promise<SpotifyPlaylistSummary> {
    return this.playlists.create(playlist);
  }

  addPlaylistItems(
    playlistId: string,
    uris: readonly string[],
    options: { readonly position?: number } = {},
  ): Promise<string | null> {
    return this.playlists.add(playlistId, uris, options.position);
  }

  removePlaylistItems(
    playlistId: string,
    uris: readonly string[],
    options: { readonly snapshotId?: string } = {},
  ): Promise<string | null> {
    return this.playlists.remove(playlistId, uris, options.snapshotId);
  }

  replacePlaylistItems(playlistId: string, uris: readonly string[]): Promise<string> {
    return this.playlists.replace(playlistId, uris);
  }

  reorderPlaylistItems(playlistId: string, move: PlaylistMove): Promise<string> {
    return this.playlists.reorder(playlistId, move);
  }

  listSavedTracks(options?: ReadOptions & { readonly addedSince?: EpochMs }): Promise<readonly SavedTrack[]> {
    return this.library.listSaved(options);
  }

  saveTracks(trackIds: readonly string[]): Promise<void> {
    return this.library.save(trackIds);
  }

  removeSavedTracks(trackIds: readonly string[]): Promise<void> {
    return this.library.remove(trackIds);
  }

  getTrack(trackId: string): Promise<ConnectorTrack | null> {
    return this.catalog.getTrack(trackId);
  }

  getTracks(
    trackIds: readonly string[],
    options?: ReadOptions,
  ): Promise<ReadonlyMap<string, ConnectorTrack>> {
    return this.catalog.getTracks(trackIds, options);
  }

  searchTracks(
    query: SpotifyTrackQuery,
    options: { readonly limit?: number } = {},
  ): Promise<readonly ConnectorTrack[]> {
    return this.catalog.search(query, options.limit);
  }
}
