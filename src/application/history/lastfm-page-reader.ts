// Reads a range of a Last.fm history oldest page first. Last.fm pages newest first, so a reading
// ("pass") asks for page 1 to learn how many pages [from, to) has, then goes from the last page back.
// The range's end is fixed, so new scrobbles cannot shift the pages; if the total still changes
// (a scrobble deleted or back-dated meanwhile), the pass is dropped and a new one starts at the
// cursor instead of trusting shifted page numbers. The next pages are fetched while one is stored
// (`readAhead` of them at a time; the connector's rate limiter paces them).
import type { LastfmListen, LastfmListenPage, LastfmPort } from '../ports/lastfm.port.js';
import { cursorAfter, expectedOnPage, LASTFM_PAGE_SIZE } from '../../domain/history/lastfm-history-window.js';
import type { EpochMs } from '../../domain/values/time.js';

export interface HistoryPage {
  readonly listens: readonly LastfmListen[];
  /** Entries Last.fm sent that the connector could not read (no artist, title or time). */
  readonly unreadable: number;
  /** 1 for the oldest page of the pass. */
  readonly ordinal: number;
  readonly of: number;
}

interface Pass {
  readonly from: EpochMs | null;
  readonly total: number;
  readonly totalPages: number;
  readonly first: LastfmListenPage;
}

export class LastfmPageReader {
  /** Start time of the newest scrobble read so far: everything older in the range has been read. */
  cursor: EpochMs | null;
  /** Times the range changed under the reader and it started again from the cursor. */
  resyncs = 0;
  private pass: Pass | null = null;
  /** The page the next read returns (0: the pass is read). */
  private page = 0;
  /** Requests for the pages `page`, `page - 1`, ... already asked for, oldest page first. */
  private ahead: Promise<LastfmListenPage>[] = [];

  constructor(
    private readonly lastfm: Pick<LastfmPort, 'getRecentTracks'>,
    private readonly user: string,
    startAt: EpochMs | null,
    /** Excluded, fixed for the whole run. */
    private readonly to: EpochMs,
    /** How many pages are asked for ahead of the one being stored. */
    private readonly readAhead = 1,
  ) {
    this.cursor = startAt;
  }

  /** Scrobbles in the first pass (for progress); null before the first read. */
  get total(): number | null {
    return this.pass?.total ?? null;
  }

  get pagesTotal(): number | null {
    return this.pass?.totalPages ?? null;
  }

  /** The Last.fm page the next read waits for, with the pass's page count (null: page 1 of a new pass). */
  get nextPage(): { readonly page: number; readonly of: number } | null {
    return this.pass === null ? null : { page: this.page, of: this.pass.totalPages };
  }

  /**
   * Whether the next `read()` can answer within `ms` without waiting longer on Last.fm (its page
   * arrived, or the range is read): callers that hold a lock read on only while this is true.
   */
  async readyWithin(ms: number): Promise<boolean> {
    if (this.pass === null) return false;
    const ahead = this.ahead[0];
    if (this.page === 0 || ahead === undefined) return true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), ms);
    });
    const settled = ahead.then(
      () => true as const,
      () => true as const,
    );
    try {
      return await Promise.race([settled, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The next page, oldest first; null when the range is read. */
  async read(): Promise<HistoryPage | null> {
    for (;;) {
      if (this.pass === null) await this.open();
      const pass = this.pass!;
      if (this.page === 0) return null;
      // Taken off the queue once it has arrived: a page that failed fails every read again.
      const response = await this.ahead[0]!;
      this.ahead.shift();
      if (response.total !== pass.total) {
        this.resyncs += 1;
        this.pass = null;
        this.ahead = [];
        continue;
      }
      const page = this.page;
      this.page -= 1;
      this.askAhead(pass);
      this.cursor = cursorAfter(
        this.cursor,
        response.listens.map((l) => l.playedAt),
      );
      return {
        listens: response.listens,
        unreadable: Math.max(0, expectedOnPage(pass.total, LASTFM_PAGE_SIZE, page) - response.listens.length),
        ordinal: pass.totalPages - page + 1,
        of: pass.totalPages,
      };
    }
  }

  private async open(): Promise<void> {
    const first = await this.requestPage(1, this.cursor);
    const pass = { from: this.cursor, total: first.total, totalPages: first.totalPages, first };
    this.pass = pass;
    this.page = pass.totalPages;
    this.askAhead(pass);
  }

  /** Keeps `readAhead` requests out for the pages after the one read last (fewer near the end). */
  private askAhead(pass: Pass): void {
    for (let next = this.page - this.ahead.length; next >= 1 && this.ahead.length < this.readAhead; next--) {
      const request = this.pageOf(pass, next);
      // A failed read-ahead is reported when it is awaited, not as an unhandled rejection.
      request.catch(() => undefined);
      this.ahead.push(request);
    }
  }

  /**
   * The first page is used as read only when it is the only one; otherwise it is asked for again at
   * the end, so a change since the start shows in its total instead of being missed.
   */
  private pageOf(pass: Pass, page: number): Promise<LastfmListenPage> {
    return page === 1 && pass.totalPages === 1
      ? Promise.resolve(pass.first)
      : this.requestPage(page, pass.from);
  }

  private requestPage(page: number, from: EpochMs | null): Promise<LastfmListenPage> {
    return this.lastfm.getRecentTracks({
      user: this.user,
      page,
      limit: LASTFM_PAGE_SIZE,
      ...(from === null ? {} : { from }),
      to: this.to,
    });
  }
}
