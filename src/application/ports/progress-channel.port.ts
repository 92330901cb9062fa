// A job's progress, pushed to whoever watches it (a page's event stream): published by the job,
// delivered to subscribers, never polled from the database. In-process an EventEmitter; across
// processes the database's own notifications (PostgreSQL LISTEN/NOTIFY).

export interface JobEvent {
  /** `progress` while the job runs; `completed` or `failed` last. */
  readonly name: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface ProgressChannel {
  publish(channel: string, event: JobEvent): Promise<void>;
  /** Calls `listener` with every event published on `channel` from now on; returns the unsubscribe. */
  subscribe(channel: string, listener: (event: JobEvent) => void): Promise<() => void>;
  /** The last event published on `channel`, for a watcher that joins late; null when none. */
  latest(channel: string): Promise<JobEvent | null>;
}
