// The playlist backup file format (version 1): one playlist's facts and every entry in order, as
// Spotify served them. This zod schema validates files and generates docs/backup.schema.json.
import { z } from 'zod';

export const BACKUP_FORMAT = 'narada-playlist-backup';
export const BACKUP_FORMAT_VERSION = 1;

const nullableText = z.string().nullable();

export const backupItemSchema = z
  .strictObject({
    position: z.number().int().min(0).describe('0-based position in the playlist'),
    kind: z
      .enum(['track', 'local', 'episode', 'unavailable'])
      .describe('local: a local file; unavailable: Spotify no longer serves the entry'),
    uri: nullableText.describe(
      'spotify:track:…, spotify:local:…, spotify:episode:…; null when Spotify gave none',
    ),
    addedAt: z.iso
      .datetime()
      .nullable()
      .describe('When the entry was added (UTC); null when Spotify does not know'),
    addedBy: nullableText.describe('Spotify user id of who added it'),
    name: nullableText.describe('Track or episode title'),
    artists: z.array(z.string()).describe('Credited artists in credit order (the show for an episode)'),
    album: z
      .strictObject({ name: nullableText, releaseDate: nullableText.describe('YYYY, YYYY-MM or YYYY-MM-DD') })
      .nullable(),
    durationMs: z.number().int().min(0).nullable(),
    isrc: nullableText,
    mbid: nullableText.describe('MusicBrainz recording id, when Narada has resolved the track'),
  })
  .describe('One playlist entry');

export const backupPlaylistSchema = z.strictObject({
  service: z.literal('spotify'),
  id: z.string().min(1),
  uri: z.string(),
  name: z.string(),
  description: nullableText,
  public: z.boolean().nullable(),
  collaborative: z.boolean(),
  owner: z.strictObject({ id: z.string(), name: nullableText }),
  snapshotId: z.string(),
  itemCount: z.number().int().min(0),
});

export const playlistBackupSchema = z
  .strictObject({
    $schema: z.string().optional(),
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(BACKUP_FORMAT_VERSION),
    backedUpAt: z.iso.datetime().describe('When the backup was taken (UTC)'),
    generator: z.string().describe('The Narada version that wrote the file'),
    playlist: backupPlaylistSchema,
    items: z.array(backupItemSchema),
  })
  .meta({
    title: 'Narada playlist backup',
    description: 'One Spotify playlist and every entry in order, written by `narada playlist backup`.',
  });

export type PlaylistBackup = z.infer<typeof playlistBackupSchema>;
export type BackupItem = z.infer<typeof backupItemSchema>;
export type BackupPlaylistFacts = z.infer<typeof backupPlaylistSchema>;
export type BackupItemKind = BackupItem['kind'];
