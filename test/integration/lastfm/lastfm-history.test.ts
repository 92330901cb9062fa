import { afterEach, describe, expect, it } from '@jest/globals';
import type { LastfmListen } from '../../../src/application/ports/lastfm.port.js';
import { aFakeScrobble, aScrobbleSeries } from '../../fakes/lastfm/fake-lastfm-builders.js';
import { escapeSlashes, recentTrackWire } from '../../fakes/lastfm/fake-lastfm-wire.js';
import { startLastfmKit, type LastfmKit } from './lastfm-test-kit.js';

describe('LastfmApiClient.getRecentTracks against the fake Last.fm', () => {
  let kit: LastfmKit;
  afterEach(() => kit.fake.close());

  async function allPages(
    limit: number,
    extra: { from?: number; to?: number } = {},
  ): Promise<LastfmListen[]> {
    const listens: LastfmListen[] = [];
    for (let page = 1; ; page++) {
      const result = await kit.client.getRecentTracks({ page, limit, ...extra });
      listens.push(...result.listens);
      if (page >= result.totalPages) return listens;
    }
  }

  it('pages through the whole history newest first, skipping the now-playing entry on every page', async () => {
    kit = await startLastfmKit();
    kit.fake.addScrobbles('listener', aScrobbleSeries(7));
    kit.fake.setNowPlaying('listener', { artist: 'Live Now', track: 'Playing', album: null });

    const first = await kit.client.getRecentTracks({ page: 1, limit: 3 });
    expect(first).toMatchObject({ page: 1, perPage: 3, totalPages: 3, total: 7 });
    expect(first.listens).toHaveLength(3);

    const listens = await allPages(3);
    expect(listens.map((l) => l.title)).toEqual(aScrobbleSeries(7).map((s) => s.track));
    expect(listens.some((l) => l.artist === 'Live Now')).toBe(false);
    const raw = kit.fake.calls('user.getRecentTracks');
    expect(raw.map((call) => call.params.page)).toEqual(['1', '1', '2', '3']);
    expect(raw[0]!.params).toMatchObject({ user: 'listener', limit: '3', format: 'json' });
    expect(raw[0]!.params).not.toHaveProperty('extended');
  });

  it('reads pages whose one track comes as a bare object (old API behaviour)', async () => {
    kit = await startLastfmKit({ fake: { legacyLists: true } });
    kit.fake.addScrobbles('listener', aScrobbleSeries(3));

    const listens = await allPages(2);
    expect(listens.map((l) => l.title)).toEqual(['Track 1', 'Track 2', 'Track 3']);
  });

  it('gives each listen the text of its entry exactly as sent, even under a now-playing entry', async () => {
    kit = await startLastfmKit({ fake: { escapedSlashes: true } });
    const scrobbles = aScrobbleSeries(3, { artist: 'Sigur Rós / "Jónsi"' });
    kit.fake.addScrobbles('listener', scrobbles);
    kit.fake.setNowPlaying('listener', { artist: 'Live Now', track: 'Playing', album: null });

    const page = await kit.client.getRecentTracks();

    const sent = scrobbles.map((s) => escapeSlashes(JSON.stringify(recentTrackWire(s, false, false))));
    expect(page.listens.map((l) => l.rawText)).toEqual(sent);
    expect(page.listens[0]!.rawText).toContain('https:\\/\\/www.last.fm\\/music\\/');
  });

  it('re-serialises the entry of a one-track page sent as a bare object', async () => {
    kit = await startLastfmKit({ fake: { legacyLists: true, escapedSlashes: true } });
    const [scrobble] = aScrobbleSeries(1);
    kit.fake.addScrobbles('listener', [scrobble!]);

    const page = await kit.client.getRecentTracks();

    expect(page.listens.map((l) => l.rawText)).toEqual([
      JSON.stringify(recentTrackWire(scrobble!, false, false)),
    ]);
  });

  it('maps an empty history in the old "#text" shape to no listens', async () => {
    kit = await startLastfmKit({ fake: { legacyLists: true } });
    const page = await kit.client.getRecentTracks();
    expect(page).toMatchObject({ listens: [], total: 0, totalPages: 0 });
  });

  it('sends the range as unix seconds and gets only listens inside it', async () => {
    kit = await startLastfmKit();
    kit.fake.addScrobbles('listener', aScrobbleSeries(10, { newest: 1_700_000_000, stepSeconds: 100 }));

    const listens = await allPages(200, { from: 1_699_999_500_000, to: 1_699_999_800_000 });
    expect(listens.map((l) => l.playedAt)).toEqual([1_699_999_700_000, 1_699_999_600_000, 1_699_999_500_000]);
    expect(kit.fake.calls('user.getRecentTracks')[0]!.params).toMatchObject({
      from: '1699999500',
      to: '1699999800',
    });
  });

  it('uses the default page size of 200 and carries MBIDs, and the loved flag when extended data is asked for', async () => {
    kit = await startLastfmKit();
    kit.fake.addScrobbles('listener', [
      aFakeScrobble({ artist: 'Korn', track: 'Blind', artistMbid: 'ac865b2e-bba8-4f5a-8756-dd40d5e39f46' }),
    ]);
    kit.fake.addLove('listener', { artist: 'Korn', track: 'Blind', date: 1_600_000_000 });

    const standard = await kit.client.getRecentTracks();
    const listen = {
      artist: 'Korn',
      artistMbid: 'ac865b2e-bba8-4f5a-8756-dd40d5e39f46',
      title: 'Blind',
      playedAt: 1_700_000_000_000,
    };
    expect(standard.listens).toEqual([expect.objectContaining({ ...listen, loved: null })]);
    const extended = await kit.client.getRecentTracks({ extended: true });
    expect(extended.listens).toEqual([expect.objectContaining({ ...listen, loved: true })]);
    const calls = kit.fake.calls('user.getRecentTracks');
    expect(calls.map((c) => [c.params.limit, c.params.extended])).toEqual([
      ['200', undefined],
      ['200', '1'],
    ]);
  });

  it('reads another user when asked, and reports an unknown user as not found', async () => {
    kit = await startLastfmKit();
    kit.fake.addScrobbles('friend', aScrobbleSeries(1));
    expect((await kit.client.getRecentTracks({ user: 'friend' })).listens).toHaveLength(1);
    await expect(kit.client.getRecentTracks({ user: 'nobody' })).rejects.toMatchObject({
      code: 'LASTFM.NOT_FOUND',
    });
  });

  it('refuses a page size above 1000 as a parameter error, without retrying', async () => {
    kit = await startLastfmKit();
    await expect(kit.client.getRecentTracks({ limit: 1001 })).rejects.toMatchObject({
      code: 'LASTFM.INVALID_PARAMETERS',
      message: expect.stringContaining('limit param out of bounds'),
    });
    expect(kit.fake.calls()).toHaveLength(1);
  });

  it('asks for LASTFM_USERNAME when no user is configured or stored', async () => {
    kit = await startLastfmKit({ config: { username: null } });
    await expect(kit.client.getRecentTracks()).rejects.toMatchObject({ code: 'LASTFM.NO_USERNAME' });
    expect(kit.fake.calls()).toHaveLength(0);
  });
});
