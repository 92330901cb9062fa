// Loves: `user.getLovedTracks` pages, and the signed `track.love` / `track.unlove` writes.
import type {
  LastfmLovedTracksPage,
  LastfmTrackRef,
  LovedTracksQuery,
} from '../../../application/ports/lastfm.port.js';
import { LASTFM_PAGE_SIZE } from '../../../domain/history/lastfm-history-window.js';
import { mapLovedTracksPage } from './lastfm-loves-mapper.js';
import type { LastfmTransport } from './lastfm-transport.js';

export async function fetchLovedTracks(
  transport: LastfmTransport,
  query: LovedTracksQuery = {},
): Promise<LastfmLovedTracksPage> {
  const body = await transport.read('user.getLovedTracks', {
    user: await transport.username(query.user),
    limit: query.limit ?? LASTFM_PAGE_SIZE,
    page: query.page ?? 1,
  });
  return mapLovedTracksPage(body);
}

/** Last.fm answers an empty object; failures arrive as the error envelope and are thrown. */
export async function changeLove(
  transport: LastfmTransport,
  track: LastfmTrackRef,
  loved: boolean,
): Promise<void> {
  await transport.signed(
    loved ? 'track.love' : 'track.unlove',
    { artist: track.artist, track: track.title },
    true,
  );
}
