// What a rescan has to do, from the files listed and the files stored: read the new and changed ones
// (size or mtime differ), keep the rest, and which stored files are gone from the scanned folders.
// A gone file whose audio turns up at a new path was moved: `MoveMatcher` pairs them as files are read.
import type { LibraryFileStamp } from '../ports/library-store.port.js';
import type { MediaFileStat } from '../ports/media-files.port.js';

export interface ScanPlan {
  readonly toRead: readonly MediaFileStat[];
  readonly unchanged: number;
  /** Stored files below the scanned folders that are no longer there (not those that could not be listed). */
  readonly gone: readonly LibraryFileStamp[];
}

export function planScan(
  listed: readonly MediaFileStat[],
  stored: readonly LibraryFileStamp[],
  folders: readonly string[],
  /** Folders and files the listing could not read: what is stored below them is not gone, only unseen. */
  unreadable: readonly string[] = [],
): ScanPlan {
  const byPath = new Map(stored.map((stamp) => [stamp.path, stamp]));
  const present = new Set(listed.map((file) => file.path));
  const toRead: MediaFileStat[] = [];
  let unchanged = 0;
  for (const file of listed) {
    const known = byPath.get(file.path);
    if (known !== undefined && known.sizeBytes === file.sizeBytes && known.modifiedMs === file.modifiedMs) {
      unchanged += 1;
    } else {
      toRead.push(file);
    }
  }
  const gone = stored.filter(
    (stamp) =>
      !present.has(stamp.path) &&
      folders.some((f) => isBelow(stamp.path, f)) &&
      !unreadable.some((u) => stamp.path === u || isBelow(stamp.path, u)),
  );
  return { toRead, unchanged, gone };
}

function isBelow(path: string, folder: string): boolean {
  const base = folder.endsWith('/') || folder.endsWith('\\') ? folder : `${folder}/`;
  return path.startsWith(base) || path.startsWith(base.replace(/\/$/, '\\'));
}

/** Pairs files read at new paths with gone files of the same audio, each gone file once. */
export class MoveMatcher {
  private readonly goneByAudio = new Map<string, string[]>();

  constructor(gone: readonly LibraryFileStamp[]) {
    for (const stamp of gone) {
      this.goneByAudio.set(stamp.audioHash, [...(this.goneByAudio.get(stamp.audioHash) ?? []), stamp.path]);
    }
  }

  /** The gone path this new file was moved from, if its audio was there; claimed, so asked once. */
  claim(audioHash: string): string | null {
    const paths = this.goneByAudio.get(audioHash);
    const path = paths?.shift() ?? null;
    if (paths !== undefined && paths.length === 0) this.goneByAudio.delete(audioHash);
    return path;
  }

  /** Gone files no new file took the place of: deleted. */
  unclaimed(): string[] {
    return [...this.goneByAudio.values()].flat();
  }
}
