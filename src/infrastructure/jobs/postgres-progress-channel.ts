// Job progress across processes: published with PostgreSQL NOTIFY (the event as JSON on one channel
// per library, naming the job's channel inside), the last event of each job channel kept in
// `job_events` for a watcher who joins late. Each process listens on one dedicated connection, opened
// at its first subscriber, which carries every job channel it watches; when that connection drops it
// is opened again and each watched channel is given its kept event, so nothing ends unheard. Nothing
// is polled: the only reads are `latest` and the one after a reconnection.
import pg from 'pg';
import type { Clock } from '../../application/ports/clock.port.js';
import type { JobEvent, ProgressChannel } from '../../application/ports/progress-channel.port.js';
import type { PostgresCoordination } from './postgres-coordination.js';

/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more: larger events go by the table only. */
const MAX_PAYLOAD_BYTES = 7_900;
/** Kept events older than this are dropped when a job ends (its report or state answers by then). */
const ENDED_KEPT_MS = 24 * 60 * 60_000;
const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 30_000;

interface Notice {
  /** The job channel. */
  readonly c: string;
  /** The event, absent when it was too large to send (then it is read from the table). */
  readonly n?: string;
  readonly d?: Readonly<Record<string, unknown>>;
}

export interface PostgresProgressChannelOptions {
  readonly coordination: PostgresCoordination;
  readonly clock: Clock;
  /** Told when the listening connection is lost or cannot be opened (the log). */
  readonly onError?: (error: unknown) => void;
}

type Listener = (event: JobEvent) => void;

export class PostgresProgressChannel implements ProgressChannel {
  private readonly listeners = new Map<string, Set<Listener>>();
  /** The last event handed out per watched channel: the same event by notification and by re-read goes out once. */
  private readonly delivered = new Map<string, string>();
  private listening: Promise<pg.Client> | null = null;
  private closed = false;

  constructor(private readonly options: PostgresProgressChannelOptions) {
    options.coordination.onClose(() => this.close());
  }

  async publish(channel: string, event: JobEvent): Promise<void> {
    const { pool, notifyChannel } = this.options.coordination;
    const now = this.options.clock.now();
    const whole = JSON.stringify({ c: channel, n: event.name, d: event.data } satisfies Notice);
    const payload =
      Buffer.byteLength(whole, 'utf8') < MAX_PAYLOAD_BYTES ? whole : JSON.stringify({ c: channel });
    // One statement: the kept event and the notification commit together, in publishing order.
    await pool.query(
      `WITH "kept" AS (
         INSERT INTO "job_events" ("channel", "name", "data", "published_at") VALUES ($1, $2, $3, $4)
         ON CONFLICT ("channel") DO UPDATE SET "name" = excluded."name", "data" = excluded."data",
           "published_at" = excluded."published_at"
         RETURNING "channel")
       SELECT pg_notify($5, $6) FROM "kept"`,
      [channel, event.name, JSON.stringify(event.data), now, notifyChannel, payload],
    );
    if (event.name === 'completed' || event.name === 'failed')
      await pool.query(`DELETE FROM "job_events" WHERE "published_at" < $1`, [now - ENDED_KEPT_MS]);
  }

  async subscribe(channel: string, listener: Listener): Promise<() => void> {
    let set = this.listeners.get(channel);
    if (set === undefined) {
      set = new Set();
      this.listeners.set(channel, set);
    }
    set.add(listener);
    try {
      // Resolves once LISTEN is in force: whatever is published from now on reaches the listener.
      await this.listen();
    } catch (error) {
      this.remove(channel, listener);
      throw error;
    }
    return () => this.remove(channel, listener);
  }

  async latest(channel: string): Promise<JobEvent | null> {
    const { rows } = await this.options.coordination.pool.query<{ name: string; data: string }>(
      `SELECT "name" AS "name", "data" AS "data" FROM "job_events" WHERE "channel" = $1`,
      [channel],
    );
    const row = rows[0];
    return row === undefined
      ? null
      : { name: row.name, data: JSON.parse(row.data) as Record<string, unknown> };
  }

  /** Stops listening (the process is ending). */
  async close(): Promise<void> {
    this.closed = true;
    const listening = this.listening;
    this.listening = null;
    if (listening !== null) await (await listening.catch(() => null))?.end().catch(() => undefined);
  }

  private remove(channel: string, listener: Listener): void {
    const set = this.listeners.get(channel);
    set?.delete(listener);
    if (set?.size === 0) {
      this.listeners.delete(channel);
      this.delivered.delete(channel);
    }
  }

  private listen(): Promise<pg.Client> {
    if (this.closed) return Promise.reject(new Error('the progress channel is closed'));
    this.listening ??= this.connect().catch((error: unknown) => {
      this.listening = null;
      throw error;
    });
    return this.listening;
  }

  private async connect(): Promise<pg.Client> {
    const { url, notifyChannel } = this.options.coordination;
    const client = new pg.Client({ connectionString: url, application_name: 'narada-listen' });
    let lost = false;
    const onLost = (error?: unknown) => {
      if (lost) return;
      lost = true;
      if (error !== undefined) this.options.onError?.(error);
      client.end().catch(() => undefined);
      if (!this.closed) void this.reconnect();
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    client.on('notification', (message) => {
      if (message.channel === notifyChannel && message.payload !== undefined)
        void this.deliver(message.payload);
    });
    await client.connect();
    await client.query(`LISTEN "${notifyChannel}"`);
    return client;
  }

  /** Opens the connection again (growing waits while the server is away), then hands out what was missed. */
  private async reconnect(): Promise<void> {
    this.listening = null;
    let wait = RECONNECT_MIN_MS;
    while (!this.closed && this.listeners.size > 0) {
      try {
        await this.listen();
        for (const channel of [...this.listeners.keys()]) {
          const event = await this.latest(channel);
          if (event !== null) this.dispatch(channel, event);
        }
        return;
      } catch (error) {
        this.options.onError?.(error);
        await this.options.clock.sleep(wait);
        wait = Math.min(RECONNECT_MAX_MS, wait * 2);
      }
    }
  }

  private async deliver(payload: string): Promise<void> {
    let notice: Notice;
    try {
      notice = JSON.parse(payload) as Notice;
    } catch {
      return;
    }
    if (!this.listeners.has(notice.c)) return;
    if (notice.n !== undefined && notice.d !== undefined) {
      this.dispatch(notice.c, { name: notice.n, data: notice.d });
      return;
    }
    const event = await this.latest(notice.c).catch(() => null);
    if (event !== null) this.dispatch(notice.c, event);
  }

  private dispatch(channel: string, event: JobEvent): void {
    const text = JSON.stringify(event);
    if (this.delivered.get(channel) === text) return;
    this.delivered.set(channel, text);
    for (const listener of [...(this.listeners.get(channel) ?? [])]) listener(event);
  }
}
