// Statistics of the listening history (`narada stats eras | top`), read from the local ledger.
import { ResolveOriginalYears } from '../../../application/stats/resolve-original-years.js';
import { ShowEras } from '../../../application/use-cases/stats/show-eras.js';
import { ShowTopListens } from '../../../application/use-cases/stats/show-top-listens.js';
import { SqliteListeningStats } from '../../persistence/stats/sqlite-listening-stats.js';
import { STATS } from '../stats.tokens.js';
import { TOKENS } from '../tokens.js';
import type { FeatureModule } from './feature-module.js';

export const bindStats: FeatureModule = (wiring) => {
  wiring.bind(STATS.Listening, async (get) => new SqliteListeningStats(await get(TOKENS.Database)));
  wiring.bind(STATS.ShowEras, async (get) => {
    return new ShowEras({
      stats: await get(STATS.Listening),
      // Building the MusicBrainz client sends nothing; only --resolve-years makes it call.
      resolver: new ResolveOriginalYears({
        musicbrainz: await get(TOKENS.MusicBrainz),
        metrics: (await get(TOKENS.Repositories)).trackMetrics,
        clock: await get(TOKENS.Clock),
        progress: await get(TOKENS.Progress),
      }),
    });
  });
  wiring.bind(STATS.ShowTop, async (get) => new ShowTopListens(await get(STATS.Listening)));
};
