// `narada library show <path-or-id>`: one stored music file, found by row id, path or audio hash.
import { InvalidInputError } from '../../../domain/shared/errors.js';
import type { LibraryFile, LibraryStore } from '../../ports/library-store.port.js';

export class ShowLibraryFile {
  constructor(private readonly store: LibraryStore) {}

  /** `keys` are tried in order (the path as typed, then made absolute): the first found is shown. */
  async run(keys: readonly string[]): Promise<LibraryFile> {
    for (const key of keys) {
      const file = await this.store.find(key);
      if (file !== null) return file;
    }
    throw new InvalidInputError(
      'LIBRARY.NOT_FOUND',
      `No library file "${keys[0] ?? ''}": give a path, an id or an audio hash from "narada library list"`,
    );
  }
}
