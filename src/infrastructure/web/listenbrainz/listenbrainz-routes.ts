// ListenBrainz's listen-submission API as a Fastify plugin, for `narada serve`: `POST /1/submit-listens`,
// `GET /1/validate-token`, `GET /1/user/{name}/listens` and `GET /1/user/{name}/playing-now`, answering as api.listenbrainz.org does
// (`{"status": "ok"}`; errors as `{"code", "error"}`), so players that speak ListenBrainz can be pointed
// here. It only translates HTTP to the intake doors and back. Register it unwrapped
// (`app.register(listenBrainzRoutes(deps))`): its body parser and error handler stay inside it.
import type {
  FastifyError,
  FastifyInstance,
  FastifyPluginAsync,
  FastifyReply,
  FastifyRequest,
} from 'fastify';
import type { ShowListens } from '../../../application/use-cases/intake/show-listens.js';
import type { ShowPlayingNow } from '../../../application/use-cases/intake/show-playing-now.js';
import type { SubmitListens } from '../../../application/use-cases/intake/submit-listens.js';
import type { ValidateToken } from '../../../application/use-cases/intake/validate-token.js';
import { MAX_LISTEN_PAYLOAD_SIZE, SubmissionRejected } from '../../../domain/intake/listen-submission.js';
import { isNaradaError } from '../../../domain/shared/errors.js';
import { INTAKE } from '../../di/intake.tokens.js';
import type { Get } from '../../di/wiring.js';

export interface ListenBrainzRoutesDeps {
  readonly submitListens: SubmitListens;
  readonly validateToken: ValidateToken;
  readonly showListens: ShowListens;
  readonly showPlayingNow: ShowPlayingNow;
}

/** Bodies up to this are read, so the size rules answer in ListenBrainz's words; larger ones are cut off. */
const BODY_LIMIT = 2 * MAX_LISTEN_PAYLOAD_SIZE;
const UNKNOWN_ERROR = 'An unknown error occured.';
const utf8 = new TextDecoder('utf-8', { fatal: true });

export function listenBrainzRoutes(deps: ListenBrainzRoutesDeps): FastifyPluginAsync {
  return async (app) => {
    // Bodies are read as bytes whatever their Content-Type (players send text/plain too): the size
    // rules count bytes and each listen is kept as sent.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_request, body, done) =>
      done(null, body),
    );
    app.setErrorHandler((error: FastifyError, request, reply) => answerError(error, request, reply));
    // Browser scrobblers (web-scrobbler's pages) call from other origins, as ListenBrainz allows.
    app.addHook('onRequest', async (_request, reply) => {
      reply.header('Access-Control-Allow-Origin', '*');
    });
    for (const url of ['/1/submit-listens', '/1/validate-token']) {
      app.options(url, async (_request, reply) =>
        reply
          .code(204)
          .header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS')
          .header('Access-Control-Allow-Headers', 'Authorization, Content-Type')
          .send(),
      );
    }

    app.post('/1/submit-listens', { bodyLimit: BODY_LIMIT }, async (request) => {
      const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      await deps.submitListens.run({
        authorization: request.headers.authorization,
        body: decode(bytes),
        bytes: bytes.length,
      });
      return { status: 'ok' };
    });

    app.get<{ Querystring: { token?: string } }>('/1/validate-token', async (request) => {
      const user = await deps.validateToken.run({
        authorization: request.headers.authorization,
        queryToken: request.query.token,
      });
      return user === null
        ? { code: 200, message: 'Token invalid.', valid: false }
        : { code: 200, message: 'Token valid.', valid: true, user_name: user.name };
    });

    app.get<{
      Params: { name: string };
      Querystring: { min_ts?: string; max_ts?: string; count?: string };
    }>('/1/user/:name/listens', async (request) => {
      const { user, listens, newest, oldest } = await deps.showListens.run({
        name: request.params.name,
        minTs: request.query.min_ts,
        maxTs: request.query.max_ts,
        count: request.query.count,
      });
      return {
        payload: {
          user_id: user,
          count: listens.length,
          listens: listens.map((listen) => ({
            ...(JSON.parse(listen.payload) as object),
            listened_at: Math.floor(listen.playedAt / 1000),
            user_name: user,
          })),
          latest_listen_ts: newest === null ? 0 : Math.floor(newest / 1000),
          oldest_listen_ts: oldest === null ? 0 : Math.floor(oldest / 1000),
        },
      };
    });

    app.get<{ Params: { name: string } }>('/1/user/:name/playing-now', async (request) => {
      const { user, playingNow } = await deps.showPlayingNow.run(request.params.name);
      const listens =
        playingNow === null
          ? []
          : [{ ...(JSON.parse(playingNow.listen.payload) as object), playing_now: true }];
      return { payload: { count: listens.length, user_id: user, playing_now: true, listens } };
    });
  };
}

function decode(bytes: Buffer): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new SubmissionRejected('Cannot parse JSON document: the body is not valid UTF-8');
  }
}

/** Every failure as ListenBrainz answers it: `{"code": status, "error": message}`. */
function answerError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const [status, message] = statusOf(error);
  if (status >= 500) request.log.error({ err: error }, 'listen intake failed');
  return reply.code(status).send({ code: status, error: message });
}

function statusOf(error: FastifyError): [number, string] {
  if (isNaradaError(error)) {
    if (error.code === 'INTAKE.UNAUTHORIZED') return [401, error.message];
    if (error.code === 'INTAKE.UNKNOWN_USER') return [404, error.message];
    if (error.category === 'input') return [400, error.message];
    if (error.retryable) return [503, 'Cannot submit listens at this time, please try again later.'];
    return [500, UNKNOWN_ERROR];
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return [400, `Payload too large. Payload cannot exceed ${MAX_LISTEN_PAYLOAD_SIZE} bytes`];
  const status = error.statusCode ?? 500;
  return status < 500 ? [status, error.message] : [500, UNKNOWN_ERROR];
}

/** The route module `narada serve` registers (web/route-modules.ts): the doors from the container. */
export async function registerListenBrainzRoutes(app: FastifyInstance, get: Get): Promise<void> {
  const [submitListens, validateToken, showListens, showPlayingNow] = await Promise.all([
    get(INTAKE.SubmitListens),
    get(INTAKE.ValidateToken),
    get(INTAKE.ShowListens),
    get(INTAKE.ShowPlayingNow),
  ]);
  await app.register(listenBrainzRoutes({ submitListens, validateToken, showListens, showPlayingNow }));
}
