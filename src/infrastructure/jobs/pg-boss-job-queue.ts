// The job queue shared by every Narada process of one PostgreSQL database (`narada serve`, `narada
// worker`, on any machine): pg-boss 10 (docs/DECISIONS.md). One queue per job kind, policy `stately`
// (at most one created, one retrying and one active job per singleton key), and `enqueue` joins the
// key's live job before sending, so a key has one live job however many processes ask.
//
// Jobs are worked in bounded slices: a handler runs for at most `sliceMs`, then its signal asks it to
// stop at its next checkpoint (its cursor stored) and a continuation of the same key is queued, to be
// taken by whichever process is free. So pg-boss's expiry can stay short (`expireInSeconds`, a few
// slices): a job whose worker was killed (kill -9, a lost machine) is failed by pg-boss's maintenance
// once it expires and retried (retryLimit/retryDelay) by another process, which resumes from the
// cursor. A failing job is retried the same way; `stop` ends each running job at a checkpoint and
// queues its continuation at once, so another process goes on without waiting for the expiry.
import type pg from 'pg';
import PgBoss from 'pg-boss';
import type {
  JobHandler,
  JobQueue,
  JobRequest,
  JobState,
  JobStatus,
} from '../../application/ports/job-queue.port.js';
import { NaradaError } from '../../domain/shared/errors.js';
import type { PostgresCoordination } from './postgres-coordination.js';

export interface PgBossJobQueueOptions {
  readonly coordination: PostgresCoordination;
  /** Jobs this process runs at once, per kind; default 2. */
  readonly concurrency?: number;
  /** Longest a job runs before it stops at a checkpoint and is continued by a fresh job; default 60 s. */
  readonly sliceMs?: number;
  /** Retries of a failed (or expired) job; default 3. */
  readonly retryLimit?: number;
  /** Seconds before a failed job is tried again; default 10. */
  readonly retryDelaySeconds?: number;
  /** Jobs that may wait for a turn (all processes); beyond it `enqueue` refuses (JOBS.BUSY). Default 500. */
  readonly maxWaiting?: number;
  /** How long `stop` waits for running jobs to reach a checkpoint; default 10 s. */
  readonly stopGraceMs?: number;
  /** Told of every failed attempt (the log). */
  readonly onFailure?: (state: JobState, error: unknown) => void;
  /** Told of pg-boss's own errors (a lost connection, a maintenance run that failed). */
  readonly onError?: (error: unknown) => void;
}

/** What each pg-boss job carries: the payload, and whether it continues an earlier slice. */
interface Envelope {
  readonly payload: unknown;
  readonly continued: boolean;
}

interface JobRow {
  id: string;
  name: string;
  state: string;
  singleton_key: string | null;
  data: Envelope | null;
  output: { message?: unknown } | null;
  created_on: Date;
  completed_on: Date | null;
}

interface Running {
  readonly controller: AbortController;
  readonly done: Promise<unknown>;
}

const LIVE = `"state" IN ('created', 'retry', 'active')`;

/** Any constant: the first half of the advisory lock an enqueue holds on its key, meeting no other lock of Narada's. */
const ENQUEUE_LOCKS = 7311406;

export class PgBossJobQueue implements JobQueue {
  private readonly boss: PgBoss;
  private readonly queues = new Map<string, Promise<void>>();
  private readonly workers: string[] = [];
  private readonly running = new Set<Running>();
  private readonly sliceMs: number;
  private started: Promise<void> | null = null;
  private stopping = false;

  constructor(private readonly options: PgBossJobQueueOptions) {
    this.sliceMs = Math.max(1_000, options.sliceMs ?? 60_000);
    const sliceSeconds = Math.ceil(this.sliceMs / 1000);
    this.boss = new PgBoss({
      connectionString: options.coordination.url,
      schema: options.coordination.jobSchema,
      application_name: 'narada-jobs',
      max: 4,
      // Expired jobs (their worker gone) are looked for at least every slice.
      maintenanceIntervalSeconds: Math.max(1, Math.min(60, sliceSeconds)),
      // No cron schedules here: the clock monitor and cron worker are not needed.
      schedule: false,
    });
    this.boss.on('error', (error: unknown) => options.onError?.(error));
    options.coordination.onClose(() => this.stop());
  }

