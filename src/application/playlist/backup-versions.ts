// Which kept version of a playlist's backup `--version` names: a version number, or a date (the newest
// version taken by the end of that day, or by that instant). Pure, over the versions the index holds.
import { InvalidInputError } from '../../domain/shared/errors.js';
import { parseInstant, toIso } from '../../domain/values/time.js';
import type { BackupVersion } from './backup-index.js';

const DAY_MS = 86_400_000;

export function pickBackupVersion(
  playlistId: string,
  versions: readonly BackupVersion[],
  wanted: string,
): BackupVersion {
  const text = wanted.trim();
  if (/^\d{1,8}$/.test(text)) {
    const found = versions.find((v) => v.version === Number(text));
    if (found !== undefined) return found;
    throw noSuchVersion(playlistId, versions, `no version ${text}`);
  }
  const at = parseInstant(text, '--version');
  // A bare day means that whole day: a backup taken at 18:00 is the one of that date.
  const until = /^\d{4}-\d{2}-\d{2}$/.test(text) ? at + DAY_MS - 1 : at;
  const found = versions.filter((v) => v.backedUpAt <= until).at(-1);
  if (found !== undefined) return found;
  throw noSuchVersion(playlistId, versions, `no version taken by ${toIso(until)}`);
}

function noSuchVersion(
  playlistId: string,
  versions: readonly BackupVersion[],
  why: string,
): InvalidInputError {
  const known =
    versions.length === 0
      ? 'it has never been backed up'
      : `it has ${versions.map((v) => `${v.version} (${toIso(v.backedUpAt)})`).join(', ')}`;
  return new InvalidInputError(
    'PLAYLIST.NO_SUCH_VERSION',
    `Playlist ${playlistId} has ${why}: ${known}; see \`narada playlist backup --history ${playlistId}\``,
    { details: { playlistId } },
  );
}
