// Job progress within one process: an EventEmitter per channel name, and the last event of each
// channel for watchers who join late. Across processes the same port goes over the database's
// notifications instead (PostgreSQL LISTEN/NOTIFY).
import { EventEmitter } from 'node:events';
import type { JobEvent, ProgressChannel } from '../../application/ports/progress-channel.port.js';

const FINAL_EVENT_KEPT_MS = 10 * 60_000;

export class EventEmitterProgressChannel implements ProgressChannel {
  private readonly emitter = new EventEmitter();
  private readonly last = new Map<string, JobEvent>();

  constructor() {
    // Any number of visitors may watch one job.
    this.emitter.setMaxListeners(0);
  }

  async publish(channel: string, event: JobEvent): Promise<void> {
    this.last.set(channel, event);
    this.emitter.emit(channel, event);
    // A job's end is also kept by the job's state and report: its last event need not stay long.
    if (event.name === 'completed' || event.name === 'failed') {
      setTimeout(() => {
        if (this.last.get(channel) === event) this.last.delete(channel);
      }, FINAL_EVENT_KEPT_MS).unref();
    }
  }

  async subscribe(channel: string, listener: (event: JobEvent) => void): Promise<() => void> {
    this.emitter.on(channel, listener);
    return () => this.emitter.off(channel, listener);
  }

  async latest(channel: string): Promise<JobEvent | null> {
    return this.last.get(channel) ?? null;
  }
}
