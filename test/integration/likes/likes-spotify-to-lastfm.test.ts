import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { aCatalogTrack } from '../../fakes/lastfm/fake-lastfm-builders.js';
import { aFakeTrack } from '../../fakes/spotify/fake-spotify-builders.js';
import { lovesOn, seedLikesLibrary, type LikesLibrary } from '../../fakes/seed/likes-library.js';
import { LISTENER, openLikesWorld, type LikesWorld } from './likes-test-kit.js';

let world: LikesWorld;
afterEach(() => world.dispose());

/** Five saved tracks: one loved as is, one loved under its plain title, one Last.fm spells otherwise, one Last.fm lacks, one to love. */
function seed(): LikesLibrary {
  const library = seedLikesLibrary(world.spotify, world.lastfm.fake, LISTENER);
  const { lovedAlready, remastered, misspelt, unknown, plain } = library;
  world.save([lovedAlready.id, remastered.id, misspelt.id, unknown.id, plain.id]);
  return library;
}

const loveCalls = () => world.lastfm.fake.calls('track.love').map((c) => [c.params.artist, c.params.track]);
const lovedNow = () => lovesOn(world.lastfm.fake, LISTENER);

describe('likes sync from Spotify to Last.fm (real clients, fakes over sockets)', () => {
  beforeEach(async () => {
    world = await openLikesWorld();
  });

  it('loves each new saved track under the name Last.fm knows it by, and no second spelling of a loved one', async () => {
    seed();
    const report = await world.toLastfm();

    expect(loveCalls()).toEqual([
      ['Radiohead', 'Reckoner'],
      ['Sigur Rós', 'Hoppípolla'],
    ]);
    expect(lovedNow()).toEqual([
      'Radiohead – Karma Police',
      'Radiohead – Reckoner',
      'Sigur Rós – Hoppípolla',
      'The Beatles – Hey Jude',
    ]);
    expect(report).toMatchObject({ read: 5, alreadyPresent: 2, written: 2, unmatched: 1, failed: 0 });
    expect(report.details.unmatched).toEqual([
      { like: 'Nobody Knows – Basement Demo', reason: expect.stringMatching(/Last\.fm does not know/) },
    ]);
  });

  it('makes no write call on a second run right after the first, and reads one page of saved tracks', async () => {
    seed();
    await world.toLastfm();
    const calls = world.lastfm.fake.calls().length;
    const savedReads = world.spotify.callsTo('GET /me/tracks').length;

    const again = await world.toLastfm();

    expect(again).toMatchObject({ written: 0, failed: 0 });
    expect(world.lastfm.fake.calls().length).toBe(calls);
    expect(world.spotify.callsTo('GET /me/tracks').length - savedReads).toBe(1);
  });

  it('writes only the tracks saved since the last sync', async () => {
    seed();
    await world.toLastfm();
    const [later] = world.spotify.addTracks(aFakeTrack({ name: 'Nude', artist: 'Radiohead' }));
    world.lastfm.fake.addTrack(aCatalogTrack({ artist: 'Radiohead', track: 'Nude' }));
    world.save([later!.id]);
    const before = loveCalls().length;

    const report = await world.toLastfm();

    expect(loveCalls().slice(before)).toEqual([['Radiohead', 'Nude']]);
    expect(world.lastfm.fake.calls('track.getInfo').filter((c) => c.params.track !== 'Nude')).toHaveLength(3);
    expect(report).toMatchObject({ written: 1, unmatched: 0 });
  });

  it('prints the plan and writes nothing in a dry run, so a real run afterwards still writes', async () => {
    seed();
    const plan = await world.toLastfm({ dryRun: true });
    expect(plan).toMatchObject({ dryRun: true, written: 2 });
    expect(plan.details.written).toEqual([
      'Radiohead – Reckoner → Radiohead – Reckoner',
      'Sigur Ros – Hoppipolla → Sigur Rós – Hoppípolla',
    ]);
    expect(loveCalls()).toEqual([]);

    expect((await world.toLastfm()).written).toBe(2);
  });

  it('with --mirror, un-loves on Last.fm what was un-saved on Spotify since the last sync', async () => {
    const { plain, lovedAlready } = seed();
    await world.toLastfm();
    const saved = world.spotify.state.savedOf(world.spotify.defaultUserId);
    saved.splice(
      0,
      saved.length,
      ...saved.filter((s) => s.trackId !== plain.id && s.trackId !== lovedAlready.id),
    );
    const shown: string[][] = [];

    const report = await world.toLastfm({
      mirror: true,
      onRemovals: (labels) => shown.push([...labels].sort()),
    });

    expect(shown).toEqual([['Radiohead – Karma Police', 'Radiohead – Reckoner']]);
    expect(
      world.lastfm.fake
        .calls('track.unlove')
        .map((c) => c.params.track)
        .sort(),
    ).toEqual(['Karma Police', 'Reckoner']);
    expect(report.removed).toBe(2);
    expect(lovedNow()).toEqual(['Sigur Rós – Hoppípolla', 'The Beatles – Hey Jude']);
  });
});

describe('likes sync from Spotify to Last.fm when Last.fm fails', () => {
  beforeEach(async () => {
    world = await openLikesWorld({ lastfmAttempts: 2 });
  });

  it('rides out an error 29, records items that keep failing, and retries them on the next run', async () => {
    seed();
    world.lastfm.fake.errorNext(1, 29);
    const client = world.lastfm.client;
    const love = client.love.bind(client);
    let loves = 0;
    // The second love meets a Last.fm that fails every try (error 16 twice, the client's attempts);
    // an error 29 would only slow it down, since rate limits are waited out rather than counted.
    client.love = async (track) => {
      if (++loves === 2) world.lastfm.fake.errorNext(2, 16);
      return love(track);
    };

    const first = await world.toLastfm();
    expect(first).toMatchObject({ written: 1, failed: 1 });
    expect(first.details.failed[0]!.like).toBe('Sigur Ros – Hoppipolla');
    expect(lovedNow()).not.toContain('Sigur Rós – Hoppípolla');

    const second = await world.toLastfm();
    expect(second).toMatchObject({ written: 1, failed: 0 });
    expect(lovedNow()).toContain('Sigur Rós – Hoppípolla');
  });
});
