// The playing-now entries in the database (`playing_now`), on SQLite and, in the PostgreSQL run, on
// PostgreSQL: one per user, replaced by the next, answered only while it plays, seen by another
// connection to the same database, and gone with its user.
import { beforeEach, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { NowPlayingBoard, PLAYING_NOW_MAX_MS } from '../../../src/application/intake/now-playing.js';
import type { SubmittedListen } from '../../../src/domain/intake/listen-submission.js';
import { createRepositories } from '../../../src/infrastructure/persistence/repositories.js';
import { openDatabase } from '../../../src/infrastructure/persistence/open-database.js';
import { tempDatabasePerTest } from '../persistence/temp-database.js';

const AT = 1_780_000_000_000;

const aPlayingListen = (title: string, durationMs: number | null): SubmittedListen => ({
  index: 0,
  artist: 'Alice Coltrane',
  title,
  album: null,
  playedAt: null,
  recordingMbid: null,
  durationMs,
  payload: JSON.stringify({ track_metadata: { artist_name: 'Alice Coltrane', track_name: title } }),
});

describe('playing-now entries in the database', () => {
  const temp = tempDatabasePerTest();
  let board: NowPlayingBoard;

  beforeEach(async () => {
    for (const name of ['ada', 'bo']) await temp.repos.serverUsers.add(name, `token-of-${name}`, AT);
    board = new NowPlayingBoard(temp.repos.nowPlaying);
  });

  it("answers a user's latest entry, as sent, until the track's length has passed", async () => {
    await board.set('ada', aPlayingListen('Blue Nile', 300_000), AT);
    await board.set('ada', aPlayingListen('Ptah, the El Daoud', 180_000), AT + 1_000);

    expect(await board.of('ada', AT + 2_000)).toEqual({
      user: 'ada',
      listen: aPlayingListen('Ptah, the El Daoud', 180_000),
      since: AT + 1_000,
      until: AT + 181_000,
    });
    expect(await board.of('ada', AT + 180_999)).not.toBeNull();
    expect(await board.of('ada', AT + 181_000)).toBeNull();
    expect(await board.of('bo', AT + 2_000)).toBeNull();
    expect(await temp.query('SELECT "user" FROM "playing_now"')).toHaveLength(1);
  });

  it('keeps an entry without a length for ListenBrainz’s ten minutes', async () => {
    await board.set('bo', aPlayingListen('Turiya', null), AT);

    expect(await board.of('bo', AT + PLAYING_NOW_MAX_MS - 1)).not.toBeNull();
    expect(await board.of('bo', AT + PLAYING_NOW_MAX_MS)).toBeNull();
  });

  it('is seen through another connection to the same database', async () => {
    await board.set('ada', aPlayingListen('Blue Nile', 300_000), AT);
    const other = await openDatabase({ path: join(temp.folder, 'narada.db'), url: temp.url });
    try {
      const seen = await new NowPlayingBoard(createRepositories(other).nowPlaying).of('ada', AT + 1);
      expect(seen?.listen.title).toBe('Blue Nile');
    } finally {
      await other.close();
    }
  });

  it('goes with its user', async () => {
    await board.set('ada', aPlayingListen('Blue Nile', 300_000), AT);
    await temp.repos.serverUsers.remove('ada');
    await temp.repos.serverUsers.add('ada', 'a-new-token', AT + 10);

    expect(await board.of('ada', AT + 20)).toBeNull();
  });
});
