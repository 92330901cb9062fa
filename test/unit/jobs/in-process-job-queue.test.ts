import { describe, expect, it } from '@jest/globals';
import type { JobContext } from '../../../src/application/ports/job-queue.port.js';
import { EventEmitterProgressChannel } from '../../../src/infrastructure/jobs/event-emitter-progress-channel.js';
import { InProcessJobQueue } from '../../../src/infrastructure/jobs/in-process-job-queue.js';
import { systemClock } from '../../../src/infrastructure/clock/system-clock.js';

/** A handler whose jobs wait until released, recording how many run at once. */
function gate() {
  const releases = new Map<string, () => void>();
  let running = 0;
  let most = 0;
  const started: string[] = [];
  const handler = async (payload: { name: string }, context: JobContext) => {
    started.push(payload.name);
    running += 1;
    most = Math.max(most, running);
    await new Promise<void>((resolve) => {
      releases.set(payload.name, resolve);
      context.signal.addEventListener('abort', () => resolve());
    });
    running -= 1;
    if (context.signal.aborted) throw new Error('stopped at a checkpoint');
  };
  return { handler, releases, started, most: () => most };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('InProcessJobQueue', () => {
  it('keeps one live job per singleton key, however many ask', async () => {
    const queue = new InProcessJobQueue({ clock: systemClock });
    const g = gate();
    await queue.work('k', g.handler);
    const asks = await Promise.all(
      [1, 2, 3].map(() => queue.enqueue({ kind: 'k', singletonKey: 'a', payload: { name: 'a' } })),
    );
    expect(new Set(asks.map((s) => s.id)).size).toBe(1);
    await settle();
    expect(g.started).toEqual(['a']);
    g.releases.get('a')!();
    await settle();
    expect((await queue.state('a'))?.status).toBe('completed');
    // Ended: the next ask is a new job.
    const again = await queue.enqueue({ kind: 'k', singletonKey: 'a', payload: { name: 'a' } });
    expect(again.id).not.toBe(asks[0]!.id);
    await queue.stop();
  });

  it('runs at most `concurrency` jobs at once, the rest in arrival order', async () => {
    const queue = new InProcessJobQueue({ clock: systemClock, concurrency: 2 });
    const g = gate();
    for (const name of ['a', 'b', 'c', 'd'])
      await queue.enqueue({ kind: 'k', singletonKey: name, payload: { name } });
    await queue.work('k', g.handler);
    await settle();
    expect(g.started).toEqual(['a', 'b']);
    expect((await queue.state('c'))?.status).toBe('pending');
    g.releases.get('b')!();
    await settle();
    expect(g.started).toEqual(['a', 'b', 'c']);
    for (const name of ['a', 'c']) g.releases.get(name)!();
    await settle();
    g.releases.get('d')!();
    await settle();
    expect(g.most()).toBe(2);
    expect((await queue.state('d'))?.status).toBe('completed');
    await queue.stop();
  });

  it('on stop, aborts running jobs, waits for them to reach a checkpoint, and takes no new job', async () => {
    const queue = new InProcessJobQueue({ clock: systemClock, concurrency: 1 });
    const g = gate();
    await queue.work('k', g.handler);
    await queue.enqueue({ kind: 'k', singletonKey: 'a', payload: { name: 'a' } });
    await queue.enqueue({ kind: 'k', singletonKey: 'b', payload: { name: 'b' } });
    await settle();
    await queue.stop();
    expect(await queue.state('a')).toEqual(
      expect.objectContaining({ status: 'failed', error: 'stopped at a checkpoint' }),
    );
    expect(g.started).toEqual(['a']);
    await expect(queue.enqueue({ kind: 'k', singletonKey: 'c', payload: { name: 'c' } })).rejects.toThrow(
      'stopped',
    );
  });

  it('gives up waiting on a job that reaches no checkpoint after the grace period', async () => {
    const queue = new InProcessJobQueue({ clock: systemClock, stopGraceMs: 50 });
    await queue.work('k', () => new Promise<void>(() => undefined));
    await queue.enqueue({ kind: 'k', singletonKey: 'a', payload: {} });
    await settle();
    const started = Date.now();
    await queue.stop();
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('EventEmitterProgressChannel', () => {
  it('delivers events to subscribers of the channel only, and keeps the last one for late watchers', async () => {
    const channel = new EventEmitterProgressChannel();
    const seen: string[] = [];
    const off = await channel.subscribe('a', (event) => seen.push(event.name));
    await channel.publish('a', { name: 'progress', data: {} });
    await channel.publish('b', { name: 'other', data: {} });
    off();
    await channel.publish('a', { name: 'completed', data: { total: 3 } });
    expect(seen).toEqual(['progress']);
    expect(await channel.latest('a')).toEqual({ name: 'completed', data: { total: 3 } });
    expect(await channel.latest('c')).toBeNull();
  });
});
