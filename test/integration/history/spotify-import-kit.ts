// The Spotify import over a real database and real files: the use case wired to the file-system
// export source, and a writer of export files into the kit's temp folder.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SILENT_PROGRESS } from '../../../src/application/ports/progress.port.js';
import { ImportSpotifyHistory } from '../../../src/application/use-cases/history/import-spotify-history.js';
import { FileSystemSpotifyExportSource } from '../../../src/infrastructure/importers/spotify-export-reader.js';
import type { HistoryKit } from './history-test-kit.js';

export function spotifyImporter(
  kit: HistoryKit,
  defaultListener: string | null = 'ana',
): ImportSpotifyHistory {
  return new ImportSpotifyHistory({
    source: new FileSystemSpotifyExportSource(),
    runs: kit.repos.importRuns,
    recorder: kit.recorder,
    unitOfWork: kit.repos.unitOfWork,
    clock: kit.clock,
    progress: SILENT_PROGRESS,
    defaultListener: async () => defaultListener,
  });
}

/** Writes `name` (folders made as needed) under the kit's folder; returns its path. */
export function exportFile(kit: HistoryKit, name: string, content: string | Buffer): string {
  const path = join(kit.folder, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
}
