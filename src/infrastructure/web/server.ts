// The web server of `narada serve` (Fastify): built from the container's parts, with the route
// modules of route-modules.ts, errors answered as HTML or JSON as the client accepts, and a close
// that stops taking requests, ends open event streams and lets each module stop its work.
import Fastify, { type FastifyInstance } from 'fastify';
import { InvalidInputError } from '../../domain/shared/errors.js';
import type { Get } from '../di/wiring.js';
import { replyWithError } from './web-errors.js';
import { ROUTE_MODULES, type WebRouteModule } from './route-modules.js';
import type { RunningWebServer, WebServerOptions } from './web-server-types.js';

export interface WebServerDeps {
  readonly get: Get;
  readonly workJobs?: boolean;
  /** Default: every module of route-modules.ts. */
  readonly modules?: readonly WebRouteModule[];
}

export async function buildWebServer(deps: WebServerDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    // Players join a base URL and a path in their own ways (`/1/...` after a trailing slash).
    routerOptions: { ignoreTrailingSlash: true, ignoreDuplicateSlashes: true },
  });
  app.setErrorHandler((error, request, reply) => replyWithError(request, reply, error));
  app.setNotFoundHandler((request, reply) =>
    replyWithError(request, reply, { status: 404, code: 'WEB.NOT_FOUND', message: 'There is no page here' }),
  );
  for (const module of deps.modules ?? ROUTE_MODULES)
    await app.register((scope) => module(scope, deps.get, { workJobs: deps.workJobs ?? true }));
  return app;
}

export async function startWebServer(deps: WebServerDeps & WebServerOptions): Promise<RunningWebServer> {
  const app = await buildWebServer(deps);
  try {
    await app.listen({ host: deps.host, port: deps.port });
  } catch (error) {
    await app.close();
    throw listenError(error, deps);
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : deps.port;
  const host = deps.host.includes(':') ? `[${deps.host}]` : deps.host;
  return { url: `http://${host}:${port}`, close: () => app.close() };
}

/** Why the server could not listen, said so the user knows which flag to change. */
function listenError(error: unknown, { host, port }: WebServerOptions): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  const where = `${host} port ${port}`;
  if (code === 'EADDRINUSE')
    return new InvalidInputError(
      'WEB.PORT_IN_USE',
      `${where} is in use; pick another with --port (0: any free one)`,
    );
  if (code === 'EACCES')
    return new InvalidInputError(
      'WEB.PORT_REFUSED',
      `${where} may not be used by this user; pick a port above 1023 with --port`,
    );
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
    return new InvalidInputError('WEB.BAD_HOST', `${host} is not an address of this machine; check --host`);
  return error;
}
