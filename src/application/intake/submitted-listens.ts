// A listen a player submitted, as a listen to record: the ledger event (source `submission`, the
// listen's JSON as sent) and the track named by artist and title, keyed the way Last.fm keys tracks, so
// it meets the same listen imported from Last.fm or from a ListenBrainz export.
import type { SubmittedListen } from '../../domain/intake/listen-submission.js';
import type { ListenToRecord } from '../history/listen-recorder.js';
import { nameKeyedTrack, type IdentityMemo } from '../history/upstream-listens.js';

/** The ledger source of listens sent to `POST /1/submit-listens`. */
export const SUBMISSION_SOURCE = 'submission';

export function submittedListenToRecord(
  listen: SubmittedListen & { readonly playedAt: number },
  user: string,
  identities: IdentityMemo,
): ListenToRecord {
  const { artist, title, album } = listen;
  const track = nameKeyedTrack(artist, title, album, 'listenbrainz');
  const trackKey = track.externalId;
  return {
    event: {
      user,
      source: SUBMISSION_SOURCE,
      playedAt: listen.playedAt,
      trackKey,
      // The player says how long the track is, not how long it was played.
      msPlayed: null,
      payload: listen.payload,
      importRunId: null,
    },
    track: {
      ...track,
      attributes: {},
      raw: { artist, title, album, recording_mbid: listen.recordingMbid },
    },
    identity: identities.of(trackKey, artist, title),
  };
}
