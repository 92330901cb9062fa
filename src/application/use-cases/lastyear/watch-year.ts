// `GET /user/{username}/{year}/events`: the year's progress as events, ending with `completed` or
// `failed`. Subscribes before looking, so no event falls between; a watcher who comes after the end
// gets the final event at once.
import type { JobEvent, ProgressChannel } from '../../ports/progress-channel.port.js';
import { lastyearKey } from '../../lastyear/lastyear-job.js';
import type { YearJobs, YearView } from '../../lastyear/year-jobs.js';
import { resolveYear, type OpenYearDeps, type YearRequest } from './open-year.js';

export interface WatchYearDeps extends OpenYearDeps {
  readonly channel: ProgressChannel;
  readonly years: YearJobs;
}

export interface YearWatch {
  /** Resolves after the final event was sent (never, if stopped first). */
  readonly ended: Promise<void>;
  /** Stops sending (the watcher went away). */
  stop(): void;
}

const FINAL = new Set(['completed', 'failed']);

export class WatchYear {
  constructor(private readonly deps: WatchYearDeps) {}

  async run(request: YearRequest, send: (event: JobEvent) => void): Promise<YearWatch> {
    const { user, year } = await resolveYear(this.deps, request);
    const key = lastyearKey(user, year);
    let finished = false;
    let end: () => void = () => undefined;
    const ended = new Promise<void>((resolve) => (end = resolve));
    let unsubscribe: () => void = () => undefined;
    const deliver = (event: JobEvent): void => {
      if (finished) return;
      send(event);
      if (FINAL.has(event.name)) {
        finished = true;
        unsubscribe();
        end();
      }
    };
    unsubscribe = await this.deps.channel.subscribe(key, deliver);
    const view = await this.deps.years.ensure(user, year);
    if (view.status === 'completed' || view.status === 'failed') deliver(finalEvent(view));
    else {
      const latest = await this.deps.channel.latest(key);
      if (latest !== null && (latest.name === 'progress' || FINAL.has(latest.name))) deliver(latest);
      else deliver({ name: 'progress', data: { ...view.progress } });
    }
    return {
      ended,
      stop: () => {
        finished = true;
        unsubscribe();
      },
    };
  }
}

export function finalEvent(view: YearView): JobEvent {
  return view.status === 'failed'
    ? { name: 'failed', data: { status: 'failed', reason: view.reason ?? 'the job failed' } }
    : {
        name: 'completed',
        data: {
          status: 'completed',
          user: view.user,
          year: view.year,
          total: view.total,
          unknown: view.unknown,
        },
      };
}
