// SQLite: two history imports and `stats eras` at once on one database file, each on its own
// connection as three processes would have: none fails on a locked database, nothing lost or doubled.
import { afterEach, beforeEach, describe, it } from '@jest/globals';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../../src/infrastructure/persistence/open-database.js';
import { tempFolder } from '../persistence/temp-database.js';
import { importsAndErasAtOnce } from './concurrent-imports-kit.js';

describe('SQLite: two imports and stats eras at once on one file', () => {
  let folder: string;
  beforeEach(() => {
    folder = tempFolder();
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('finishes all three with every scrobble once and no DATABASE.BUSY', async () => {
    const path = join(folder, 'narada.db');
    await importsAndErasAtOnce(() => openDatabase({ path }), true);
  }, 120_000);
});
