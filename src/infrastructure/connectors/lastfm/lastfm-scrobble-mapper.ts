// Pure parts of scrobbling: the `artist[i]`/`track[i]`/`timestamp[i]` form of one batch, and the
// accepted/ignored report (`scrobble` is an object for one item, an array for several).
import type {
  ScrobbleOutcome,
  ScrobbleReport,
  ScrobbleSubmission,
} from '../../../application/ports/lastfm.port.js';
import { NaradaError } from '../../../domain/shared/errors.js';
import {
  countOf,
  flagOf,
  isRecord,
  listOf,
  recordAt,
  secondsToMs,
  textOf,
  unexpectedResponse,
  type WireRecord,
} from './lastfm-wire.js';

/** Last.fm refuses more per `track.scrobble` call. */
export const SCROBBLE_BATCH_SIZE = 50;

export function scrobbleBatchParams(batch: readonly ScrobbleSubmission[]): Record<string, string> {
  if (batch.length === 0 || batch.length > SCROBBLE_BATCH_SIZE) {
    throw new NaradaError(
      'LASTFM.BAD_SCROBBLE_BATCH',
      `A scrobble batch holds 1–${SCROBBLE_BATCH_SIZE} items, got ${batch.length}`,
    );
  }
  const params: Record<string, string> = {};
  batch.forEach((item, i) => {
    params[`artist[${i}]`] = item.artist;
    params[`track[${i}]`] = item.title;
    params[`timestamp[${i}]`] = String(Math.floor(item.playedAt / 1000));
    if (item.album) params[`album[${i}]`] = item.album;
    if (item.albumArtist) params[`albumArtist[${i}]`] = item.albumArtist;
    if (item.durationMs != null && item.durationMs > 0) {
      params[`duration[${i}]`] = String(Math.round(item.durationMs / 1000));
    }
    if (item.mbid) params[`mbid[${i}]`] = item.mbid;
  });
  return params;
}

export function mapScrobbleResponse(body: unknown): ScrobbleReport {
  if (!isRecord(body) || !isRecord(body.scrobbles)) {
    throw unexpectedResponse('track.scrobble', 'no "scrobbles" object');
  }
  const outcomes = listOf(body.scrobbles.scrobble).map(mapOutcome);
  const attrs = recordAt(body.scrobbles, '@attr');
  return {
    accepted: countOf(attrs.accepted) ?? outcomes.filter((o) => o.accepted).length,
    ignored: countOf(attrs.ignored) ?? outcomes.filter((o) => !o.accepted).length,
    outcomes,
  };
}

function mapOutcome(item: WireRecord): ScrobbleOutcome {
  const ignored = recordAt(item, 'ignoredMessage');
  const code = countOf(ignored.code) ?? 0;
  const corrected = ['artist', 'track'].some((key) => flagOf(recordAt(item, key).corrected) === true);
  return {
    artist: textOf(item.artist) ?? '',
    title: textOf(item.track) ?? '',
    album: textOf(item.album),
    playedAt: secondsToMs(item.timestamp) ?? 0,
    accepted: code === 0,
    ignoredCode: code,
    ignoredMessage: textOf(ignored),
    corrected,
  };
}

/** Reports of several batches as one, in submission order. */
export function combineScrobbleReports(reports: readonly ScrobbleReport[]): ScrobbleReport {
  return {
    accepted: reports.reduce((sum, r) => sum + r.accepted, 0),
    ignored: reports.reduce((sum, r) => sum + r.ignored, 0),
    outcomes: reports.flatMap((r) => r.outcomes),
  };
}
