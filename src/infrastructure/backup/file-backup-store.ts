// Backups on disk: each file is written to a temporary name in the same folder, flushed, then renamed
// over the old one, so a crash or a full disk never leaves a truncated backup behind. The newest
// backup of a playlist is `<dir>/<name>.json`; earlier versions are kept as
// `<dir>/versions/<name>/v<N>.json`.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { BackupStore } from '../../application/ports/backup-store.port.js';
import { InvalidInputError } from '../../domain/shared/errors.js';
import { fileWriteError } from '../files/file-write-error.js';
import { PRIVATE_FILE, PRIVATE_FOLDER } from '../files/private-files.js';

/** Beside the newest backups, so a folder of backups carries its history with it. */
export const VERSIONS_FOLDER = 'versions';

export class FileBackupStore implements BackupStore {
  async write(dir: string, fileName: string, content: string): Promise<string> {
    if (fileName.includes('/') || fileName.includes('\\') || fileName.startsWith('.')) {
      throw new InvalidInputError(
        'BACKUP.BAD_FILE_NAME',
        `"${fileName}" is not a plain file name; backups stay inside ${dir}`,
      );
    }
    try {
      await mkdir(dir, { recursive: true, mode: PRIVATE_FOLDER });
    } catch (error) {
      throw fileWriteError(dir, error);
    }
    const path = join(dir, fileName);
    const temporary = join(dir, `.${fileName}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      // Owner-only from the start; the rename keeps the mode, whatever the old file's was.
      const handle = await open(temporary, 'wx', PRIVATE_FILE);
      try {
        await handle.writeFile(content, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw fileWriteError(path, error);
    }
    return path;
  }

  async list(dir: string): Promise<string[]> {
    try {
      return (await readdir(dir)).filter((name) => !name.startsWith('.'));
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
  }

  async keepVersion(path: string, version: number): Promise<string> {
    const content = await readFile(path, 'utf8');
    const folder = join(dirname(path), VERSIONS_FOLDER, basename(path, extname(path)));
    return this.write(folder, `v${version}.json`, content);
  }

  async exists(path: string): Promise<boolean> {
    try {
      return (await stat(path)).isFile();
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }
}

// Not `instanceof Error`: errors from node:fs may come from another realm (test sandboxes).
function isMissing(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
