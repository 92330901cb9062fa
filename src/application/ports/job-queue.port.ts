// Background jobs that outlive a request: enqueued by kind under a singleton key (one live job per
// key however many ask), worked by the handler registered for the kind, a bounded number at a time.
// In-process on SQLite (src/infrastructure/jobs/); a queue in the database (pg-boss) on PostgreSQL,
// shared by `narada serve` and `narada worker` processes.

export type JobStatus = 'pending' | 'running' | 'completed' | 'failed';

export interface JobRequest<P> {
  readonly kind: string;
  /** One live (pending or running) job per key: `lastyear:<user>:<year>`. */
  readonly singletonKey: string;
  readonly payload: P;
}

export interface JobState {
  readonly id: string;
  readonly kind: string;
  readonly singletonKey: string;
  readonly status: JobStatus;
  /** Why it failed; null otherwise. */
  readonly error: string | null;
  /** Epoch ms. */
  readonly createdAt: number;
  readonly finishedAt: number | null;
}

export interface JobContext {
  readonly id: string;
  readonly singletonKey: string;
  /**
   * Aborted when the process stops: the handler stops at its next checkpoint and leaves its work
   * resumable (a stored cursor); the job is then run again from there by the next process.
   */
  readonly signal: AbortSignal;
}

export type JobHandler<P> = (payload: P, context: JobContext) => Promise<void>;

export interface JobQueue {
  /** The live job of the request's singleton key, or a new one when there is none (a failed or finished one is not live). */
  enqueue<P>(request: JobRequest<P>): Promise<JobState>;
  /** Registers the one handler of `kind`; jobs of that kind start only once it is registered. */
  work<P>(kind: string, handler: JobHandler<P>): Promise<void>;
  /** The newest job of that key, live or ended; null when there has been none. */
  state(singletonKey: string): Promise<JobState | null>;
  /** Takes no more jobs, asks running ones to stop at a checkpoint, and resolves once they have. */
  stop(): Promise<void>;
}
