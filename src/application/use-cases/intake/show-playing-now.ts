// `GET /1/user/{name}/playing-now`: the track a user's player last said is playing, while it plays.
import type { Clock } from '../../ports/clock.port.js';
import type { ServerUserStore } from '../../ports/server-user-store.port.js';
import type { NowPlayingBoard } from '../../intake/now-playing.js';
import type { PlayingNow } from '../../ports/now-playing-store.port.js';
import { NaradaError } from '../../../domain/shared/errors.js';

export interface ShowPlayingNowDeps {
  readonly users: ServerUserStore;
  readonly nowPlaying: NowPlayingBoard;
  readonly clock: Clock;
}

export class ShowPlayingNow {
  constructor(private readonly deps: ShowPlayingNowDeps) {}

  async run(name: string): Promise<{ readonly user: string; readonly playingNow: PlayingNow | null }> {
    const user = await this.deps.users.byName(name);
    if (user === null)
      throw new NaradaError('INTAKE.UNKNOWN_USER', `Cannot find user: ${name}`, 'input', {
        details: { name },
      });
    return { user: user.name, playingNow: await this.deps.nowPlaying.of(user.name, this.deps.clock.now()) };
  }
}