  async enqueue<P>(request: JobRequest<P>): Promise<JobState> {
    await this.ensureQueue(request.kind);
    // One enqueue of a key at a time, in every process: without it, a second visitor who looked before
    // the first job was queued could send after a worker took it, which the policy allows (one created
    // beside one active), and the key would have two jobs.
    return this.underKeyLock(request.singletonKey, async (client) => {
      const live = await this.liveRow(request.kind, request.singletonKey, client);
      if (live !== null) return stateOf(live);
      if (this.stopping) throw new Error('the job queue is stopped');
      if ((await this.boss.getQueueSize(request.kind)) >= (this.options.maxWaiting ?? 500)) {
        throw new NaradaError(
          'JOBS.BUSY',
          'Too many jobs are waiting; try again in a few minutes',
          'failure',
          {
            retryable: true,
          },
        );
      }
      const envelope: Envelope = { payload: request.payload, continued: false };
      const id = await this.boss.send(request.kind, envelope as object, {
        singletonKey: request.singletonKey,
      });
      // null: a continuation of the key was queued in the meantime (the policy kept it to one); join it.
      const row =
        id === null
          ? await this.liveRow(request.kind, request.singletonKey, client)
          : await this.rowById(request.kind, id, client);
      if (row === null) throw new Error(`the job of ${request.singletonKey} could not be queued`);
      for (const worker of this.workers) this.boss.notifyWorker(worker);
      return stateOf(row);
    });
  }

  async work<P>(kind: string, handler: JobHandler<P>): Promise<void> {
    await this.ensureQueue(kind);
    for (let n = 0; n < Math.max(1, this.options.concurrency ?? 2); n++) {
      const id = await this.boss.work<Envelope>(
        kind,
        { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: 2 },
        async ([job]) => {
          if (job !== undefined) await this.run(kind, job, handler as JobHandler<unknown>);
        },
      );
      this.workers.push(id);
    }
  }

