// `user.getInfo` and `user.getWeeklyChartList` for any user, unsigned (an API key is enough): the
// LastfmUsers port of the LastYear page. A user Last.fm does not know is an answer (null), not an error.
import type { LastfmUserProfile, LastfmUsers } from '../../../application/ports/lastfm-users.port.js';
import { NotFoundError } from '../../../application/ports/upstream-errors.js';
import { countOf, listOf, recordAt, secondsToMs, textOf } from './lastfm-wire.js';
import { LastfmTransport, type LastfmClientConfig, type LastfmHttp } from './lastfm-transport.js';

export class LastfmApiUsers implements LastfmUsers {
  private readonly transport: LastfmTransport;

  constructor(config: LastfmClientConfig, http: LastfmHttp) {
    this.transport = new LastfmTransport(config, http);
  }

  async profile(user: string): Promise<LastfmUserProfile | null> {
    const body = await orNull(this.transport.read('user.getInfo', { user }));
    return body === null ? null : mapUserInfo(body, user);
  }

  async firstChartWeek(user: string): Promise<number | null> {
    const body = await orNull(this.transport.read('user.getWeeklyChartList', { user }));
    if (body === null) return null;
    const starts = listOf(recordAt(body, 'weeklychartlist').chart)
      .map((chart) => secondsToMs(chart.from))
      .filter((at): at is number => at !== null && at > 0);
    return starts.length === 0 ? null : Math.min(...starts);
  }
}

/** `{"user": {name, url, playcount, registered: {unixtime, "#text"}}}`, numbers as strings. */
export function mapUserInfo(body: unknown, asked: string): LastfmUserProfile {
  const user = recordAt(body, 'user');
  const name = textOf(user.name) ?? asked;
  const registered = recordAt(user, 'registered');
  const registeredAt = secondsToMs(registered.unixtime ?? registered['#text']);
  return {
    name,
    url: textOf(user.url) ?? `https://www.last.fm/user/${encodeURIComponent(name)}`,
    registeredAt: registeredAt !== null && registeredAt > 0 ? registeredAt : null,
    playcount: countOf(user.playcount) ?? 0,
  };
}

async function orNull(call: Promise<unknown>): Promise<unknown> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}
