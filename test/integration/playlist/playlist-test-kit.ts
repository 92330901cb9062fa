// A real database in a temp folder, the real Spotify client over a socket to the fake, a backup folder
// on disk, and the playlist use cases wired as the container wires them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../../src/application/ports/clock.port.js';
import { SILENT_PROGRESS } from '../../../src/application/ports/progress.port.js';
import type { SpotifyPort } from '../../../src/application/ports/spotify.port.js';
import { BackupPlaylists } from '../../../src/application/use-cases/playlist/backup-playlists.js';
import { ExportPlaylist } from '../../../src/application/use-cases/playlist/export-playlist.js';
import { SpotifyTrackFinder } from '../../../src/application/playlist/find-spotify-track.js';
import { ListPlaylists } from '../../../src/application/use-cases/playlist/list-playlists.js';
import { RestorePlaylist } from '../../../src/application/use-cases/playlist/restore-playlist.js';
import { FileBackupStore } from '../../../src/infrastructure/backup/file-backup-store.js';
import { startFakeSpotify, type FakeSpotify } from '../../fakes/spotify/fake-spotify.js';
import { openTempDatabase, type TempDatabase } from '../persistence/temp-database.js';
import { ingestOver } from '../tracks/identity-test-kit.js';
import { spotifyRig, type SpotifyTestRig } from '../spotify/spotify-test-kit.js';

export interface PlaylistWorld {
  readonly fake: FakeSpotify;
  readonly rig: SpotifyTestRig;
  readonly temp: TempDatabase;
  readonly backupDir: string;
  readonly clock: Clock;
  /** The Spotify port the use cases were given (with the test's wrapper, if any). */
  readonly spotify: SpotifyPort;
  readonly backup: BackupPlaylists;
  readonly restore: RestorePlaylist;
  readonly list: ListPlaylists;
  readonly exporter: ExportPlaylist;
  dispose(): Promise<void>;
}

export async function openPlaylistWorld(
  options: { spotify?: (client: SpotifyPort) => SpotifyPort } = {},
): Promise<PlaylistWorld> {
  const fake = await startFakeSpotify();
  const rig = spotifyRig(fake);
  const spotify = options.spotify?.(rig.client) ?? rig.client;
  const temp = await openTempDatabase();
  const backupDir = mkdtempSync(join(tmpdir(), 'narada-backups-'));
  const clock: Clock = rig.clock;
  const { repos } = temp;
  const ingest = ingestOver(temp, clock);
  return {
    fake,
    rig,
    temp,
    backupDir,
    clock,
    spotify,
    backup: new BackupPlaylists({
      spotify,
      store: new FileBackupStore(),
      checkpoints: repos.syncCheckpoints,
      playlists: repos.playlists,
      ingest,
      clock,
      progress: SILENT_PROGRESS,
      generator: 'narada/test',
    }),
    restore: new RestorePlaylist({
      spotify,
      finder: new SpotifyTrackFinder({ spotify }),
      checkpoints: repos.syncCheckpoints,
      clock,
      progress: SILENT_PROGRESS,
    }),
    list: new ListPlaylists({ spotify, playlists: repos.playlists, checkpoints: repos.syncCheckpoints }),
    exporter: new ExportPlaylist({
      spotify,
      ingest,
      store: new FileBackupStore(),
      clock,
      generator: 'narada/test',
    }),
    dispose: async () => {
      await fake.close();
      await temp.dispose();
      rmSync(backupDir, { recursive: true, force: true });
    },
  };
}
