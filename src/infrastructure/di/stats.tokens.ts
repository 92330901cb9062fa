// The statistics' tokens (`narada stats eras | top`); type-only imports, so commands load no adapter.
import type { ListeningStats } from '../../application/ports/listening-stats.port.js';
import type { ShowEras } from '../../application/use-cases/stats/show-eras.js';
import type { ShowTopListens } from '../../application/use-cases/stats/show-top-listens.js';
import { token } from './tokens.js';

export const STATS = {
  Listening: token<ListeningStats>('stats.Listening'),
  ShowEras: token<ShowEras>('stats.ShowEras'),
  ShowTop: token<ShowTopListens>('stats.ShowTop'),
} as const;
