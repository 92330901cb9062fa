// `narada library list`: the stored music files, each with the internal track it became.
import type { LibraryFile, LibraryStore } from '../../ports/library-store.port.js';

export class ListLibrary {
  constructor(private readonly store: LibraryStore) {}

  /** Every file by path; `under` (an absolute folder) keeps those below it. */
  run(request: { readonly under?: string } = {}): Promise<LibraryFile[]> {
    return this.store.list(request.under);
  }
}
