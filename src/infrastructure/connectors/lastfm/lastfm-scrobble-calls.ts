// `track.scrobble` for any number of listens: consecutive batches of at most 50, one report.
import type { ScrobbleReport, ScrobbleSubmission } from '../../../application/ports/lastfm.port.js';
import {
  SCROBBLE_BATCH_SIZE,
  combineScrobbleReports,
  mapScrobbleResponse,
  scrobbleBatchParams,
} from './lastfm-scrobble-mapper.js';
import type { LastfmTransport } from './lastfm-transport.js';

export async function scrobbleAll(
  transport: LastfmTransport,
  items: readonly ScrobbleSubmission[],
): Promise<ScrobbleReport> {
  const reports: ScrobbleReport[] = [];
  // One batch after another: Last.fm's rate limit is per key, so parallel batches gain nothing.
  for (let start = 0; start < items.length; start += SCROBBLE_BATCH_SIZE) {
    const batch = items.slice(start, start + SCROBBLE_BATCH_SIZE);
    const body = await transport.signed('track.scrobble', scrobbleBatchParams(batch), true);
    reports.push(mapScrobbleResponse(body));
  }
  return combineScrobbleReports(reports);
}
