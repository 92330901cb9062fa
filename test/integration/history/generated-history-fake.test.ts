import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LastfmApiClient } from '../../../src/infrastructure/connectors/lastfm/lastfm-api-client.js';
import {
  entryText,
  generatedScrobble,
  startGeneratedHistoryLastfm,
  type GeneratedHistoryLastfm,
} from '../../fakes/lastfm/fake-lastfm-generated-history.js';
import { recentTrackWire } from '../../fakes/lastfm/fake-lastfm-wire.js';
import { CallCounter } from '../../../src/infrastructure/connectors/http/call-counter.js';
import { lastfmHttp } from '../lastfm/lastfm-test-kit.js';

const OPTIONS = { user: 'bench', count: 1_000, newest: 1_717_200_000, stepSeconds: 180, tracks: 97 };

describe('the generated-history fake Last.fm (benchmarks)', () => {
  let fake: GeneratedHistoryLastfm;
  beforeAll(async () => {
    fake = await startGeneratedHistoryLastfm(OPTIONS);
  });
  afterAll(() => fake.close());

  it('writes each entry exactly as the main fake would', () => {
    for (const i of [0, 1, 500, 999]) {
      const scrobble = {
        ...generatedScrobble(i, OPTIONS),
        artist: 'Sigur Rós & Co',
        track: 'Ára bátur "live"',
      };
      for (const extended of [true, false]) {
        expect(JSON.parse(entryText(scrobble, extended))).toEqual(recentTrackWire(scrobble, extended, false));
      }
    }
  });

  it('pages a range newest first, as the real client reads it', async () => {
    const client = new LastfmApiClient({
      config: { apiUrl: fake.url, apiKey: fake.apiKey, apiSecret: null, username: 'bench' },
      http: lastfmHttp(new CallCounter()),
    });
    const from = (OPTIONS.newest - 10 * 180) * 1000;
    const to = (OPTIONS.newest - 2 * 180) * 1000;
    const page = await client.getRecentTracks({ page: 2, limit: 5, from, to });
    expect(page).toMatchObject({ total: 8, totalPages: 2, page: 2 });
    expect(page.listens.map((l) => l.playedAt)).toEqual(
      [8, 9, 10].map((i) => (OPTIONS.newest - i * 180) * 1000),
    );
    expect(page.listens[0]).toMatchObject({
      artist: generatedScrobble(8, OPTIONS).artist,
      title: generatedScrobble(8, OPTIONS).track,
      rawText: entryText(generatedScrobble(8, OPTIONS), false),
    });
  });
});
