// Two history imports and `stats eras` at once against one PostgreSQL database, each on its own pool as two processes
// would have: deadlocks and serialization failures are retried by the unit of work, no listen is lost
// or doubled, the shared tracks are made once.
import { describe, it } from '@jest/globals';
import { openDatabase } from '../../../src/infrastructure/persistence/open-database.js';
import { freshSchemaUrl } from '../persistence/postgres-test-database.js';
import { importsAndErasAtOnce } from './concurrent-imports-kit.js';
import '../persistence/temp-database.js';

describe('two imports and stats eras at once on one PostgreSQL database', () => {
  it('finishes with every scrobble once, the same tracks made once', async () => {
    const { url, drop } = await freshSchemaUrl();
    try {
      await importsAndErasAtOnce(() => openDatabase({ path: url, url }), true);
    } finally {
      await drop();
    }
  }, 120_000);
});
