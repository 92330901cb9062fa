// The fake Last.fm's `user.getWeeklyChartList` and the `registered` field of `user.getInfo`, in the
// real wire form: `{"weeklychartlist": {"chart": [{"#text": "", "from": "…", "to": "…"}], "@attr":
// {"user": …}}}` (weeks of Sunday noon to Sunday noon UTC, from Last.fm's first chart week in 2005, the
// same list for every user) and `"registered": {"unixtime": "…", "#text": …}`.
import type { FakeResponse } from '../fake-http-server.js';
import { getUserInfo, type FakeMethod } from './fake-lastfm-read-methods.js';
import type { FakeLastfmState } from './fake-lastfm-state.js';
import { lastfmError } from './fake-lastfm-wire.js';

/** Last.fm's first weekly chart starts on Sunday 2005-02-13 12:00 UTC. */
const FIRST_CHART_WEEK = 1_108_296_000;
const WEEK = 7 * 86_400;

const registrations = new WeakMap<FakeLastfmState, Map<string, number>>();

/** Sets when `user` made their account (unix seconds); default: their oldest scrobble, else a day before now. */
export function setFakeRegistration(state: FakeLastfmState, user: string, unixSeconds: number): void {
  const known = registrations.get(state) ?? new Map<string, number>();
  known.set(user.toLowerCase(), unixSeconds);
  registrations.set(state, known);
}

function registeredOf(state: FakeLastfmState, user: string, now: number): number {
  const set = registrations.get(state)?.get(user.toLowerCase());
  if (set !== undefined) return set;
  const oldest = state.findUser(user)?.scrobbles.at(-1)?.timestamp;
  return oldest ?? Math.floor(now / 1000) - 86_400;
}

/** `user.getInfo` with `registered`, as Last.fm sends it. */
export const getUserInfoRegistered: FakeMethod = (ctx) => {
  const answer: FakeResponse = getUserInfo(ctx);
  const body = answer.body as { user?: Record<string, unknown> } | undefined;
  if (answer.status !== 200 || body?.user === undefined) return answer;
  const unixtime = registeredOf(ctx.state, String(body.user.name), ctx.now);
  return {
    ...answer,
    body: { user: { ...body.user, registered: { unixtime: String(unixtime), '#text': unixtime } } },
  };
};

export const getWeeklyChartList: FakeMethod = (ctx) => {
  const name = ctx.params.user;
  if (!name) return lastfmError(6, 'Invalid parameters - Your request is missing the [user] parameter');
  const user = ctx.state.findUser(name);
  if (!user) return lastfmError(6, 'User not found', 404);
  const now = Math.floor(ctx.now / 1000);
  const chart: Array<Record<string, string>> = [];
  for (let from = FIRST_CHART_WEEK; from + WEEK <= now; from += WEEK)
    chart.push({ '#text': '', from: String(from), to: String(from + WEEK) });
  return { status: 200, body: { weeklychartlist: { chart, '@attr': { user: user.name } } } };
};
