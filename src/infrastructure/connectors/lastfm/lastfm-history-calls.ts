// `user.getRecentTracks`: one page of a user's scrobbles (artist, track and album with their MBIDs),
// in the standard form unless the extended one is asked for.
import type { LastfmListenPage, RecentTracksQuery } from '../../../application/ports/lastfm.port.js';
import { LASTFM_PAGE_SIZE } from '../../../domain/history/lastfm-history-window.js';
import { mapRecentTracksPage } from './lastfm-history-mapper.js';
import type { LastfmTransport } from './lastfm-transport.js';

export async function fetchRecentTracks(
  transport: LastfmTransport,
  query: RecentTracksQuery = {},
): Promise<LastfmListenPage> {
  const { body, text } = await transport.readWithText('user.getRecentTracks', {
    user: await transport.username(query.user),
    limit: query.limit ?? LASTFM_PAGE_SIZE,
    page: query.page ?? 1,
    from: query.from === undefined ? undefined : Math.ceil(query.from / 1000),
    to: query.to === undefined ? undefined : Math.ceil(query.to / 1000),
    extended: query.extended === true ? 1 : undefined,
  });
  return mapRecentTracksPage(body, text);
}
