// Listen intake's tokens: the doors behind the ListenBrainz-compatible API of `narada serve`
// (src/infrastructure/web/listenbrainz/); type-only imports.
import type { NowPlayingBoard } from '../../application/intake/now-playing.js';
import type { ShowListens } from '../../application/use-cases/intake/show-listens.js';
import type { ShowPlayingNow } from '../../application/use-cases/intake/show-playing-now.js';
import type { SubmitListens } from '../../application/use-cases/intake/submit-listens.js';
import type { ValidateToken } from '../../application/use-cases/intake/validate-token.js';
import { token } from './tokens.js';

export const INTAKE = {
  SubmitListens: token<SubmitListens>('intake.SubmitListens'),
  ValidateToken: token<ValidateToken>('intake.ValidateToken'),
  ShowListens: token<ShowListens>('intake.ShowListens'),
  ShowPlayingNow: token<ShowPlayingNow>('intake.ShowPlayingNow'),
  /** One per process: what each user plays now, shared by the doors above. */
  NowPlaying: token<NowPlayingBoard>('intake.NowPlaying'),
} as const;
