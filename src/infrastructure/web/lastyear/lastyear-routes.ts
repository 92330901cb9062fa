// The LastYear routes: `/`, `/user/{username}`, `/user/{username}/{year}` (HTML, or JSON per Accept),
// its `/events` stream and `/chart.svg`. Registering them makes this process work the LastYear jobs;
// closing the server ends the open streams and stops the jobs at a checkpoint.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ServerResponse } from 'node:http';
import type { JobEvent } from '../../../application/ports/progress-channel.port.js';
import type { YearView } from '../../../application/lastyear/year-jobs.js';
import { LASTYEAR } from '../../di/lastyear.tokens.js';
import { TOKENS } from '../../di/tokens.js';
import type { Get } from '../../di/wiring.js';
import { wantsJson } from '../web-errors.js';
import type { WebRouteSettings } from '../web-server-types.js';
import type { ChartView } from './lastyear-charts.js';

type UserParams = { username: string };
type YearParams = { username: string; year: string };
type YearQuery = { view?: string; compare?: string };

const HTML = 'text/html; charset=utf-8';
/** A comment line now and then keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 15_000;

export async function registerLastyearRoutes(
  app: FastifyInstance,
  get: Get,
  settings: WebRouteSettings = { workJobs: true },
): Promise<void> {
  const [showUserYears, openYear, watchYear, jobs, clock] = await Promise.all([
    get(LASTYEAR.ShowUserYears),
    get(LASTYEAR.OpenYear),
    get(LASTYEAR.WatchYear),
    get(LASTYEAR.Jobs),
    get(TOKENS.Clock),
  ]);
  const pages = await import('./lastyear-pages.js');
  const { chartSvg } = await import('./lastyear-charts.js');
  if (settings.workJobs) await (await get(LASTYEAR.Worker)).start();
  const streams = new Set<ServerResponse>();
  app.addHook('preClose', async () => {
    for (const stream of streams) stream.end();
    streams.clear();
  });
  app.addHook('onClose', async () => jobs.stop());

  app.get('/', async (_request, reply) => reply.type(HTML).send(pages.homePage()));

  app.get<{ Querystring: { username?: string } }>('/user', async (request, reply) => {
    const name = (request.query.username ?? '').trim();
    return reply.redirect(`/user/${encodeURIComponent(name)}`, 303);
  });

  app.get<{ Params: UserParams }>('/user/:username', async (request, reply) => {
    const found = await showUserYears.run(request.params.username);
    if (wantsJson(request))
      return reply.send({ user: found.profile.name, url: found.profile.url, years: found.years });
    return reply.type(HTML).send(pages.userPage(found));
  });

  app.get<{ Params: YearParams; Querystring: YearQuery }>('/user/:username/:year', async (request, reply) => {
    const view = await openYear.run(request.params);
    if (wantsJson(request)) return reply.send(yearJson(view));
    const chartView = chartViewOf(request.query.view);
    const years = (await showUserYears.run(view.user)).years;
    let compare: YearView | null = null;
    if (request.query.compare !== undefined && request.query.compare !== String(view.year))
      compare = await openYear.run({ username: view.user, year: request.query.compare });
    return reply.type(HTML).send(pages.yearPage(view, { view: chartView, years, compare }));
  });

  app.get<{ Params: YearParams; Querystring: YearQuery }>(
    '/user/:username/:year/chart.svg',
    async (request, reply) => {
      const view = await openYear.run(request.params);
      if (view.report === null)
        throw {
          status: 404,
          code: 'LASTYEAR.NOT_READY',
          message: `The chart of ${view.year} is not ready yet (${view.status})`,
        };
      return reply
        .type('image/svg+xml; charset=utf-8')
        .header('content-disposition', `inline; filename="lastyear-${view.user}-${view.year}.svg"`)
        .send(chartSvg(view.report, chartViewOf(request.query.view)));
    },
  );

  app.get<{ Params: YearParams }>('/user/:username/:year/events', async (request, reply) => {
    const early: JobEvent[] = [];
    let write = (event: JobEvent): void => void early.push(event);
    // Errors (a bad name, an unknown user) are thrown here, before the stream opens: a plain 400/404.
    const watch = await watchYear.run(request.params, (event) => write(event));
    const stream = openStream(reply);
    streams.add(stream);
    write = (event) => stream.write(`event: ${event.name}\ndata: ${JSON.stringify(event.data)}\n\n`);
    for (const event of early) write(event);
    const heartbeat = setInterval(() => stream.write(`: ${clock.now()}\n\n`), HEARTBEAT_MS);
    const close = () => {
      clearInterval(heartbeat);
      watch.stop();
      streams.delete(stream);
      stream.end();
    };
    request.raw.on('close', close);
    void watch.ended.then(close);
  });
}

function openStream(reply: FastifyReply): ServerResponse {
  reply.hijack();
  const stream = reply.raw;
  stream.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  stream.write('retry: 3000\n\n');
  return stream;
}

function chartViewOf(view: string | undefined): ChartView {
  return view === 'decades' ? 'decades' : 'years';
}

/** The JSON answer of `/user/{username}/{year}` (INTERFACE.md). */
export function yearJson(view: YearView): Record<string, unknown> {
  const report = view.report;
  return {
    status: view.status,
    user: view.user,
    year: view.year,
    total: view.total,
    unknown: view.unknown,
    distribution: view.distribution.map((b) => ({ year: b.year, count: b.count, fallback: b.fallback })),
    progress: view.progress,
    ...(view.reason === null ? {} : { reason: view.reason }),
    ...(report === null
      ? {}
      : {
          dated: {
            musicbrainz: report.known - report.fallback,
            albumDate: report.fallback,
          },
        }),
  };
}
