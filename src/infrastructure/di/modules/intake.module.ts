// Listen intake: the doors the ListenBrainz-compatible routes call, sharing one now-playing board and
// the history's ListenRecorder (the one way listens are recorded).
import { HISTORY } from '../history.tokens.js';
import { INTAKE } from '../intake.tokens.js';
import { TOKENS } from '../tokens.js';
import type { FeatureModule } from './feature-module.js';

export const bindIntake: FeatureModule = (wiring) => {
  wiring.bind(INTAKE.NowPlaying, async (get) => {
    const { NowPlayingBoard } = await import('../../../application/intake/now-playing.js');
    return new NowPlayingBoard((await get(TOKENS.Repositories)).nowPlaying);
  });
  wiring.bind(INTAKE.SubmitListens, async (get) => {
    const { SubmitListens } = await import('../../../application/use-cases/intake/submit-listens.js');
    return new SubmitListens({
      users: (await get(TOKENS.Repositories)).serverUsers,
      recorder: await get(HISTORY.ListenRecorder),
      nowPlaying: await get(INTAKE.NowPlaying),
      clock: await get(TOKENS.Clock),
    });
  });
  wiring.bind(INTAKE.ValidateToken, async (get) => {
    const { ValidateToken } = await import('../../../application/use-cases/intake/validate-token.js');
    return new ValidateToken((await get(TOKENS.Repositories)).serverUsers);
  });
  wiring.bind(INTAKE.ShowListens, async (get) => {
    const { ShowListens } = await import('../../../application/use-cases/intake/show-listens.js');
    return new ShowListens((await get(TOKENS.Repositories)).serverUsers);
  });
  wiring.bind(INTAKE.ShowPlayingNow, async (get) => {
    const { ShowPlayingNow } = await import('../../../application/use-cases/intake/show-playing-now.js');
    return new ShowPlayingNow({
      users: (await get(TOKENS.Repositories)).serverUsers,
      nowPlaying: await get(INTAKE.NowPlaying),
      clock: await get(TOKENS.Clock),
    });
  });
};
