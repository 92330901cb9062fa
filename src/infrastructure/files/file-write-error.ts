// A file Narada was told to write (a chart, a backup, the logins) that cannot be written: the user
// can fix the path, so it is an input error naming the path and why, not an unexpected failure.
import { InvalidInputError, NaradaError } from '../../domain/shared/errors.js';

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'the folder does not exist',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENAMETOOLONG: 'the name is too long',
};

/** The typed error for a failed write of `path`; errors that are not about the path pass through. */
export function fileWriteError(path: string, error: unknown): unknown {
  // Not `instanceof Error`: errors from node:fs may come from another realm (test sandboxes).
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  if (code === 'ENOSPC') {
    return new NaradaError('FILE.DISK_FULL', `cannot write ${path}: the disk is full`, 'failure', {
      cause: error,
    });
  }
  const reason = typeof code === 'string' ? REASONS[code] : undefined;
  if (reason === undefined) return error;
  return new InvalidInputError('FILE.CANNOT_WRITE', `cannot write ${path}: ${reason}`, {
    cause: error,
    details: { path, reason: code },
  });
}
