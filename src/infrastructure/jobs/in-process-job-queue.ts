// The job queue of one process (SQLite): jobs wait in arrival order and run at most `concurrency` at
// a time; one live job per singleton key. Nothing is stored here: a job's work keeps its own cursor
// in the database, so a job lost with the process is simply created again by the next visit.
import type {
  JobContext,
  JobHandler,
  JobQueue,
  JobRequest,
  JobState,
} from '../../application/ports/job-queue.port.js';
import type { Clock } from '../../application/ports/clock.port.js';
import { NaradaError } from '../../domain/shared/errors.js';

/** How long an ended job's state is kept. */
const ENDED_KEPT_MS = 10 * 60_000;

interface Job {
  state: JobState;
  readonly payload: unknown;
  readonly controller: AbortController;
}

export interface InProcessJobQueueOptions {
  readonly clock: Clock;
  /** Jobs running at once; default 2. */
  readonly concurrency?: number;
  /**
   * How long `stop` waits for running jobs to reach a checkpoint (default 10 s): a job waiting on a
   * slow upstream answer is then left as it is; what it stored is whole, and its cursor resumes it.
   */
  readonly stopGraceMs?: number;
  /** Jobs that may wait for a turn; beyond it `enqueue` refuses (JOBS.BUSY). Default 500. */
  readonly maxWaiting?: number;
  /** Told of every job that fails (the log), with the error. */
  readonly onFailure?: (state: JobState, error: unknown) => void;
}

export class InProcessJobQueue implements JobQueue {
  private readonly byKey = new Map<string, Job>();
  private readonly waiting: Job[] = [];
  private readonly running = new Set<Promise<void>>();
  private readonly handlers = new Map<string, JobHandler<unknown>>();
  private readonly concurrency: number;
  private active = 0;
  private stopped = false;
  private counter = 0;

  constructor(private readonly options: InProcessJobQueueOptions) {
    this.concurrency = Math.max(1, options.concurrency ?? 2);
  }

  async enqueue<P>(request: JobRequest<P>): Promise<JobState> {
    const live = this.byKey.get(request.singletonKey);
    if (live !== undefined && (live.state.status === 'pending' || live.state.status === 'running'))
      return live.state;
    if (this.stopped) throw new Error('the job queue is stopped');
    if (this.waiting.length >= (this.options.maxWaiting ?? 500)) {
      throw new NaradaError('JOBS.BUSY', 'Too many jobs are waiting; try again in a few minutes', 'failure', {
        retryable: true,
      });
    }
    this.forgetEnded();
    this.counter += 1;
    const job: Job = {
      state: {
        id: String(this.counter),
        kind: request.kind,
        singletonKey: request.singletonKey,
        status: 'pending',
        error: null,
        createdAt: this.options.clock.now(),
        finishedAt: null,
      },
      payload: request.payload,
      controller: new AbortController(),
    };
    this.byKey.set(request.singletonKey, job);
    this.waiting.push(job);
    // Started after the caller has the pending state in hand.
    setImmediate(() => this.pump());
    return job.state;
  }

  async work<P>(kind: string, handler: JobHandler<P>): Promise<void> {
    this.handlers.set(kind, handler as JobHandler<unknown>);
    setImmediate(() => this.pump());
  }

  async state(singletonKey: string): Promise<JobState | null> {
    return this.byKey.get(singletonKey)?.state ?? null;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const job of this.byKey.values()) job.controller.abort();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.options.stopGraceMs ?? 10_000);
    });
    await Promise.race([Promise.allSettled([...this.running]), grace]);
    clearTimeout(timer);
  }

  /** Ended jobs are remembered for a while (a failed one is shown, then tried again), then dropped. */
  private forgetEnded(): void {
    const before = this.options.clock.now() - ENDED_KEPT_MS;
    for (const [key, job] of this.byKey)
      if (job.state.finishedAt !== null && job.state.finishedAt < before) this.byKey.delete(key);
  }

  private pump(): void {
    while (!this.stopped && this.active < this.concurrency) {
      const at = this.waiting.findIndex((job) => this.handlers.has(job.state.kind));
      if (at < 0) return;
      const [job] = this.waiting.splice(at, 1);
      this.start(job!);
    }
  }

  private start(job: Job): void {
    const handler = this.handlers.get(job.state.kind)!;
    this.active += 1;
    job.state = { ...job.state, status: 'running' };
    const context: JobContext = {
      id: job.state.id,
      singletonKey: job.state.singletonKey,
      signal: job.controller.signal,
    };
    const run = (async () => {
      try {
        await handler(job.payload, context);
        job.state = { ...job.state, status: 'completed', finishedAt: this.options.clock.now() };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        job.state = { ...job.state, status: 'failed', error: message, finishedAt: this.options.clock.now() };
        this.options.onFailure?.(job.state, error);
      }
    })();
    this.running.add(run);
    void run.finally(() => {
      this.running.delete(run);
      this.active -= 1;
      this.pump();
    });
  }
}
