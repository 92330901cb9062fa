// An in-memory SpotifyPort with Spotify's playlist write semantics (remove drops every copy, moves
// count positions before the move), a call log, and hooks to simulate someone else editing.
import type {
  NewSpotifyPlaylist,
  PlaylistMove,
  SavedTrack,
  SpotifyLoginStatus,
  SpotifyPlaylist,
  SpotifyPlaylistEntry,
  SpotifyPlaylistSummary,
  SpotifyPort,
  SpotifyUser,
} from '../../../../src/application/ports/spotify.port.js';
import { UpstreamError } from '../../../../src/application/ports/upstream-errors.js';
import type { ConnectorTrack } from '../../../../src/domain/track/connector-track.js';
import { aConnectorTrack } from '../../../builders/index.js';

export interface SpotifyCall {
  readonly method: string;
  readonly playlistId?: string;
  readonly size?: number;
  readonly snapshotId?: string;
}

interface StoredPlaylist {
  summary: SpotifyPlaylistSummary;
  entries: SpotifyPlaylistEntry[];
}

let snapshots = 0;
const nextSnapshot = (): string => `snap-${++snapshots}`;

export class MemorySpotify implements SpotifyPort {
  readonly calls: SpotifyCall[] = [];
  readonly catalogue = new Map<string, ConnectorTrack>();
  readonly saved: SavedTrack[] = [];
  private readonly playlists = new Map<string, StoredPlaylist>();
  /** Runs before each write call, e.g. to change the playlist "from another device". */
  beforeWrite: (() => void) | null = null;
  /** The next this-many writes answer HTTP 400. */
  failWrites = 0;

  /** A catalogue track with a Spotify id; its URI is `spotify:track:<externalId>`. */
  addTrack(overrides: Parameters<typeof aConnectorTrack>[0] = {}): ConnectorTrack {
    const track = aConnectorTrack({ service: 'spotify', ...overrides });
    this.catalogue.set(track.externalId, track);
    return track;
  }

  addPlaylist(id: string, name: string, entries: SpotifyPlaylistEntry[]): void {
    this.playlists.set(id, { summary: summary(id, name, entries.length), entries: [...entries] });
  }

  /** Someone else changes the playlist: the change is applied and the snapshot moves on. */
  editElsewhere(id: string, change: (entries: SpotifyPlaylistEntry[]) => void): void {
    const stored = this.stored(id);
    change(stored.entries);
    this.bump(stored);
  }

  entries(id: string): SpotifyPlaylistEntry[] {
    return this.stored(id).entries;
  }

  uris(id: string): (string | null)[] {
    return this.stored(id).entries.map((entry) => entry.uri);
  }

  writes(): SpotifyCall[] {
    return this.calls.filter((call) => !call.method.startsWith('get') && !call.method.startsWith('list'));
  }

  async whoAmI(): Promise<SpotifyLoginStatus> {
    return { loggedIn: true, user: await this.getCurrentUser() };
  }

  async getCurrentUser(): Promise<SpotifyUser> {
    return { id: 'me', displayName: 'Me' };
  }

  async listMyPlaylists(): Promise<readonly SpotifyPlaylistSummary[]> {
    this.calls.push({ method: 'listMyPlaylists' });
    return [...this.playlists.values()].map((p) => p.summary);
  }

  async getPlaylist(playlistId: string): Promise<SpotifyPlaylist> {
    this.calls.push({ method: 'getPlaylist', playlistId });
    const stored = this.stored(playlistId);
    const entries = stored.entries.map((entry, position) => ({ ...entry, position }));
    return { ...stored.summary, itemCount: entries.length, entries };
  }

  async createPlaylist(playlist: NewSpotifyPlaylist): Promise<SpotifyPlaylistSummary> {
    this.calls.push({ method: 'createPlaylist' });
    const id = `created${this.playlists.size + 1}`;
    this.addPlaylist(id, playlist.name, []);
    return this.stored(id).summary;
  }

  async addPlaylistItems(
    playlistId: string,
    uris: readonly string[],
    options: { position?: number } = {},
  ): Promise<string | null> {
    if (uris.length === 0) return null;
    const stored = this.write('addPlaylistItems', playlistId, uris.length);
    const added = uris.map((uri) => this.entryFor(uri));
    stored.entries.splice(options.position ?? stored.entries.length, 0, ...added);
    return this.bump(stored);
  }

