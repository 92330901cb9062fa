// `narada db copy`: the door over the two sides it opens itself (the configured database and the URL
// given), not over the container's open database.
import { DB } from '../db.tokens.js';
import { TOKENS } from '../tokens.js';
import type { FeatureModule } from './feature-module.js';

export const bindDb: FeatureModule = (wiring, { config }) => {
  wiring.bind(DB.Copy, async (get) => {
    const { CopyDatabase } = await import('../../../application/use-cases/db/copy-database.js');
    const { EngineCopyEndpoints } = await import('../../persistence/copy/copy-endpoints.js');
    return new CopyDatabase({
      endpoints: new EngineCopyEndpoints({
        databasePath: config.databasePath,
        databaseUrl: config.databaseUrl,
        home: config.home,
        cwd: process.cwd(),
      }),
      clock: await get(TOKENS.Clock),
      progress: await get(TOKENS.Progress),
    });
  });
};
