// aListeningEvent(): ledger rows, three minutes apart by default.
import type { RawListeningEvent } from '../../src/domain/history/listening-event.js';
import { BUILT_AT, externalIdFor, nextId } from './ids.js';

/**
 * A Last.fm scrobble of "Track n" by "Artist n" by `listener`; a `spotify` or `spotify_export` event
 * is keyed by a track URI and carries ms played. The payload reflects the final fields.
 */
export function aListeningEvent(overrides: Partial<RawListeningEvent> = {}): RawListeningEvent {
  const n = nextId();
  const source = overrides.source ?? 'lastfm';
  const fromLastfm = source === 'lastfm';
  const event = {
    user: 'listener',
    source,
    playedAt: BUILT_AT + n * 180_000,
    trackKey: fromLastfm ? externalIdFor('lastfm', n) : `spotify:track:${externalIdFor('spotify', n)}`,
    msPlayed: fromLastfm ? null : 180_000,
    importRunId: null,
    ...overrides,
  };
  return Object.freeze({
    payload: JSON.stringify({ trackKey: event.trackKey, playedAt: event.playedAt, msPlayed: event.msPlayed }),
    ...event,
  });
}
