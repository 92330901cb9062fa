// Job progress across processes over LISTEN/NOTIFY: what one process publishes reaches another's
// subscribers in order, a late watcher reads the last event, an event too large for a notification
// still arrives, and a dropped listening connection is opened again with the missed final event.
import { describe, expect, it } from '@jest/globals';
import type { JobEvent } from '../../../src/application/ports/progress-channel.port.js';
import { systemClock } from '../../../src/infrastructure/clock/system-clock.js';
import { PostgresProgressChannel } from '../../../src/infrastructure/jobs/postgres-progress-channel.js';
import { adminQuery } from '../persistence/postgres-test-database.js';
import { afterTest, aProcess, eventually, freshLibrary } from './postgres-jobs-kit.js';

async function channelOf(url: string): Promise<PostgresProgressChannel> {
  const channel = new PostgresProgressChannel({ coordination: aProcess(url), clock: systemClock });
  afterTest(() => channel.close());
  return channel;
}

const progress = (pages: number): JobEvent => ({ name: 'progress', data: { pages } });

describe('PostgreSQL progress channel', () => {
  it("delivers one process's events to another's subscribers, in order, only on their channel", async () => {
    const url = await freshLibrary();
    const [job, page] = [await channelOf(url), await channelOf(url)];
    const seen: JobEvent[] = [];
    const other: JobEvent[] = [];
    await page.subscribe('lastyear:tess:2024', (event) => seen.push(event));
    await page.subscribe('lastyear:ann:2024', (event) => other.push(event));

    for (let pages = 1; pages <= 20; pages++) await job.publish('lastyear:tess:2024', progress(pages));
    await job.publish('lastyear:tess:2024', { name: 'completed', data: { total: 20 } });

    await eventually(
      async () => seen.length,
      (n) => n === 21,
    );
    expect(seen.map((e) => (e.name === 'progress' ? e.data['pages'] : e.name))).toEqual([
      ...Array.from({ length: 20 }, (_, i) => i + 1),
      'completed',
    ]);
    expect(other).toEqual([]);
  });

  it('gives a watcher who comes after the end the final event, from any process', async () => {
    const url = await freshLibrary();
    const job = await channelOf(url);
    await job.publish('lastyear:tess:2023', progress(3));
    await job.publish('lastyear:tess:2023', { name: 'failed', data: { reason: 'Last.fm said no' } });

    const late = await channelOf(url);
    expect(await late.latest('lastyear:tess:2023')).toEqual({
      name: 'failed',
      data: { reason: 'Last.fm said no' },
    });
    expect(await late.latest('lastyear:nobody:2023')).toBeNull();
  });

  it('sends an event too large for a notification through the kept row', async () => {
    const url = await freshLibrary();
    const [job, page] = [await channelOf(url), await channelOf(url)];
    const seen: JobEvent[] = [];
    await page.subscribe('big', (event) => seen.push(event));
    const big: JobEvent = { name: 'progress', data: { note: 'x'.repeat(20_000) } };
    await job.publish('big', big);
    await eventually(
      async () => seen.length,
      (n) => n === 1,
    );
    expect(seen).toEqual([big]);
  });

  it('listens again when its connection is dropped, and hands out the final event it missed', async () => {
    const url = await freshLibrary();
    const [job, page] = [await channelOf(url), await channelOf(url)];
    const seen: string[] = [];
    await page.subscribe('lastyear:tess:2022', (event) => seen.push(event.name));
    await job.publish('lastyear:tess:2022', progress(1));
    await eventually(
      async () => seen.length,
      (n) => n === 1,
    );

    // The server ends the listening session (as a restart or a network cut would).
    await adminQuery(
      url,
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'narada-listen' AND pid <> pg_backend_pid() AND datname = current_database()`,
    );
    await job.publish('lastyear:tess:2022', { name: 'completed', data: {} });

    await eventually(
      async () => seen,
      (names) => names.includes('completed'),
    );
    // Once, though it may come both by the new LISTEN and by the re-read after reconnecting.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(seen).toEqual(['progress', 'completed']);
    // And it goes on listening: a later event arrives by notification.
    await job.publish('lastyear:tess:2022', progress(9));
    await eventually(
      async () => seen.length,
      (n) => n >= 3,
    );
    expect(seen).toEqual(['progress', 'completed', 'progress']);
  });
});
