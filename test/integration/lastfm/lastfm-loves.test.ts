import { afterEach, describe, expect, it } from '@jest/globals';
import { AuthRequiredError } from '../../../src/application/ports/upstream-errors.js';
import { aCatalogTrack } from '../../fakes/lastfm/fake-lastfm-builders.js';
import { startLastfmKit, type LastfmKit } from './lastfm-test-kit.js';

describe('LastfmApiClient loves against the fake Last.fm', () => {
  let kit: LastfmKit;
  afterEach(() => kit.fake.close());

  it('pages through loves newest first with their love time', async () => {
    kit = await startLastfmKit();
    for (let i = 1; i <= 5; i++) {
      kit.fake.addLove('listener', { artist: 'Enjoy', track: `Song ${i}`, date: 1_750_000_000 + i });
    }
    const first = await kit.client.getLovedTracks({ limit: 2 });
    expect(first).toMatchObject({ page: 1, totalPages: 3, total: 5 });
    const titles = [...first.tracks];
    for (let page = 2; page <= first.totalPages; page++) {
      titles.push(...(await kit.client.getLovedTracks({ page, limit: 2 })).tracks);
    }
    expect(titles.map((t) => [t.title, t.lovedAt])).toEqual([
      ['Song 5', 1_750_000_005_000],
      ['Song 4', 1_750_000_004_000],
      ['Song 3', 1_750_000_003_000],
      ['Song 2', 1_750_000_002_000],
      ['Song 1', 1_750_000_001_000],
    ]);
  });

  it('asks again for a loves page that came back empty although its paging says it holds loves', async () => {
    kit = await startLastfmKit();
    for (let i = 1; i <= 5; i++) {
      kit.fake.addLove('listener', { artist: 'Enjoy', track: `Song ${i}`, date: 1_750_000_000 + i });
    }
    const once = kit.fake.fault('user.getLovedTracks', 'empty', { page: 2, times: 1 });
    expect((await kit.client.getLovedTracks({ page: 2, limit: 2 })).tracks.map((t) => t.title)).toEqual([
      'Song 3',
      'Song 2',
    ]);
    expect(once.hits()).toBe(1);

    // Left empty, the page is an error (so `likes import lastfm` forgets no like), never an empty list.
    kit.fake.fault('user.getLovedTracks', 'empty', { page: 2, times: 'always' });
    const failure = kit.client.getLovedTracks({ page: 2, limit: 2 });
    await expect(failure).rejects.toMatchObject({ code: 'LASTFM.UNREADABLE_ANSWER', category: 'failure' });
    await expect(failure).rejects.toThrow(
      "Last.fm's answer to user.getLovedTracks came back unreadable 3 times (page 2 of 3 came back empty although the list holds 5 entries)",
    );
  });

  it('loves with a signed POST carrying the session key; loving twice keeps one love', async () => {
    kit = await startLastfmKit({ sessionFor: 'listener' });
    await kit.client.love({ artist: 'Radiohead', title: 'Reckoner' });
    await kit.client.love({ artist: 'Radiohead', title: 'Reckoner' });

    expect(kit.fake.state.lovesNewestFirst('listener').map((l) => l.track)).toEqual(['Reckoner']);
    const [call] = kit.fake.calls('track.love');
    expect(call).toMatchObject({ httpMethod: 'POST', status: 200 });
    expect(call!.params).toMatchObject({
      sk: kit.config.sessionKey,
      api_sig: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
  });

  it('loves under the name Last.fm autocorrects to, and unloves it again', async () => {
    kit = await startLastfmKit({ sessionFor: 'listener' });
    kit.fake.addTrack(aCatalogTrack({ artist: 'The Beatles', track: 'Let It Be' }));
    kit.fake.autocorrect('beatles', 'The Beatles');

    await kit.client.love({ artist: 'beatles', title: 'let it be' });
    expect(kit.fake.state.lovesNewestFirst('listener')).toEqual([
      expect.objectContaining({ artist: 'The Beatles', track: 'Let It Be' }),
    ]);
    await kit.client.unlove({ artist: 'The Beatles', title: 'Let It Be' });
    expect(kit.fake.state.lovesNewestFirst('listener')).toEqual([]);
  });

  it('uses the session stored by `narada auth lastfm` when LASTFM_SESSION_KEY is not set', async () => {
    kit = await startLastfmKit();
    const sessionKey = kit.fake.createSession('listener');
    await kit.credentials.write({ lastfm: { sessionKey, username: 'listener' } });

    await kit.client.love({ artist: 'Radiohead', title: 'Nude' });
    expect(kit.fake.calls('track.love')[0]!.params.sk).toBe(sessionKey);
  });

  it('asks for `narada auth lastfm` before a write when there is no session at all', async () => {
    kit = await startLastfmKit();
    await expect(kit.client.love({ artist: 'A', title: 'B' })).rejects.toBeInstanceOf(AuthRequiredError);
    expect(kit.fake.calls()).toHaveLength(0);
  });

  it('turns an invalid session key (error 9) into AuthRequiredError without the key in the message', async () => {
    kit = await startLastfmKit({ config: { sessionKey: 'revoked-session-key-123' } });
    const failure = kit.client.love({ artist: 'A', title: 'B' });
    await expect(failure).rejects.toBeInstanceOf(AuthRequiredError);
    await expect(failure).rejects.toMatchObject({
      code: 'LASTFM.AUTH_REQUIRED',
      message: expect.stringContaining('run `narada auth lastfm`'),
    });
    const message = await failure.catch((error: Error) => error.message);
    expect(message).not.toContain('revoked-session-key-123');
    expect(kit.fake.calls('track.love')).toHaveLength(1);
  });

  it('reports a wrong API secret (error 13) as a signature problem, never showing secret or signature', async () => {
    kit = await startLastfmKit({ sessionFor: 'listener', config: { apiSecret: 'not-the-real-secret' } });
    const error = await kit.client.love({ artist: 'A', title: 'B' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'LASTFM.BAD_SIGNATURE', category: 'config' });
    const message = (error as Error).message;
    expect(message).toContain('LASTFM_API_SECRET');
    const sent = kit.fake.calls('track.love')[0]!.params;
    for (const secret of ['not-the-real-secret', kit.fake.secret, sent.api_sig!, sent.sk!]) {
      expect(message).not.toContain(secret);
      expect(JSON.stringify((error as { details: unknown }).details)).not.toContain(secret);
    }
  });
});
