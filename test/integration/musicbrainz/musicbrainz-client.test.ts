import { afterEach, describe, expect, it } from '@jest/globals';
import {
  RateLimitedError,
  UpstreamError,
  UpstreamUnavailableError,
} from '../../../src/application/ports/upstream-errors.js';
import { Isrc } from '../../../src/domain/values/isrc.js';
import { Mbid } from '../../../src/domain/values/mbid.js';
import { CallCounter } from '../../../src/infrastructure/connectors/http/call-counter.js';
import { InMemoryResponseCache } from '../../../src/infrastructure/connectors/http/in-memory-response-cache.js';
import {
  adaptiveLimiter,
  type RateLimiter,
} from '../../../src/infrastructure/connectors/http/rate-limiter.js';
import { MusicBrainzClient } from '../../../src/infrastructure/connectors/musicbrainz/musicbrainz-client.js';
import { createMusicBrainzHttpClient } from '../../../src/infrastructure/connectors/musicbrainz/musicbrainz-http.js';
import { MusicBrainzCatalog } from '../../fakes/musicbrainz/musicbrainz-catalog.js';
import { startFakeMusicBrainz, type FakeMusicBrainz } from '../../fakes/musicbrainz/fake-musicbrainz.js';
import { FastForwardClock } from '../http/fast-forward-clock.js';

let fake: FakeMusicBrainz | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

interface Setup {
  readonly fake: FakeMusicBrainz;
  readonly client: MusicBrainzClient;
  readonly cache: InMemoryResponseCache;
  readonly calls: CallCounter;
  readonly clock: FastForwardClock;
}

/**
 * Most tests are about answers, not pacing: the fake's 1/s rule is off and backoff waits are
 * fast-forwarded. The pacing tests at the bottom use the real limiter and the real clock.
 */
async function setUp(
  catalog: MusicBrainzCatalog,
  options: { userAgent?: string; limiter?: RateLimiter; maxRetryAfterMs?: number } = {},
): Promise<Setup> {
  fake = await startFakeMusicBrainz({ catalog, enforceRateLimit: false });
  const clock = new FastForwardClock();
  const calls = new CallCounter();
  const cache = new InMemoryResponseCache();
  const http = createMusicBrainzHttpClient({
    calls,
    limiter: options.limiter ?? adaptiveLimiter(clock),
    clock,
    random: () => 0.5,
    ...(options.userAgent === undefined ? {} : { userAgent: options.userAgent }),
    ...(options.maxRetryAfterMs === undefined ? {} : { retry: { maxRetryAfterMs: options.maxRetryAfterMs } }),
  });
  const client = new MusicBrainzClient({ baseUrl: fake.url, http, cache, clock: clock.now });
  return { fake, client, cache, calls, clock };
}

function catalogWithSharedIsrc() {
  const catalog = new MusicBrainzCatalog();
  const album = catalog.addRecording({
    title: 'Hey Boy Hey Girl',
    artists: ['The Chemical Brothers'],
    isrcs: ['GBAAA9900303'],
    lengthMs: 289_946,
    releases: [
      { title: 'Surrender', date: '1999-06-21', country: 'GB' },
      { title: 'Singles 93–03', date: '2003-09-22', secondaryTypes: ['Compilation'] },
    ],
  });
  const edit = catalog.addRecording({
    title: 'Hey Boy Hey Girl',
    artists: ['The Chemical Brothers'],
    isrcs: ['GBAAA9900303', 'GBAAA9900304'],
    disambiguation: 'radio edit',
    releases: [{ title: 'Hey Boy Hey Girl', date: '1999-05-31', type: 'Single' }],
  });
  return { catalog, album, edit };
}

