// Statistics of the listening history (`narada stats eras | top`), read from the local ledger.
import { STATS } from '../stats.tokens.js';
import { TOKENS } from '../tokens.js';
import type { FeatureModule } from './feature-module.js';

export const bindStats: FeatureModule = (wiring) => {
  wiring.bind(STATS.Listening, async (get) => (await get(TOKENS.Repositories)).listeningStats);
  wiring.bind(STATS.ShowEras, async (get) => {
    const { ResolveOriginalYears } = await import('../../../application/stats/resolve-original-years.js');
    const { ShowEras } = await import('../../../application/use-cases/stats/show-eras.js');
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
  wiring.bind(STATS.ShowTop, async (get) => {
    const { ShowTopListens } = await import('../../../application/use-cases/stats/show-top-listens.js');
    return new ShowTopListens(await get(STATS.Listening));
  });
};
