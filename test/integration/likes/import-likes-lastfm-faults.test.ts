// `narada likes import lastfm` forgets local likes no longer on Last.fm: a loves page Last.fm sends
// empty although its paging says it holds loves must stop the import, not empty the local likes.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { LISTENER, openLikesWorld, type LikesWorld } from './likes-test-kit.js';

describe('likes import lastfm when Last.fm sends a loves page empty', () => {
  let world: LikesWorld;
  beforeEach(async () => {
    world = await openLikesWorld();
    for (let i = 1; i <= 3; i++) {
      world.lastfm.fake.addLove(LISTENER, { artist: 'Enjoy', track: `Song ${i}`, date: 1_750_000_000 + i });
    }
  });
  afterEach(() => world.dispose());

  it('asks again, and keeps every love', async () => {
    await world.importLikes.run('lastfm');
    world.lastfm.fake.fault('user.getLovedTracks', 'empty', { times: 1 });

    expect(await world.importLikes.run('lastfm')).toMatchObject({ read: 3, imported: 3, removed: 0 });
    expect(await world.temp.repos.likes.list('lastfm')).toHaveLength(3);
  });

  it('stops with a failure when the page stays empty, forgetting no like', async () => {
    await world.importLikes.run('lastfm');
    world.lastfm.fake.fault('user.getLovedTracks', 'empty', { times: 'always' });

    await expect(world.importLikes.run('lastfm')).rejects.toMatchObject({
      code: 'LASTFM.UNREADABLE_ANSWER',
      category: 'failure',
    });
    expect(await world.temp.repos.likes.list('lastfm')).toHaveLength(3);
  });
});
