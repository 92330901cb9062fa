// Narada's files hold a person's listening history and service tokens: only their owner may read
// them, whatever the umask, and also when the folder or the file existed before.
import { chmodSync, closeSync, openSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { fileWriteError } from './file-write-error.js';

export const PRIVATE_FILE = 0o600;
export const PRIVATE_FOLDER = 0o700;

/** Narrows the mode of an existing file to owner read/write; a file that does not exist is left alone. */
export function keepPrivate(file: string): void {
  try {
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, PRIVATE_FILE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/**
 * Makes sure `file` exists with owner-only access before another library opens it. SQLite creates
 * its -wal and -shm files with the database file's mode, so a private database keeps them private.
 */
export function preparePrivateFile(file: string): void {
  closeSync(openSync(file, 'a', PRIVATE_FILE));
  keepPrivate(file);
}

/**
 * Writes (or overwrites) a file the user asked for (`--svg`, `--html`), readable by its owner only;
 * a path that cannot be written is a typed error naming it and why.
 */
export async function writePrivateFile(file: string, content: string): Promise<void> {
  try {
    await writeFile(file, content, { encoding: 'utf8', mode: PRIVATE_FILE });
    keepPrivate(file);
  } catch (error) {
    throw fileWriteError(file, error);
  }
}
