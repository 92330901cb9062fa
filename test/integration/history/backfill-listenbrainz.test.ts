// `BackfillListenBrainz` with the real client over HTTP to the fake ListenBrainz and a real SQLite
// file: 1000 listens a request, 429s waited out, the server's rate-limit headers honoured, and a
// run stopped part way resumed without sending any listen twice.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { SILENT_PROGRESS } from '../../../src/application/ports/progress.port.js';
import { BackfillListenBrainz } from '../../../src/application/use-cases/history/backfill-listenbrainz.js';
import { CallCounter } from '../../../src/infrastructure/connectors/http/call-counter.js';
import { tokenBucketLimiter } from '../../../src/infrastructure/connectors/http/rate-limiter.js';
import { ListenBrainzClient } from '../../../src/infrastructure/connectors/listenbrainz/listenbrainz-client.js';
import { createListenBrainzHttpClient } from '../../../src/infrastructure/connectors/listenbrainz/listenbrainz-http.js';
import {
  FAKE_LISTENBRAINZ_TOKEN,
  startFakeListenBrainz,
  type FakeListenBrainz,
  type FakeListenBrainzOptions,
} from '../../fakes/listenbrainz/fake-listenbrainz.js';
import { aStreamedListen, openHistoryKit, type HistoryKit } from './history-test-kit.js';

const T0 = Date.UTC(2024, 0, 1);
const TOTAL = 2500;
const streamed = (playedAt: number, n: number) => aStreamedListen('ann', playedAt, n);

describe('BackfillListenBrainz against the fake ListenBrainz', () => {
  let kit: HistoryKit;
  let fake: FakeListenBrainz;

  beforeEach(async () => {
    kit = await openHistoryKit();
    for (let start = 0; start < TOTAL; start += 500) {
      const batch = [];
      for (let i = start; i < start + 500; i++) batch.push(streamed(T0 + i * 300_000, i));
      await kit.recorder.record(batch);
    }
  });
  afterEach(async () => {
    await fake.close();
    await kit.dispose();
  });

  async function start(options: FakeListenBrainzOptions = {}): Promise<void> {
    fake = await startFakeListenBrainz(options);
  }

  function backfill(token: string | null = FAKE_LISTENBRAINZ_TOKEN): BackfillListenBrainz {
    const http = createListenBrainzHttpClient({
      limiter: tokenBucketLimiter(100, 100),
      calls: new CallCounter(),
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 },
    });
    return new BackfillListenBrainz({
      listenbrainz: new ListenBrainzClient({ apiUrl: fake.url, token, http }),
      listens: kit.repos.listenExport,
      checkpoints: kit.repos.syncCheckpoints,
      clock: kit.clock,
      progress: SILENT_PROGRESS,
      defaultListener: async () => 'ann',
    });
  }

  const submissions = () => fake.server.requests.filter((r) => r.path === '/1/submit-listens');
  const sentTitles = () => fake.received.map((r) => r.listen.track_metadata.track_name);
  const allTitles = Array.from({ length: TOTAL }, (_, i) => `Song ${i}`);

  it('sends every listen once, oldest first, as import listens of at most 1000, and nothing on a second run', async () => {
    await start();
    const summary = await backfill().run();
    expect(summary).toMatchObject({
      user: 'ann',
      listenbrainzUser: 'fake-lb-user',
      sent: TOTAL,
      requests: 3,
    });
    expect(submissions().map((r) => (r.body as { payload: unknown[] }).payload.length)).toEqual([
      1000, 1000, 500,
    ]);
    expect(submissions().every((r) => (r.body as { listen_type: string }).listen_type === 'import')).toBe(
      true,
    );
    expect(sentTitles()).toEqual(allTitles);
    expect(fake.received[0]!.listen.listened_at).toBe(T0 / 1000);

    const again = await backfill().run();
    expect(again).toMatchObject({ alreadySent: TOTAL, sent: 0, requests: 0 });
    expect(fake.received).toHaveLength(TOTAL);
  });

  it('waits out a 429 for X-RateLimit-Reset-In and goes on', async () => {
    await start();
    fake.rateLimitNext(2, 1);
    const began = Date.now();
    const summary = await backfill().run();
    expect(Date.now() - began).toBeGreaterThanOrEqual(1900);
    expect(summary.sent).toBe(TOTAL);
    expect(submissions().map((r) => r.status)).toEqual([429, 429, 200, 200, 200]);
    expect(sentTitles()).toEqual(allTitles);
  });

  it('waits for the next window when X-RateLimit-Remaining reaches 0, so it meets no 429', async () => {
    await start({ perWindow: 2, windowSeconds: 1 });
    const summary = await backfill().run();
    expect(summary.sent).toBe(TOTAL);
    expect(fake.server.requests.map((r) => r.status)).toEqual([200, 200, 200, 200]);
  });

  it('resumes a run that stopped part way after the last accepted request, sending nothing twice', async () => {
    await start();
    fake.failAfter(1);
    await expect(backfill().run()).rejects.toMatchObject({ code: 'LISTENBRAINZ.UNAVAILABLE' });
    expect(fake.received).toHaveLength(1000);
    fake.failAfter(null);
    const resumed = await backfill().run();
    expect(resumed).toMatchObject({ alreadySent: 1000, sent: TOTAL - 1000, requests: 2 });
    expect(sentTitles()).toEqual(allTitles);
  });

  it('refuses a bad token before sending anything, naming the variable and not the token', async () => {
    await start();
    const refused = backfill('not-a-token').run();
    await expect(refused).rejects.toMatchObject({ code: 'LISTENBRAINZ.BAD_TOKEN', category: 'config' });
    await expect(backfill('not-a-token').run()).rejects.toThrow(/LISTENBRAINZ_TOKEN/);
    await expect(backfill('not-a-token').run()).rejects.not.toThrow(/not-a-token/);
    await expect(backfill(null).run()).rejects.toMatchObject({ code: 'LISTENBRAINZ.NO_TOKEN' });
    expect(submissions()).toEqual([]);
  });

  it('counts in a dry run and sends nothing, asking nothing of the server', async () => {
    await start();
    const summary = await backfill(null).run({ dryRun: true });
    expect(summary).toMatchObject({ dryRun: true, sent: TOTAL, requests: 0, listenbrainzUser: null });
    expect(fake.server.requests).toEqual([]);
  });
});

