// Lists the audio files under folders by extension (FLAC, MP3, M4A/AAC, Ogg/Opus, WAV), with the size
// and modification time a rescan compares; symbolic links are not followed (no loops, no double count).
import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { MediaFileFinder, MediaFileStat } from '../../application/ports/media-files.port.js';
import { InvalidInputError } from '../../domain/shared/errors.js';

export const AUDIO_EXTENSIONS: ReadonlySet<string> = new Set([
  '.flac',
  '.mp3',
  '.m4a',
  '.aac',
  '.mp4',
  '.ogg',
  '.oga',
  '.opus',
  '.wav',
]);

export class FsMediaFinder implements MediaFileFinder {
  async list(folders: readonly string[]): Promise<MediaFileStat[]> {
    const files: MediaFileStat[] = [];
    for (const folder of folders) {
      const info = await stat(folder).catch(() => null);
      if (info === null || !info.isDirectory()) {
        throw new InvalidInputError(
          'LIBRARY.NO_FOLDER',
          `${folder} is not a folder: give folders of music files`,
        );
      }
      for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !AUDIO_EXTENSIONS.has(extname(entry.name).toLowerCase())) continue;
        const path = join(entry.parentPath, entry.name);
        const { size, mtimeMs } = await stat(path);
        files.push({
          path,
          pathHash: createHash('sha256').update(path).digest('hex'),
          sizeBytes: size,
          modifiedMs: Math.floor(mtimeMs),
        });
      }
    }
    const unique = new Map(files.map((file) => [file.path, file]));
    return [...unique.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
}