  async removePlaylistItems(
    playlistId: string,
    uris: readonly string[],
    options: { snapshotId?: string } = {},
  ): Promise<string | null> {
    if (uris.length === 0) return null;
    const stored = this.write('removePlaylistItems', playlistId, uris.length, options.snapshotId);
    const gone = new Set(uris);
    stored.entries = stored.entries.filter((entry) => entry.uri === null || !gone.has(entry.uri));
    return this.bump(stored);
  }

  async replacePlaylistItems(playlistId: string, uris: readonly string[]): Promise<string> {
    const stored = this.write('replacePlaylistItems', playlistId, uris.length);
    stored.entries = uris.map((uri) => this.entryFor(uri));
    return this.bump(stored);
  }

  async reorderPlaylistItems(playlistId: string, move: PlaylistMove): Promise<string> {
    const length = move.rangeLength ?? 1;
    const stored = this.write('reorderPlaylistItems', playlistId, length, move.snapshotId);
    const moved = stored.entries.splice(move.rangeStart, length);
    const at = move.insertBefore > move.rangeStart ? move.insertBefore - length : move.insertBefore;
    stored.entries.splice(at, 0, ...moved);
    return this.bump(stored);
  }

  async listSavedTracks(): Promise<readonly SavedTrack[]> {
    this.calls.push({ method: 'listSavedTracks' });
    return this.saved;
  }

  async saveTracks(): Promise<void> {
    throw new Error('not used by workflows');
  }

  async removeSavedTracks(): Promise<void> {
    throw new Error('not used by workflows');
  }

  async getTrack(trackId: string): Promise<ConnectorTrack | null> {
    this.calls.push({ method: 'getTrack' });
    return this.catalogue.get(trackId) ?? null;
  }

  async getTracks(trackIds: readonly string[]): Promise<ReadonlyMap<string, ConnectorTrack>> {
    const found = new Map<string, ConnectorTrack>();
    for (const id of trackIds) {
      const track = await this.getTrack(id);
      if (track !== null) found.set(id, track);
    }
    return found;
  }

  async searchTracks(): Promise<readonly ConnectorTrack[]> {
    return [];
  }

  /** A playlist entry for a catalogue track, added at `addedAt`. */
  entry(track: ConnectorTrack, addedAt: number): SpotifyPlaylistEntry {
    return {
      kind: 'track',
      uri: `spotify:track:${track.externalId}`,
      track,
      position: 0,
      addedAt,
      addedBy: 'me',
    };
  }

  private entryFor(uri: string): SpotifyPlaylistEntry {
    const track = this.catalogue.get(uri.replace('spotify:track:', ''));
    if (track === undefined)
      throw new UpstreamError('spotify', 'SPOTIFY.HTTP_400', `no such track ${uri}`, 'failure', {
        status: 400,
      });
    return { ...this.entry(track, 9_999), addedAt: null };
  }

  private write(method: string, playlistId: string, size: number, snapshotId?: string): StoredPlaylist {
    this.calls.push({ method, playlistId, size, ...(snapshotId === undefined ? {} : { snapshotId }) });
    this.beforeWrite?.();
    if (this.failWrites > 0) {
      this.failWrites -= 1;
      throw new UpstreamError('spotify', 'SPOTIFY.HTTP_400', 'Index out of bounds', 'failure', {
        status: 400,
      });
    }
    return this.stored(playlistId);
  }

  private bump(stored: StoredPlaylist): string {
    stored.summary = { ...stored.summary, snapshotId: nextSnapshot(), itemCount: stored.entries.length };
    return stored.summary.snapshotId;
  }

  private stored(id: string): StoredPlaylist {
    const stored = this.playlists.get(id);
    if (stored === undefined)
      throw new UpstreamError('spotify', 'SPOTIFY.NOT_FOUND', `no playlist ${id}`, 'failure', {
        status: 404,
      });
    return stored;
  }
}

function summary(id: string, name: string, itemCount: number): SpotifyPlaylistSummary {
  return {
    id,
    name,
    description: null,
    ownerId: 'me',
    ownerName: 'Me',
    isPublic: false,
    collaborative: false,
    snapshotId: nextSnapshot(),
    itemCount,
  };
}