describe('MusicBrainzClient against the fake MusicBrainz', () => {
  it('finds every recording that carries an ISRC, with credits and releases', async () => {
    const { catalog, album, edit } = catalogWithSharedIsrc();
    const { client, fake } = await setUp(catalog);
    const found = await client.recordingsByIsrcs([Isrc.parse('GB-AAA-99-00303')]);
    const recordings = found.get('GBAAA9900303') ?? [];
    expect(recordings.map((r) => r.id.value)).toEqual([album.id, edit.id]);
    expect(recordings[0]).toMatchObject({
      title: 'Hey Boy Hey Girl',
      artists: ['The Chemical Brothers'],
      lengthMs: 289_946,
    });
    expect(recordings[0]?.releases.map((r) => r.title)).toEqual(['Surrender', 'Singles 93–03']);
    expect(recordings[1]?.disambiguation).toBe('radio edit');
    const sent = new URLSearchParams(fake.requests[0]?.query);
    expect(sent.get('query')).toBe('isrc:(GBAAA9900303)');
    expect([sent.get('limit'), sent.get('offset'), sent.get('fmt')]).toEqual(['100', '0', 'json']);
  });

  it('answers an unknown ISRC with an empty list and an unknown MBID with null', async () => {
    const { client } = await setUp(new MusicBrainzCatalog());
    const unknown = Isrc.parse('USRC17607839');
    expect((await client.recordingsByIsrcs([unknown])).get(unknown.value)).toEqual([]);
    await expect(client.recording(Mbid.parse('5b11f4ce-a62d-471e-81fc-a69a8278c7da'))).resolves.toBeNull();
    await expect(client.release(Mbid.parse('5b11f4ce-a62d-471e-81fc-a69a8278c7da'))).resolves.toBeNull();
    await expect(client.releaseGroup(Mbid.parse('5b11f4ce-a62d-471e-81fc-a69a8278c7da'))).resolves.toBeNull();
  });

  it('looks up a recording with ISRCs, releases and their release groups', async () => {
    const { catalog, edit } = catalogWithSharedIsrc();
    const { client } = await setUp(catalog);
    const recording = await client.recording(Mbid.parse(edit.id));
    expect(recording?.isrcs.map(String)).toEqual(['GBAAA9900303', 'GBAAA9900304']);
    expect(recording?.firstReleaseDate?.toString()).toBe('1999-05-31');
    expect(recording?.releases[0]?.releaseGroup).toMatchObject({
      title: 'Hey Boy Hey Girl',
      primaryType: 'Single',
    });
  });

  it('dates a release group by its earliest release, and a release by its own date', async () => {
    const catalog = new MusicBrainzCatalog();
    const group = catalog.addReleaseGroup({ title: 'The Dark Side of the Moon', artists: ['Pink Floyd'] });
    const reissue = catalog.addRelease({
      title: 'The Dark Side of the Moon',
      date: '1979-06',
      releaseGroupId: group.id,
    });
    catalog.addRelease({ title: 'The Dark Side of the Moon', date: '1973-03-24', releaseGroupId: group.id });
    const { client } = await setUp(catalog);
    const fetched = await client.releaseGroup(Mbid.parse(group.id));
    expect(fetched?.firstReleaseDate?.toString()).toBe('1973-03-24');
    expect(fetched?.artistCredit.map((c) => c.name)).toEqual(['Pink Floyd']);
    const release = await client.release(Mbid.parse(reissue.id));
    expect(release?.date?.toString()).toBe('1979-06');
    expect(release?.releaseGroup?.firstReleaseDate?.toString()).toBe('1973-03-24');
  });

  it('serves repeated look-ups from the cache, and concurrent ones with a single request', async () => {
    const { catalog, album } = catalogWithSharedIsrc();
    const { client, calls, cache } = await setUp(catalog);
    const id = Mbid.parse(album.id);
    const together = await Promise.all([client.recording(id), client.recording(id), client.recording(id)]);
    expect(new Set(together.map((r) => r?.title))).toEqual(new Set(['Hey Boy Hey Girl']));
    expect(await client.recording(id)).toMatchObject({ title: 'Hey Boy Hey Girl' });
    expect(calls.snapshot()).toEqual({ 'musicbrainz GET /recording/{mbid}': 1 });
    expect(cache.size).toBe(1);
  });

  it('fetches again once a cached look-up is older than the cache age', async () => {
    const { catalog, album } = catalogWithSharedIsrc();
    const setup = await setUp(catalog);
    const client = new MusicBrainzClient({
      baseUrl: setup.fake.url,
      http: createMusicBrainzHttpClient({ calls: setup.calls, limiter: adaptiveLimiter() }),
      cache: setup.cache,
      clock: setup.clock.now,
      cacheMaxAgeMs: 60_000,
    });
    await client.recording(Mbid.parse(album.id));
    await setup.clock.sleep(61_000);
    await client.recording(Mbid.parse(album.id));
    expect(setup.calls.total('musicbrainz')).toBe(2);
  });

  it('does not cache misses, so a recording MusicBrainz did not know yet is found later', async () => {
    const { catalog, album } = catalogWithSharedIsrc();
    const { client, fake } = await setUp(catalog);
    fake.failNext(1, 404);
    await expect(client.recording(Mbid.parse(album.id))).resolves.toBeNull();
    await expect(client.recording(Mbid.parse(album.id))).resolves.toMatchObject({
      title: 'Hey Boy Hey Girl',
    });
    expect(fake.requests.map((r) => r.status)).toEqual([404, 200]);
  });

  it('searches by title and artist, escaping special characters, with paging', async () => {
    const catalog = new MusicBrainzCatalog();
    catalog.addRecording({ title: 'Help! (Remastered 2009)', artists: ['The Beatles'] });
    catalog.addRecording({ title: 'Help Me', artists: ['Joni Mitchell'] });
    catalog.addRecording({ title: 'T.N.T.', artists: ['AC/DC'], isrcs: ['AUAP07600012'] });
    for (let n = 0; n < 30; n++) catalog.addRecording({ title: `Track ${n}`, artists: ['AC/DC'] });
    const { client } = await setUp(catalog);
    const help = await client.searchRecordings({ title: 'Help! (Remastered 2009)', artist: 'The Beatles' });
    expect(help.hits.map((h) => [h.recording.title, h.score])).toEqual([['Help! (Remastered 2009)', 100]]);
    const byIsrc = await client.searchRecordings({ isrc: 'AUAP07600012' });
    expect(byIsrc.hits.map((h) => h.recording.artists)).toEqual([['AC/DC']]);
    const firstPage = await client.searchRecordings({ artist: 'AC/DC' });
    expect([firstPage.count, firstPage.hits.length, firstPage.offset]).toEqual([31, 25, 0]);
    const lastPage = await client.searchRecordings({ artist: 'AC/DC', limit: 10, offset: 25 });
    expect([lastPage.hits.length, lastPage.offset]).toEqual([6, 25]);
  });

  it('retries 503s with backoff and then answers', async () => {
    const { catalog, album } = catalogWithSharedIsrc();
    const { client, fake, clock } = await setUp(catalog);
    fake.failNext(2, 503);
    await expect(client.recording(Mbid.parse(album.id))).resolves.toMatchObject({
      title: 'Hey Boy Hey Girl',
    });
    expect(fake.requests.map((r) => r.status)).toEqual([503, 503, 200]);
    expect(clock.sleeps).toEqual([750, 1500]);
  });

  it('keeps slowing down through more rate-limit 503s than a failing server gets attempts', async () => {
    const { catalog, album } = catalogWithSharedIsrc();
    const { client, fake } = await setUp(catalog);
    fake.failNext(7, 503);
    await expect(client.recording(Mbid.parse(album.id))).resolves.toMatchObject({
      title: 'Hey Boy Hey Girl',
    });
    expect(fake.requests).toHaveLength(8);
  });

  it('stops with RateLimitedError once rate-limit 503s have kept it waiting longer than allowed', async () => {
    const { catalog, album } = catalogWithSharedIsrc();
    const { client, fake } = await setUp(catalog, { maxRetryAfterMs: 60_000 });
    fake.failNext(100, 503);
    const failure = client.recording(Mbid.parse(album.id));
    await expect(failure).rejects.toBeInstanceOf(RateLimitedError);
    await expect(failure).rejects.toMatchObject({ category: 'failure', code: 'MUSICBRAINZ.RATE_LIMITED' });
    await expect(failure).rejects.toThrow(
      /^MusicBrainz still asks us to slow down after \d+ s of waiting \(NARADA_MAX_RETRY_AFTER_MINUTES allows 1 min\); run again after/,
    );
  });

  it('reports MusicBrainz unavailable when server errors do not stop', async () => {
    const { catalog, album } = catalogWithSharedIsrc();
    const { client, fake } = await setUp(catalog);
    fake.failNext(5, 502);
    await expect(client.recording(Mbid.parse(album.id))).rejects.toBeInstanceOf(UpstreamUnavailableError);
    expect(fake.requests).toHaveLength(5);
  });

  it('stops at once when MusicBrainz asks for a wait beyond the ceiling', async () => {
    const { catalog, album } = catalogWithSharedIsrc();
    const { client, fake } = await setUp(catalog);
    fake.failNext(1, 503, { 'retry-after': '3600' });
    await expect(client.recording(Mbid.parse(album.id))).rejects.toBeInstanceOf(RateLimitedError);
    expect(fake.requests).toHaveLength(1);
  });

  it('explains a 403 for a generic User-Agent as a configuration problem', async () => {
    const { catalog, album } = catalogWithSharedIsrc();
    const { client } = await setUp(catalog, { userAgent: 'node' });
    const failure = client.recording(Mbid.parse(album.id));
    await expect(failure).rejects.toBeInstanceOf(UpstreamError);
    await expect(failure).rejects.toMatchObject({ code: 'MUSICBRAINZ.FORBIDDEN', category: 'config' });
  });
});
