// `narada playlist export`: a playlist — read whole from Spotify, or a Narada backup file — written as
// an Exportify CSV, an M3U8, JSPF or XSPF, to a file (atomically) or handed back to print.
import type { BackupStore } from '../../ports/backup-store.port.js';
import type { Clock } from '../../ports/clock.port.js';
import type { SpotifyPort } from '../../ports/spotify.port.js';
import type { PlaylistBackup } from '../../../domain/backup/playlist-backup.js';
import type { IngestConnectorTracks } from '../../tracks/ingest-connector-tracks.js';
import { resolvedMbids } from '../../playlist/local-playlist-copy.js';
import { playlistBackupDocument } from '../../playlist/playlist-backup-document.js';
import { playlistIdOf } from '../../playlist/playlist-ref.js';
import { formatPlaylist, type ExportFormat } from '../../playlist/export/playlist-formats.js';

export interface ExportPlaylistDeps {
  readonly spotify: SpotifyPort;
  readonly ingest: Pick<IngestConnectorTracks, 'run'>;
  readonly store: BackupStore;
  readonly clock: Clock;
  readonly generator: string;
}

export type ExportSource =
  | { readonly kind: 'spotify'; readonly playlist: string }
  | { readonly kind: 'backup'; readonly backup: PlaylistBackup; readonly file: string };

export interface ExportRequest {
  readonly source: ExportSource;
  readonly format: ExportFormat;
  /** Where to write; null hands the text back in the report. */
  readonly out: { readonly dir: string; readonly fileName: string } | null;
}

export interface ExportReport {
  readonly playlist: { readonly id: string; readonly name: string };
  readonly format: ExportFormat;
  readonly items: number;
  /** The file written, or null when the text is in `content`. */
  readonly file: string | null;
  readonly content: string | null;
}

export class ExportPlaylist {
  constructor(private readonly deps: ExportPlaylistDeps) {}

  async run(request: ExportRequest): Promise<ExportReport> {
    const backup = await this.document(request.source);
    const content = formatPlaylist(backup, request.format);
    const file =
      request.out === null
        ? null
        : await this.deps.store.write(request.out.dir, request.out.fileName, content);
    return {
      playlist: { id: backup.playlist.id, name: backup.playlist.name },
      format: request.format,
      items: backup.items.length,
      file,
      content: file === null ? content : null,
    };
  }

  /** A Spotify playlist goes through the backup's reading, so the export holds what a backup would. */
  private async document(source: ExportSource): Promise<PlaylistBackup> {
    if (source.kind === 'backup') return source.backup;
    const playlist = await this.deps.spotify.getPlaylist(playlistIdOf(source.playlist));
    // Recording the tracks locally is how their resolved MusicBrainz ids are known.
    const ingested = await this.deps.ingest.run(
      playlist.entries.flatMap((e) => (e.kind === 'track' || e.kind === 'local' ? [e.track] : [])),
    );
    return playlistBackupDocument({
      playlist,
      mbids: resolvedMbids(ingested.tracks),
      at: this.deps.clock.now(),
      generator: this.deps.generator,
    });
  }
}
