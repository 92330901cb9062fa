// The client's batched look-ups against the fake: as few OR-queries as MusicBrainz accepts, every
// page of each, and answers keyed by what was asked.
import { afterEach, describe, expect, it } from '@jest/globals';
import { Isrc } from '../../../src/domain/values/isrc.js';
import { Mbid } from '../../../src/domain/values/mbid.js';
import { CallCounter } from '../../../src/infrastructure/connectors/http/call-counter.js';
import { InMemoryResponseCache } from '../../../src/infrastructure/connectors/http/in-memory-response-cache.js';
import { adaptiveLimiter } from '../../../src/infrastructure/connectors/http/rate-limiter.js';
import { MusicBrainzClient } from '../../../src/infrastructure/connectors/musicbrainz/musicbrainz-client.js';
import { createMusicBrainzHttpClient } from '../../../src/infrastructure/connectors/musicbrainz/musicbrainz-http.js';
import {
  MAX_URL_BYTES,
  startFakeMusicBrainz,
  type FakeMusicBrainz,
} from '../../fakes/musicbrainz/fake-musicbrainz.js';
import { MusicBrainzCatalog } from '../../fakes/musicbrainz/musicbrainz-catalog.js';

let fake: FakeMusicBrainz | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function clientOver(
  catalog: MusicBrainzCatalog,
): Promise<{ client: MusicBrainzClient; fake: FakeMusicBrainz }> {
  fake = await startFakeMusicBrainz({ catalog, enforceRateLimit: false });
  const http = createMusicBrainzHttpClient({ calls: new CallCounter(), limiter: adaptiveLimiter() });
  return {
    client: new MusicBrainzClient({ baseUrl: fake.url, http, cache: new InMemoryResponseCache() }),
    fake,
  };
}

const isrcOf = (n: number) => `USZZZ26${String(n).padStart(5, '0')}`;
const sent = (f: FakeMusicBrainz) =>
  f.requests.map((r) => {
    const query = new URLSearchParams(r.query);
    return {
      path: r.path,
      ids: query.get('query')!.split(' OR ').length,
      offset: Number(query.get('offset')),
    };
  });

describe('batched MusicBrainz look-ups', () => {
  it('asks 100 ISRCs a query and pages a query whose ISRCs name more than 100 recordings', async () => {
    const catalog = new MusicBrainzCatalog();
    // 150 ISRCs; the first 30 each name a second recording (a remix sharing the code).
    for (let n = 0; n < 150; n++) {
      catalog.addRecording({ title: `Song ${n}`, isrcs: [isrcOf(n)] });
      if (n < 30) catalog.addRecording({ title: `Song ${n} (remix)`, isrcs: [isrcOf(n)] });
    }
    const { client, fake } = await clientOver(catalog);
    const asked = [...Array.from({ length: 150 }, (_, n) => isrcOf(n)), 'USZZZ2699999'].map((c) =>
      Isrc.parse(c),
    );

    const answers = await client.recordingsByIsrcs(asked);

    expect(answers.size).toBe(151);
    expect(answers.get(isrcOf(0))?.map((r) => r.title)).toEqual(['Song 0', 'Song 0 (remix)']);
    expect(answers.get(isrcOf(149))?.map((r) => r.title)).toEqual(['Song 149']);
    expect(answers.get('USZZZ2699999')).toEqual([]);
    expect(sent(fake)).toEqual([
      { path: '/ws/2/recording', ids: 100, offset: 0 },
      { path: '/ws/2/recording', ids: 100, offset: 100 },
      { path: '/ws/2/recording', ids: 51, offset: 0 },
    ]);
    expect(new URLSearchParams(fake.requests[0]?.query).get('limit')).toBe('100');
  });

  it('finds recordings by MBID with releases and release groups, leaving out ids that are no recording', async () => {
    const catalog = new MusicBrainzCatalog();
    const recordings = Array.from({ length: 250 }, (_, n) =>
      catalog.addRecording({
        title: `Tune ${n}`,
        artists: ['Someone'],
        releases: [{ title: `Album ${n}`, date: '2001-02-03', type: 'Album' }],
      }),
    );
    const { client, fake } = await clientOver(catalog);
    const notARecording = 'f0000000-0000-4000-8000-000000000001';

    const found = await client.recordingsByIds(
      [...recordings.map((r) => r.id), notARecording].map((id) => Mbid.parse(id)),
    );

    expect(found.size).toBe(250);
    expect(found.has(notARecording)).toBe(false);
    const first = found.get(recordings[0]!.id)!;
    expect(first).toMatchObject({ title: 'Tune 0', artists: ['Someone'] });
    expect(first.firstReleaseDate?.toString()).toBe('2001-02-03');
    // Search answers name a release's group but not its first release: that takes a release-group search.
    expect(first.releases[0]?.releaseGroup).toMatchObject({
      title: 'Album 0',
      primaryType: 'Album',
      firstReleaseDate: null,
    });
    expect(sent(fake).map((r) => r.ids)).toEqual([100, 100, 51]);
    expect(fake.requests.every((r) => r.path.length + 1 + r.query.length < MAX_URL_BYTES)).toBe(true);
  });

  it('dates release groups by their first release in one search', async () => {
    const catalog = new MusicBrainzCatalog();
    const group = catalog.addReleaseGroup({ title: 'The Dark Side of the Moon', artists: ['Pink Floyd'] });
    catalog.addRelease({ title: 'The Dark Side of the Moon', date: '2011-09-26', releaseGroupId: group.id });
    catalog.addRelease({ title: 'The Dark Side of the Moon', date: '1973-03-24', releaseGroupId: group.id });
    const other = catalog.addReleaseGroup({ title: 'Wish You Were Here', artists: ['Pink Floyd'] });
    catalog.addRelease({ title: 'Wish You Were Here', date: '1975-09-12', releaseGroupId: other.id });
    const { client, fake } = await clientOver(catalog);

    const groups = await client.releaseGroupsByIds([group.id, other.id].map((id) => Mbid.parse(id)));

    expect(groups.get(group.id)?.firstReleaseDate?.toString()).toBe('1973-03-24');
    expect(groups.get(other.id)?.firstReleaseDate?.toString()).toBe('1975-09-12');
    expect(fake.requests.map((r) => r.path)).toEqual(['/ws/2/release-group']);
    expect(new URLSearchParams(fake.requests[0]?.query).get('query')).toBe(
      `rgid:(${group.id} OR ${other.id})`,
    );
  });

  it('sends nothing when asked about nothing', async () => {
    const { client, fake } = await clientOver(new MusicBrainzCatalog());
    expect((await client.recordingsByIsrcs([])).size).toBe(0);
    expect((await client.recordingsByIds([])).size).toBe(0);
    expect((await client.releaseGroupsByIds([])).size).toBe(0);
    expect(fake.requests).toHaveLength(0);
  });
});
