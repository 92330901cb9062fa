// Playlists: backup to files, restore from them (or from a Spotify export), listing, and export to
// other tools' formats.
import { TOKENS } from '../tokens.js';
import { PLAYLIST } from '../playlist.tokens.js';
import type { FeatureModule } from './feature-module.js';
import { TRACKS } from '../tracks.tokens.js';

export const bindPlaylist: FeatureModule = (wiring, { config }) => {
  wiring.bind(PLAYLIST.TrackFinder, async (get) => {
    const { SpotifyTrackFinder } = await import('../../../application/playlist/find-spotify-track.js');
    return new SpotifyTrackFinder({
      spotify: await get(TOKENS.Spotify),
      musicbrainz: await get(TOKENS.MusicBrainz),
    });
  });
  wiring.bind(PLAYLIST.Backup, async (get) => {
    const { BackupPlaylists } = await import('../../../application/use-cases/playlist/backup-playlists.js');
    const { FileBackupStore } = await import('../../backup/file-backup-store.js');
    const repos = await get(TOKENS.Repositories);
    return new BackupPlaylists({
      spotify: await get(TOKENS.Spotify),
      store: new FileBackupStore(),
      checkpoints: repos.syncCheckpoints,
      playlists: repos.playlists,
      ingest: await get(TRACKS.IngestConnectorTracks),
      clock: await get(TOKENS.Clock),
      progress: await get(TOKENS.Progress),
      generator: `narada/${config.version}`,
    });
  });
  wiring.bind(PLAYLIST.Restore, async (get) => {
    const { RestorePlaylist } = await import('../../../application/use-cases/playlist/restore-playlist.js');
    const spotify = await get(TOKENS.Spotify);
    return new RestorePlaylist({
      spotify,
      finder: await get(PLAYLIST.TrackFinder),
      checkpoints: (await get(TOKENS.Repositories)).syncCheckpoints,
      clock: await get(TOKENS.Clock),
      progress: await get(TOKENS.Progress),
    });
  });
  wiring.bind(PLAYLIST.List, async (get) => {
    const { ListPlaylists } = await import('../../../application/use-cases/playlist/list-playlists.js');
    const repos = await get(TOKENS.Repositories);
    return new ListPlaylists({
      spotify: await get(TOKENS.Spotify),
      playlists: repos.playlists,
      checkpoints: repos.syncCheckpoints,
    });
  });
  wiring.bind(PLAYLIST.Export, async (get) => {
    const { ExportPlaylist } = await import('../../../application/use-cases/playlist/export-playlist.js');
    const { FileBackupStore } = await import('../../backup/file-backup-store.js');
    return new ExportPlaylist({
      spotify: await get(TOKENS.Spotify),
      ingest: await get(TRACKS.IngestConnectorTracks),
      store: new FileBackupStore(),
      clock: await get(TOKENS.Clock),
      generator: `narada/${config.version}`,
    });
  });
  wiring.bind(PLAYLIST.Versions, async (get) => {
    const { ListBackupVersions } =
      await import('../../../application/use-cases/playlist/list-backup-versions.js');
    return new ListBackupVersions({ checkpoints: (await get(TOKENS.Repositories)).syncCheckpoints });
  });
};
