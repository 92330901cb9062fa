// Lists the audio files under folders by extension (FLAC, MP3, M4A/AAC, Ogg/Opus, WAV), with the size
// and modification time a rescan compares; symbolic links are not followed (no loops, no double count).
// A subfolder or file that cannot be read is noted and passed over, never fatal to the scan.
import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type {
  MediaFileFinder,
  MediaFileStat,
  MediaListing,
} from '../../application/ports/media-files.port.js';
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

type Unreadable = { path: string; reason: string };

export class FsMediaFinder implements MediaFileFinder {
  async list(folders: readonly string[]): Promise<MediaListing> {
    for (const folder of folders) {
      const info = await stat(folder).catch(() => null);
      if (info === null || !info.isDirectory()) {
        throw new InvalidInputError(
          'LIBRARY.NO_FOLDER',
          `${folder} is not a folder: give folders of music files`,
        );
      }
    }
    const files = new Map<string, MediaFileStat>();
    const unreadable: Unreadable[] = [];
    for (const folder of folders) await walk(folder, files, unreadable);
    const sorted = [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { files: sorted, unreadable };
  }
}

async function walk(
  folder: string,
  files: Map<string, MediaFileStat>,
  unreadable: Unreadable[],
): Promise<void> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    unreadable.push({ path: folder, reason: reasonOf(error) });
    return;
  }
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) await walk(path, files, unreadable);
    if (!entry.isFile() || !AUDIO_EXTENSIONS.has(extname(entry.name).toLowerCase())) continue;
    try {
      const { size, mtimeMs } = await stat(path);
      files.set(path, {
        path,
        pathHash: createHash('sha256').update(path).digest('hex'),
        sizeBytes: size,
        modifiedMs: Math.floor(mtimeMs),
      });
    } catch (error) {
      unreadable.push({ path, reason: reasonOf(error) });
    }
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
