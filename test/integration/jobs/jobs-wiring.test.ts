// The jobs' engine is chosen by the database in the wiring, in one place: in-process on SQLite; on
// PostgreSQL pg-boss and LISTEN/NOTIFY, so two containers (two processes) over one database share the
// queue and the progress: a job queued by one is worked by the other, whose events the first hears.
import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JobEvent } from '../../../src/application/ports/progress-channel.port.js';
import type { Logger } from '../../../src/application/ports/logger.port.js';
import { SILENT_PROGRESS } from '../../../src/application/ports/progress.port.js';
import { loadConfig } from '../../../src/infrastructure/config/config.js';
import { createAppContainer, type AppContainer } from '../../../src/infrastructure/di/container.js';
import { LASTYEAR } from '../../../src/infrastructure/di/lastyear.tokens.js';
import { EventEmitterProgressChannel } from '../../../src/infrastructure/jobs/event-emitter-progress-channel.js';
import { InProcessJobQueue } from '../../../src/infrastructure/jobs/in-process-job-queue.js';
import { PgBossJobQueue } from '../../../src/infrastructure/jobs/pg-boss-job-queue.js';
import { PostgresProgressChannel } from '../../../src/infrastructure/jobs/postgres-progress-channel.js';
import { onPostgres } from '../persistence/temp-database.js';
import { freshSchemaUrl } from '../persistence/postgres-test-database.js';

const SILENT_LOGGER: Logger = { debug() {}, info() {}, warn() {}, error() {}, record() {} };
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A container as a command gets it, over this test's database (a SQLite file, or a fresh schema). */
async function containers(count: number): Promise<AppContainer[]> {
  const folder = mkdtempSync(join(tmpdir(), 'narada-jobs-wiring-'));
  cleanups.push(async () => rmSync(folder, { recursive: true, force: true }));
  const env: Record<string, string> = { NARADA_HOME: folder };
  if (onPostgres) {
    const schema = await freshSchemaUrl();
    cleanups.push(schema.drop);
    env['DATABASE_URL'] = schema.url;
  }
  const config = loadConfig({ env, cwd: folder, homeDir: folder });
  return Array.from({ length: count }, () => {
    const container = createAppContainer({ config, logger: SILENT_LOGGER, progress: SILENT_PROGRESS });
    cleanups.push(async () => {
      await (await container.get(LASTYEAR.Jobs)).stop();
      await container.close();
    });
    return container;
  });
}

describe('the jobs in the wiring', () => {
  it(onPostgres ? 'are pg-boss and NOTIFY on PostgreSQL' : 'are in-process on SQLite', async () => {
    const [container] = await containers(1);
    const jobs = await container!.get(LASTYEAR.Jobs);
    const channel = await container!.get(LASTYEAR.Channel);
    expect(jobs).toBeInstanceOf(onPostgres ? PgBossJobQueue : InProcessJobQueue);
    expect(channel).toBeInstanceOf(onPostgres ? PostgresProgressChannel : EventEmitterProgressChannel);
  });

  if (onPostgres) {
    it('let a job queued by one process be worked by another, whose progress the first hears', async () => {
      const [serve, worker] = await containers(2);
      const heard: JobEvent[] = [];
      const ended = new Promise<void>((resolve) => {
        void serve!.get(LASTYEAR.Channel).then((channel) =>
          channel.subscribe('probe:1', (event) => {
            heard.push(event);
            if (event.name === 'completed') resolve();
          }),
        );
      });
      const workerChannel = await worker!.get(LASTYEAR.Channel);
      await (
        await worker!.get(LASTYEAR.Jobs)
      ).work<{ n: number }>('probe', async (payload, context) => {
        await workerChannel.publish(context.singletonKey, { name: 'progress', data: { n: payload.n } });
        await workerChannel.publish(context.singletonKey, { name: 'completed', data: {} });
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await (
        await serve!.get(LASTYEAR.Jobs)
      ).enqueue({ kind: 'probe', singletonKey: 'probe:1', payload: { n: 7 } });
      await ended;
      expect(heard).toEqual([
        { name: 'progress', data: { n: 7 } },
        { name: 'completed', data: {} },
      ]);
    }, 30_000);
  }
});
