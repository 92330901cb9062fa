// Reads a backup file's text into a PlaylistBackup, or refuses it with a message naming the file and
// the field, so a damaged or foreign file is never half-restored.
import type { z } from 'zod';
import { InvalidInputError } from '../shared/errors.js';
import { findJsonSyntaxError } from '../workflow/json-syntax-error.js';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  playlistBackupSchema,
  type PlaylistBackup,
} from './playlist-backup.js';

const MAX_LISTED_PROBLEMS = 3;

/** JSON text to a value; a syntax error names the file, line and column. */
export function parseJsonFile(text: string, file: string): unknown {
  try {
    return JSON.parse(stripBom(text)) as unknown;
  } catch {
    const where = findJsonSyntaxError(stripBom(text));
    const position =
      where === null ? '' : ` at line ${where.line}, column ${where.column} (${where.message})`;
    throw new InvalidInputError(
      'BACKUP.NOT_JSON',
      `${file} is not valid JSON${position}: the file is damaged or is not a backup; nothing was restored`,
      { details: { file, ...(where === null ? {} : { line: where.line, column: where.column }) } },
    );
  }
}

export function parsePlaylistBackup(text: string, file: string): PlaylistBackup {
  return playlistBackupFromJson(parseJsonFile(text, file), file);
}

/** An already parsed JSON value checked against the format. */
export function playlistBackupFromJson(value: unknown, file: string): PlaylistBackup {
  const format = isRecord(value) ? value.format : undefined;
  if (format !== BACKUP_FORMAT) {
    throw new InvalidInputError(
      'BACKUP.FOREIGN_FILE',
      `${file} is not a Narada playlist backup (no "format": "${BACKUP_FORMAT}"): pass a file written by ` +
        '`narada playlist backup`, a Spotify account-data Playlist1.json, an Exportify CSV or a JSPF playlist; nothing was restored',
      { details: { file } },
    );
  }
  const version = isRecord(value) ? value.version : undefined;
  if (typeof version === 'number' && version > BACKUP_FORMAT_VERSION) {
    throw new InvalidInputError(
      'BACKUP.NEWER_VERSION',
      `${file} is a version ${version} backup, newer than this Narada reads (${BACKUP_FORMAT_VERSION}): upgrade Narada to restore it`,
      { details: { file, version } },
    );
  }
  const parsed = playlistBackupSchema.safeParse(value);
  if (!parsed.success) throw invalid(file, parsed.error.issues.map(describeIssue));
  const problems = consistencyProblems(parsed.data);
  if (problems.length > 0) throw invalid(file, problems);
  return parsed.data;
}

function consistencyProblems(backup: PlaylistBackup): string[] {
  const problems: string[] = [];
  backup.items.forEach((item, index) => {
    if (item.position !== index)
      problems.push(`items[${index}].position: expected ${index}, found ${item.position}`);
  });
  if (backup.playlist.itemCount !== backup.items.length) {
    problems.push(
      `playlist.itemCount: says ${backup.playlist.itemCount} items but the file holds ${backup.items.length}`,
    );
  }
  return problems;
}

function invalid(file: string, problems: readonly string[]): InvalidInputError {
  const shown = problems.slice(0, MAX_LISTED_PROBLEMS).join('; ');
  const more =
    problems.length > MAX_LISTED_PROBLEMS ? ` (and ${problems.length - MAX_LISTED_PROBLEMS} more)` : '';
  return new InvalidInputError(
    'BACKUP.INVALID',
    `${file} is not a valid playlist backup: ${shown}${more}; the file is damaged, restore from another copy (nothing was restored)`,
    { details: { file, problems: problems.slice(0, 20) } },
  );
}

function describeIssue(issue: z.core.$ZodIssue): string {
  return `${fieldPath(issue.path)}: ${issue.message.replace(/^Invalid input: /, '')}`;
}

/** `items[3].album.name` from zod's `['items', 3, 'album', 'name']`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(the whole file)';
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
