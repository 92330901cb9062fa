// The JSON Schema of the backup format, generated from the zod schema that validates backups, so the
// published schema (docs/backup.schema.json) cannot drift from what Narada accepts.
import { z } from 'zod';
import { playlistBackupSchema } from './playlist-backup.js';

export const BACKUP_SCHEMA_ID = 'https://github.com/narada-music/narada/blob/main/docs/backup.schema.json';

export function backupJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(playlistBackupSchema, { target: 'draft-2020-12' });
  return { $schema: schema.$schema, $id: BACKUP_SCHEMA_ID, ...schema };
}
