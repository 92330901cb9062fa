// The LastYear page (`narada serve`): Last.fm user facts, the caches, the job queue and progress
// channel (in-process on SQLite; pg-boss and NOTIFY on PostgreSQL), the year job built from the
// history import and the era statistics, the doors the web routes call, and the web server itself.
import type { LastYearJobPayload } from '../../../application/lastyear/lastyear-job.js';
import type { JobState } from '../../../application/ports/job-queue.port.js';
import { HISTORY } from '../history.tokens.js';
import { LASTYEAR } from '../lastyear.tokens.js';
import { STATS } from '../stats.tokens.js';
import { TOKENS } from '../tokens.js';
import type { FeatureModule } from './feature-module.js';

/** LastYear jobs running at once in this process: each holds Last.fm and MusicBrainz turns. */
const JOB_CONCURRENCY = 2;

export const bindLastyear: FeatureModule = (wiring) => {
  wiring.bind(LASTYEAR.Users, async (get) => {
    const { LastfmApiUsers } = await import('../../connectors/lastfm/lastfm-user-calls.js');
    return new LastfmApiUsers((await get(TOKENS.Config)).lastfm, await get(TOKENS.LastfmHttp));
  });
  wiring.bind(LASTYEAR.Caches, async (get) => {
    const { LastYearCaches } = await import('../../../application/lastyear/lastyear-caches.js');
    return new LastYearCaches((await get(TOKENS.Repositories)).responseCache);
  });
  wiring.bind(LASTYEAR.Lookup, async (get) => {
    const { UserYearsLookup } = await import('../../../application/lastyear/user-years.js');
    return new UserYearsLookup({
      users: await get(LASTYEAR.Users),
      caches: await get(LASTYEAR.Caches),
      clock: await get(TOKENS.Clock),
    });
  });
  // The one place the jobs' engine is chosen: in-process on SQLite; on PostgreSQL pg-boss and
  // LISTEN/NOTIFY, shared by every `narada serve` and `narada worker` of the database.
  wiring.bind(LASTYEAR.Channel, async (get) => {
    const coordination = await get(TOKENS.Coordination);
    if (coordination !== null) {
      const { PostgresProgressChannel } = await import('../../jobs/postgres-progress-channel.js');
      const logger = await get(TOKENS.Logger);
      return new PostgresProgressChannel({
        coordination,
        clock: await get(TOKENS.Clock),
        onError: (error) =>
          logger.record('warn', 'job progress: the listening connection was lost; listening again', {
            error: error instanceof Error ? error.message : String(error),
          }),
      });
    }
    const { EventEmitterProgressChannel } = await import('../../jobs/event-emitter-progress-channel.js');
    return new EventEmitterProgressChannel();
  });
  wiring.bind(LASTYEAR.Jobs, async (get) => {
    const logger = await get(TOKENS.Logger);
    const onFailure = (state: JobState, error: unknown) =>
      logger.record('warn', `job ${state.singletonKey} failed`, {
        job: state.id,
        error: error instanceof Error ? error.message : String(error),
      });
    const coordination = await get(TOKENS.Coordination);
    if (coordination !== null) {
      const { PgBossJobQueue } = await import('../../jobs/pg-boss-job-queue.js');
      return new PgBossJobQueue({
        coordination,
        concurrency: JOB_CONCURRENCY,
        sliceMs: (await get(TOKENS.Config)).jobSliceMs,
        onFailure,
        onError: (error) =>
          logger.record('warn', 'job queue: pg-boss reported an error', {
            error: error instanceof Error ? error.message : String(error),
          }),
      });
    }
    const { InProcessJobQueue } = await import('../../jobs/in-process-job-queue.js');
    return new InProcessJobQueue({ clock: await get(TOKENS.Clock), concurrency: JOB_CONCURRENCY, onFailure });
  });
  wiring.bind(LASTYEAR.YearJobs, async (get) => {
    const { YearJobs } = await import('../../../application/lastyear/year-jobs.js');
    return new YearJobs({
      jobs: await get(LASTYEAR.Jobs),
      channel: await get(LASTYEAR.Channel),
      caches: await get(LASTYEAR.Caches),
      clock: await get(TOKENS.Clock),
    });
  });
  wiring.bind(LASTYEAR.FetchYear, async (get) => {
    const { FetchYear } = await import('../../../application/lastyear/fetch-year.js');
    const { ImportLastfmHistory } =
      await import('../../../application/use-cases/history/import-lastfm-history.js');
    const { ShowEras } = await import('../../../application/use-cases/stats/show-eras.js');
    const { ResolveOriginalYears } = await import('../../../application/stats/resolve-original-years.js');
    const repos = await get(TOKENS.Repositories);
    const clock = await get(TOKENS.Clock);
    const lastfm = await get(TOKENS.Lastfm);
    const musicbrainz = await get(TOKENS.MusicBrainz);
    const recorder = await get(HISTORY.ListenRecorder);
    const stats = await get(STATS.Listening);
    return new FetchYear({
      // Each job reports to its own channel, so the doors are built per job with its reporter.
      steps: {
        importYear: async ({ user, year }, progress) => {
          await new ImportLastfmHistory({
            lastfm,
            runs: repos.importRuns,
            recorder,
            unitOfWork: repos.unitOfWork,
            clock,
            progress,
          }).run({ user, year });
        },
        dateYear: async ({ user, year }, progress) => {
          const resolver = new ResolveOriginalYears({
            musicbrainz,
            metrics: repos.trackMetrics,
            clock,
            progress,
          });
          const era = await new ShowEras({ stats, resolver }).run({ year, user, resolveYears: true });
          const { total, known, unknown, fallback, coverage, distribution } = era;
          return {
            report: { user, year, total, known, unknown, fallback, coverage, distribution },
            stoppedBecause: era.resolution?.stoppedBecause ?? null,
          };
        },
      },
      caches: await get(LASTYEAR.Caches),
      channel: await get(LASTYEAR.Channel),
      clock,
    });
  });
  wiring.bind(LASTYEAR.Worker, async (get) => {
    const { LASTYEAR_JOB } = await import('../../../application/lastyear/lastyear-job.js');
    const jobs = await get(LASTYEAR.Jobs);
    const fetchYear = await get(LASTYEAR.FetchYear);
    return {
      start: () =>
        jobs.work<LastYearJobPayload>(LASTYEAR_JOB, (payload, context) => fetchYear.run(payload, context)),
    };
  });
  wiring.bind(LASTYEAR.ShowUserYears, async (get) => {
    const { ShowUserYears } = await import('../../../application/use-cases/lastyear/show-user-years.js');
    return new ShowUserYears({ lookup: await get(LASTYEAR.Lookup), clock: await get(TOKENS.Clock) });
  });
  wiring.bind(LASTYEAR.OpenYear, async (get) => {
    const { OpenYear } = await import('../../../application/use-cases/lastyear/open-year.js');
    return new OpenYear({
      lookup: await get(LASTYEAR.Lookup),
      years: await get(LASTYEAR.YearJobs),
      clock: await get(TOKENS.Clock),
    });
  });
  wiring.bind(LASTYEAR.WatchYear, async (get) => {
    const { WatchYear } = await import('../../../application/use-cases/lastyear/watch-year.js');
    return new WatchYear({
      lookup: await get(LASTYEAR.Lookup),
      years: await get(LASTYEAR.YearJobs),
      channel: await get(LASTYEAR.Channel),
      clock: await get(TOKENS.Clock),
    });
  });
  wiring.bind(LASTYEAR.WebServer, async (get) => {
    const { startWebServer } = await import('../../web/server.js');
    return (options) => startWebServer({ ...options, get });
  });
};
