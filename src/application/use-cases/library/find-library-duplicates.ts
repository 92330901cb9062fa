// `narada library duplicates`: files with the same audio, and different files of one recording (track).
import type { LibraryDuplicateGroup, LibraryStore } from '../../ports/library-store.port.js';

export class FindLibraryDuplicates {
  constructor(private readonly store: LibraryStore) {}

  run(): Promise<LibraryDuplicateGroup[]> {
    return this.store.duplicates();
  }
}
