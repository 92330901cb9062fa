// LastfmPageReader against an in-memory history: pages oldest first, `readAhead` requests out at a
// time, a failed page failing every read after it, and a changed total dropping the pages asked for.
import { describe, expect, it } from '@jest/globals';
import type { LastfmListenPage, RecentTracksQuery } from '../../../src/application/ports/lastfm.port.js';
import { LastfmPageReader } from '../../../src/application/history/lastfm-page-reader.js';
import { aLastfmListen } from '../../builders/index.js';

/** Answers like Last.fm (newest first, 200 a page), each request after a tick; counts what is out. */
class InMemoryHistory {
  playedAts: number[];
  out = 0;
  mostOut = 0;
  readonly asked: number[] = [];
  failPage: number | null = null;
  /** Called once before the answer to the request with this ordinal (1-based) is computed. */
  beforeAnswer = new Map<number, () => void>();

  constructor(count: number) {
    this.playedAts = Array.from({ length: count }, (_, i) => 1_000_000 + i * 1000);
  }

  async getRecentTracks(query: RecentTracksQuery): Promise<LastfmListenPage> {
    const page = query.page ?? 1;
    this.asked.push(page);
    const ordinal = this.asked.length;
    this.out += 1;
    this.mostOut = Math.max(this.mostOut, this.out);
    await new Promise((resolve) => setTimeout(resolve, 2));
    this.out -= 1;
    this.beforeAnswer.get(ordinal)?.();
    if (page === this.failPage) throw new Error(`page ${page} failed`);
    const inRange = this.playedAts
      .filter(
        (t) => (query.from === undefined || t >= query.from) && (query.to === undefined || t < query.to),
      )
      .sort((a, b) => b - a);
    const perPage = query.limit ?? 200;
    return {
      page,
      perPage,
      total: inRange.length,
      totalPages: Math.ceil(inRange.length / perPage),
      listens: inRange
        .slice((page - 1) * perPage, page * perPage)
        .map((t) => aLastfmListen(t, { artist: 'A' })),
    };
  }
}

async function readAll(reader: LastfmPageReader): Promise<number[]> {
  const seen: number[] = [];
  for (let page = await reader.read(); page !== null; page = await reader.read()) {
    seen.push(...page.listens.map((l) => l.playedAt));
  }
  return seen;
}

describe('LastfmPageReader', () => {
  it('reads every page once, oldest first, with at most readAhead requests out besides the first', async () => {
    const history = new InMemoryHistory(1_350);
    const reader = new LastfmPageReader(history, 'ann', null, 10_000_000, 3);
    const seen = await readAll(reader);
    expect(seen).toHaveLength(1_350);
    expect(new Set(seen).size).toBe(1_350);
    // Page 1 is asked first for the count, then pages 7..1.
    expect(history.asked).toEqual([1, 7, 6, 5, 4, 3, 2, 1]);
    expect(history.mostOut).toBe(3);
    expect(reader.cursor).toBe(Math.max(...history.playedAts));
  });

  it('keeps a failed page failing, and never hands out the pages after it', async () => {
    const history = new InMemoryHistory(1_000);
    history.failPage = 3;
    const reader = new LastfmPageReader(history, 'ann', null, 10_000_000, 4);
    expect((await reader.read())!.ordinal).toBe(1);
    expect((await reader.read())!.ordinal).toBe(2);
    await expect(reader.read()).rejects.toThrow('page 3 failed');
    await expect(reader.read()).rejects.toThrow('page 3 failed');
    expect(reader.nextPage).toEqual({ page: 3, of: 5 });
  });

  it('drops the pages asked for when the total changes, and reads on from the cursor', async () => {
    const history = new InMemoryHistory(1_000);
    const reader = new LastfmPageReader(history, 'ann', null, 10_000_000, 4);
    // A scrobble is deleted while the second page of the pass (Last.fm page 4) is on its way.
    history.beforeAnswer.set(3, () => {
      history.playedAts = history.playedAts.filter((t) => t !== 1_000_000 + 500 * 1000);
    });
    const seen = await readAll(reader);
    expect(reader.resyncs).toBe(1);
    expect(new Set(seen)).toEqual(new Set(history.playedAts));
  });
});