  async state(singletonKey: string): Promise<JobState | null> {
    await this.start();
    const { rows } = await this.options.coordination.pool.query<JobRow>(
      `SELECT ${COLUMNS} FROM ${this.table} WHERE "singleton_key" = $1
       ORDER BY ${LIVE} DESC, "created_on" DESC LIMIT 1`,
      [singletonKey],
    );
    return rows[0] === undefined ? null : stateOf(rows[0]);
  }

  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    if (this.started === null) return;
    await this.started.catch(() => undefined);
    for (const job of this.running) job.controller.abort();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.options.stopGraceMs ?? 10_000);
    });
    await Promise.race([Promise.allSettled([...this.running].map((job) => job.done)), grace]);
    clearTimeout(timer);
    // A job still running past the grace is failed by pg-boss (`failWip`) and retried elsewhere.
    await this.boss.stop({ graceful: true, wait: true, timeout: 1_000 });
  }

  private get table(): string {
    return `"${this.options.coordination.jobSchema}"."job"`;
  }

  private start(): Promise<void> {
    this.started ??= this.boss.start().then(() => undefined);
    return this.started;
  }

  private ensureQueue(kind: string): Promise<void> {
    let ready = this.queues.get(kind);
    if (ready === undefined) {
      ready = this.start().then(() => this.createQueue(kind));
      ready.catch(() => this.queues.delete(kind));
      this.queues.set(kind, ready);
    }
    return ready;
  }

  private async createQueue(kind: string): Promise<void> {
    const queue: PgBoss.Queue = {
      name: kind,
      policy: 'stately',
      retryLimit: this.options.retryLimit ?? 3,
      retryDelay: this.options.retryDelaySeconds ?? 10,
      // A live worker reaches a checkpoint well within three slices; a dead one's job is retried after.
      expireInSeconds: Math.ceil((this.sliceMs * 3) / 1000),
    };
    for (let attempt = 0; ; attempt++) {
      try {
        const existing = await this.boss.getQueue(kind);
        if (existing === null) await this.boss.createQueue(kind, queue);
        // Settings changed (NARADA_JOB_SLICE_SECONDS): jobs sent from now on take the new ones.
        else if (
          existing.policy !== queue.policy ||
          existing.expireInSeconds !== queue.expireInSeconds ||
          existing.retryLimit !== queue.retryLimit ||
          existing.retryDelay !== queue.retryDelay
        )
          await this.boss.updateQueue(kind, queue);
        return;
      } catch (error) {
        // Two processes creating the queue at once: the loser finds it made.
        if (attempt >= 2) throw error;
      }
    }
  }

  private async run(kind: string, job: PgBoss.JobWithMetadata<Envelope>, handler: JobHandler<unknown>) {
    const controller = new AbortController();
    const slice = setTimeout(() => controller.abort(), this.sliceMs);
    let settle: () => void = () => undefined;
    const entry: Running = { controller, done: new Promise<void>((resolve) => (settle = resolve)) };
    this.running.add(entry);
    const key = job.singletonKey ?? '';
    try {
      let stoppedAtCheckpoint = this.stopping;
      if (!stoppedAtCheckpoint) {
        try {
          await handler(job.data.payload, { id: job.id, singletonKey: key, signal: controller.signal });
        } catch (error) {
          if (!controller.signal.aborted) {
            this.options.onFailure?.(failedState(kind, job, key, error), error);
            // pg-boss fails the job and retries it after retryDelay, up to retryLimit.
            throw error;
          }
          stoppedAtCheckpoint = true;
        }
      }
      // Stopped at a checkpoint (its slice ended, or the process is stopping): a fresh job of the
      // key goes on from the stored cursor, a moment later, so this one has completed when another
      // process fetches it (the policy allows one active job per key).
      if (stoppedAtCheckpoint) {
        const envelope: Envelope = { payload: job.data.payload, continued: true };
        await this.boss.send(kind, envelope as object, { singletonKey: key, startAfter: 1 });
      }
    } finally {
      clearTimeout(slice);
      this.running.delete(entry);
      settle();
    }
  }

  /**
   * Runs `action` holding a session advisory lock on `key`, on one connection of the coordination pool
   * that `action` also queries through (so enqueues at once never wait for a second connection).
   */
  private async underKeyLock<T>(key: string, action: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.options.coordination.pool.connect();
    let healthy = false;
    try {
      await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [ENQUEUE_LOCKS, key]);
      try {
        return await action(client);
      } finally {
        await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [ENQUEUE_LOCKS, key]);
        healthy = true;
      }
    } finally {
      // A connection whose unlock failed is closed, which lets go of the lock.
      client.release(!healthy);
    }
  }

  private async liveRow(kind: string, key: string, client: pg.PoolClient): Promise<JobRow | null> {
    const { rows } = await client.query<JobRow>(
      `SELECT ${COLUMNS} FROM ${this.table} WHERE "name" = $1 AND "singleton_key" = $2 AND ${LIVE}
       ORDER BY "created_on" DESC LIMIT 1`,
      [kind, key],
    );
    return rows[0] ?? null;
  }

  private async rowById(kind: string, id: string, client: pg.PoolClient): Promise<JobRow | null> {
    const { rows } = await client.query<JobRow>(
      `SELECT ${COLUMNS} FROM ${this.table} WHERE "name" = $1 AND "id" = $2`,
      [kind, id],
    );
    return rows[0] ?? null;
  }
}

const COLUMNS = `"id", "name", CAST("state" AS text) AS "state", "singleton_key", "data", "output", "created_on", "completed_on"`;

function stateOf(row: JobRow): JobState {
  const status: JobStatus =
    row.state === 'active'
      ? 'running'
      : row.state === 'created'
        ? row.data?.continued === true
          ? 'running'
          : 'pending'
        : row.state === 'retry'
          ? 'pending'
          : row.state === 'completed'
            ? 'completed'
            : 'failed';
  const error =
    status === 'failed'
      ? typeof row.output?.message === 'string'
        ? row.output.message
        : row.state === 'cancelled'
          ? 'the job was cancelled'
          : 'the job failed'
      : null;
  return {
    id: row.id,
    kind: row.name,
    singletonKey: row.singleton_key ?? '',
    status,
    error,
    createdAt: row.created_on.getTime(),
    finishedAt: row.completed_on === null ? null : row.completed_on.getTime(),
  };
}

function failedState(
  kind: string,
  job: PgBoss.JobWithMetadata<Envelope>,
  key: string,
  error: unknown,
): JobState {
  return {
    id: job.id,
    kind,
    singletonKey: key,
    status: 'failed',
    error: messageOf(error),
    createdAt: job.createdOn.getTime(),
    finishedAt: Date.now(),
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
