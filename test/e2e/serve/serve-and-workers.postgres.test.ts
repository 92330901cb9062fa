// `narada serve` and `narada worker` on one PostgreSQL database, as on several machines: the page's
// job, queued by a serve that works no jobs itself (--no-jobs), runs in a separate worker process and
// its progress reaches the serve's event stream through NOTIFY. The worker is killed with SIGKILL in
// the middle of the year; once the job expires another worker retries it from the stored cursor, and
// the year ends with every scrobble once and fewer Last.fm pages than a second whole read.
import { describe, expect, it } from '@jest/globals';
import { aScrobbleSeries } from '../../fakes/lastfm/fake-lastfm-builders.js';
import { setFakeRegistration } from '../../fakes/lastfm/fake-lastfm-chart-methods.js';
import { schemaUrlFor } from '../../integration/persistence/postgres-test-database.js';
import { openDatabase } from '../../../src/infrastructure/persistence/open-database.js';
import { useFakeServices } from '../kit.js';
import { startNarada, type Running } from './long-running-cli.js';
import { pagesStored } from './stored-pages.js';

/** 2024-06-01T00:00:00Z: all 1,000 scrobbles lie in 2024 (5 Last.fm pages of 200). */
const NEWEST = 1_717_200_000;
const TOTAL = 1_000;

const fakes = useFakeServices({ lastfm: {}, musicbrainz: {}, homePrefix: 'narada-e2e-workers-' });

interface SseEvent {
  readonly name: string;
  readonly data: Record<string, unknown>;
}

/** Reads the year's event stream until its final event. */
async function watch(url: string): Promise<SseEvent[]> {
  const response = await fetch(`${url}/user/Tess/2024/events`);
  const events: SseEvent[] = [];
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    text += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = text.indexOf('\n\n')) >= 0) {
      const block = text.slice(0, end);
      text = text.slice(end + 2);
      const name = /^event: (.+)$/m.exec(block)?.[1];
      const data = /^data: (.+)$/m.exec(block)?.[1];
      if (name !== undefined && data !== undefined) events.push({ name, data: JSON.parse(data) });
      if (name === 'completed' || name === 'failed') return events;
    }
  }
  return events;
}

describe('narada serve with narada workers on PostgreSQL', () => {
  it("runs the page's job in a worker, streams its progress to the page, and survives a killed worker", async () => {
    fakes.lastfm.addScrobbles('Tess', aScrobbleSeries(TOTAL, { newest: NEWEST }));
    setFakeRegistration(fakes.lastfm.state, 'Tess', 1_600_000_000);
    const env = {
      ...fakes.env,
      DATABASE_URL: await schemaUrlFor(fakes.home),
      // Short slices, so a dead worker's job expires within seconds.
      NARADA_JOB_SLICE_SECONDS: '2',
    };
    const serve = await startNarada(['serve', '--port', '0', '--no-jobs'], env);
    const url = serve.output['url'] as string;
    const workers: Running[] = [];
    try {
      // Pages are read 1, 5, 4, 3, ...: held on page 3, pages 5 and 4 are stored by then.
      const held = fakes.lastfm.fault('user.getRecentTracks', 'hold', { page: 3, times: 1 });
      const stream = watch(url);
      // Nobody works jobs yet: the job waits.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(fakes.lastfm.calls('user.getRecentTracks')).toHaveLength(0);

      workers.push(await startNarada(['worker'], env));
      await held.reached;
      await pagesStored(() => openDatabase({ path: env.DATABASE_URL, url: env.DATABASE_URL }), 2);
      workers[0]!.child.kill('SIGKILL');
      await workers[0]!.exited;
      held.clear();
      const callsBefore = fakes.lastfm.calls('user.getRecentTracks').length;

      workers.push(await startNarada(['worker'], env));
      const events = await stream;
      expect(events.at(-1)).toEqual({
        name: 'completed',
        data: expect.objectContaining({ status: 'completed', total: TOTAL }),
      });
      // Progress came from the worker processes, through the database's notifications.
      const progress = events.filter((e) => e.name === 'progress').map((e) => e.data);
      const pages = progress.map((data) => data['pages'] as number);
      expect(Math.max(...pages)).toBeGreaterThan(0);
      // Each slice, and the retry after the kill, counts on from the job's last progress: the page
      // count never goes back, and pages and listens end at their totals. (What the killed worker
      // had counted of a group it never committed is read, and counted, again.)
      expect(pages).toEqual([...pages].sort((a, b) => a - b));
      const last = progress.at(-1)!;
      expect(last['pages']).toBe(last['pagesTotal']);
      expect(last['listens']).toBe(last['listensTotal']);
      expect(last['listensTotal']).toBeGreaterThanOrEqual(TOTAL);

      const year = (await (
        await fetch(`${url}/user/Tess/2024`, { headers: { accept: 'application/json' } })
      ).json()) as { status: string; total: number };
      expect(year).toEqual(expect.objectContaining({ status: 'completed', total: TOTAL }));
      // Resumed from the cursor: page 5 was stored before the kill (with page 1) and is not read
      // again; page 4's writes may have been in flight.
      // (Each slice of the job begins by asking page 1 for the year's size; that is not a re-read.)
      const reread = fakes.lastfm
        .calls('user.getRecentTracks')
        .slice(callsBefore)
        .filter(
          (call) => call.status === 200 && call.params['page'] !== undefined && call.params['page'] !== '1',
        )
        .map((call) => call.params['page']);
      expect(reread).not.toContain('5');
      expect(reread).toContain('2');
    } finally {
      for (const running of [serve, ...workers.slice(1)]) running.child.kill('SIGTERM');
      expect(await serve.exited).toBe(0);
      for (const worker of workers.slice(1)) expect(await worker.exited).toBe(0);
    }
  }, 120_000);
});
