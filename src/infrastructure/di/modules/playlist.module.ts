// Playlists: backup to files, restore from them (or from a Spotify export), and listing.
import { BackupPlaylists } from '../../../application/use-cases/playlist/backup-playlists.js';
import { SpotifyTrackFinder } from '../../../application/playlist/find-spotify-track.js';
import { ListPlaylists } from '../../../application/use-cases/playlist/list-playlists.js';
import { RestorePlaylist } from '../../../application/use-cases/playlist/restore-playlist.js';
import { FileBackupStore } from '../../backup/file-backup-store.js';
import { resolve } from '../resolve.js';
import { token, TOKENS } from '../tokens.js';
import type { FeatureModule } from './feature-module.js';
import { IDENTITY } from './tracks.module.js';

export const PLAYLIST = {
  Backup: token<BackupPlaylists>('playlist.Backup'),
  Restore: token<RestorePlaylist>('playlist.Restore'),
  List: token<ListPlaylists>('playlist.List'),
} as const;

export const bindPlaylist: FeatureModule = (container, { config }) => {
  container.bind(PLAYLIST.Backup).toDynamicValue(async (ctx) => {
    const repos = await resolve(ctx, TOKENS.Repositories);
    return new BackupPlaylists({
      spotify: await resolve(ctx, TOKENS.Spotify),
      store: new FileBackupStore(),
      checkpoints: repos.syncCheckpoints,
      playlists: repos.playlists,
      ingest: await resolve(ctx, IDENTITY.IngestConnectorTracks),
      clock: await resolve(ctx, TOKENS.Clock),
      progress: await resolve(ctx, TOKENS.Progress),
      generator: `narada/${config.version}`,
    });
  });
  container.bind(PLAYLIST.Restore).toDynamicValue(async (ctx) => {
    const spotify = await resolve(ctx, TOKENS.Spotify);
    return new RestorePlaylist({
      spotify,
      finder: new SpotifyTrackFinder({ spotify, musicbrainz: await resolve(ctx, TOKENS.MusicBrainz) }),
      checkpoints: (await resolve(ctx, TOKENS.Repositories)).syncCheckpoints,
      clock: await resolve(ctx, TOKENS.Clock),
      progress: await resolve(ctx, TOKENS.Progress),
    });
  });
  container.bind(PLAYLIST.List).toDynamicValue(async (ctx) => {
    const repos = await resolve(ctx, TOKENS.Repositories);
    return new ListPlaylists({
      spotify: await resolve(ctx, TOKENS.Spotify),
      playlists: repos.playlists,
      checkpoints: repos.syncCheckpoints,
    });
  });
};