describe('the fake ListenBrainz', () => {
  let fake: FakeListenBrainz;
  beforeEach(async () => (fake = await startFakeListenBrainz()));
  afterEach(async () => fake.close());

  const post = (body: unknown, token = FAKE_LISTENBRAINZ_TOKEN) =>
    fetch(`${fake.url}/1/submit-listens`, {
      method: 'POST',
      headers: { Authorization: `Token ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  const listen = { listened_at: 1_700_000_000, track_metadata: { artist_name: 'A', track_name: 'T' } };

  it('refuses what the real server refuses, with its messages and error shape', async () => {
    const tooMany = await post({
      listen_type: 'import',
      payload: Array.from({ length: 1001 }, () => listen),
    });
    expect(tooMany.status).toBe(400);
    expect(await tooMany.json()).toEqual({
      code: 400,
      error: 'Too many listens. You may not submit more than 1000 listens at once.',
    });
    const badTime = await post({ listen_type: 'import', payload: [{ ...listen, listened_at: 'soon' }] });
    expect(await badTime.json()).toMatchObject({
      error: 'JSON document must contain an int value for listened_at.',
    });
    const noArtist = await post({
      listen_type: 'import',
      payload: [{ ...listen, track_metadata: { artist_name: '', track_name: 'T' } }],
    });
    expect(await noArtist.json()).toMatchObject({
      error: 'JSON document does not contain required track_metadata.artist_name.',
    });
    const badType = await post({ listen_type: 'bulk', payload: [listen] });
    expect(await badType.json()).toMatchObject({ error: 'JSON document requires a valid listen_type key.' });
    const badToken = await post({ listen_type: 'import', payload: [listen] }, 'nope');
    expect(badToken.status).toBe(401);
    expect(await badToken.json()).toEqual({ code: 401, error: 'Invalid authorization token.' });
    expect(badToken.headers.get('x-ratelimit-remaining')).not.toBeNull();
    expect(fake.received).toEqual([]);
  });
});
