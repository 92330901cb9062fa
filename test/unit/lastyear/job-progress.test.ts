// A LastYear job's progress across its runs: a later slice (or a retry) resumes the import from its
// stored cursor, where the import counts only the pages and listens it has left; the job's counts go on
// from what the earlier run reported instead of starting again.
import { describe, expect, it } from '@jest/globals';
import { JobProgress } from '../../../src/application/lastyear/job-progress.js';
import type { YearProgress } from '../../../src/application/lastyear/lastyear-job.js';
import { EventEmitterProgressChannel } from '../../../src/infrastructure/jobs/event-emitter-progress-channel.js';

const KEY = 'lastyear:tess:2024';

/** What the history import reports for `pages` pages of 200 out of `left`, `listens` listens in all. */
function importPages(progress: JobProgress, listens: number, left: number, pages: number): void {
  const task = progress.reporter('fetching').task('Last.fm scrobbles', listens);
  for (let page = 1; page <= pages; page++) task.advance(200, `page ${page} of ${left}`);
}

async function lastProgress(
  channel: EventEmitterProgressChannel,
  progress: JobProgress,
): Promise<YearProgress> {
  await progress.finish({ name: 'progress', data: { ...progress.progress } });
  return (await channel.latest(KEY))!.data as unknown as YearProgress;
}

describe('JobProgress', () => {
  it('counts on from the earlier run: pages and listens never go back, and end at their totals', async () => {
    const channel = new EventEmitterProgressChannel();
    const first = new JobProgress(channel, KEY, new AbortController().signal);
    first.enter('fetching');
    importPages(first, 1_000, 5, 3);
    const stoppedAt = await lastProgress(channel, first);
    expect(stoppedAt).toMatchObject({ pages: 3, pagesTotal: 5, listens: 600, listensTotal: 1_000 });

    const second = new JobProgress(channel, KEY, new AbortController().signal, stoppedAt);
    second.enter('fetching');
    importPages(second, 400, 2, 2);

    expect(await lastProgress(channel, second)).toMatchObject({
      phase: 'fetching',
      pages: 5,
      pagesTotal: 5,
      listens: 1_000,
      listensTotal: 1_000,
    });
  });

  it('counts dating on from the earlier run too', async () => {
    const channel = new EventEmitterProgressChannel();
    const before: YearProgress = {
      phase: 'augmenting',
      pages: 5,
      pagesTotal: 5,
      listens: 1_000,
      listensTotal: 1_000,
      dated: 30,
      datingTotal: 80,
    };
    const resumed = new JobProgress(channel, KEY, new AbortController().signal, before);
    resumed.enter('augmenting');
    const task = resumed.reporter('augmenting').task('Dating', 50);
    task.advance(50);

    expect(await lastProgress(channel, resumed)).toMatchObject({
      phase: 'augmenting',
      pages: 5,
      dated: 80,
      datingTotal: 80,
    });
  });

  it('starts from nothing for a new job', async () => {
    const channel = new EventEmitterProgressChannel();
    const fresh = new JobProgress(channel, KEY, new AbortController().signal);
    fresh.enter('fetching');
    importPages(fresh, 400, 2, 1);

    expect(await lastProgress(channel, fresh)).toMatchObject({
      pages: 1,
      pagesTotal: 2,
      listens: 200,
      listensTotal: 400,
    });
  });
});
