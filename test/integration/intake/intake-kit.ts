// Listen intake over real HTTP: a Fastify instance with only the ListenBrainz routes, on 127.0.0.1 at a
// free port, over a real Narada database in a temp folder (the history kit's), with one user whose
// token the tests send, and the ledger's counts to check what was stored.
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { NowPlayingBoard } from '../../../src/application/intake/now-playing.js';
import { ShowListens } from '../../../src/application/use-cases/intake/show-listens.js';
import { ShowPlayingNow } from '../../../src/application/use-cases/intake/show-playing-now.js';
import { SubmitListens } from '../../../src/application/use-cases/intake/submit-listens.js';
import { ValidateToken } from '../../../src/application/use-cases/intake/validate-token.js';
import { AddUser } from '../../../src/application/use-cases/users/add-user.js';
import { listenBrainzRoutes } from '../../../src/infrastructure/web/listenbrainz/listenbrainz-routes.js';
import { FIXED_NOW, openHistoryKit, type HistoryKit } from '../history/history-test-kit.js';

export const USER = 'alice';
/** Unix seconds an hour before the kit's clock. */
export const AN_HOUR_AGO = Math.floor(FIXED_NOW / 1000) - 3600;

export interface IntakeKit extends HistoryKit {
  readonly url: string;
  /** USER's token. */
  readonly token: string;
  readonly addUser: AddUser;
  /** POSTs `body` (an object as JSON, or text as is) to /1/submit-listens with USER's token unless given. */
  submit(body: unknown, authorization?: string | null): Promise<Response>;
  /** The ledger's events of source `submission`, oldest first. */
  submissions(): Promise<Array<{ user: string; played_at: number; track_key: string; payload: string }>>;
  close(): Promise<void>;
}

export async function openIntakeKit(): Promise<IntakeKit> {
  const kit = await openHistoryKit();
  const users = kit.repos.serverUsers;
  const addUser = new AddUser({ store: users, clock: kit.clock, newToken: () => randomUUID() });
  const { token } = await addUser.run({ name: USER });
  const nowPlaying = new NowPlayingBoard(kit.repos.nowPlaying);
  const app: FastifyInstance = Fastify();
  await app.register(
    listenBrainzRoutes({
      submitListens: new SubmitListens({ users, recorder: kit.recorder, nowPlaying, clock: kit.clock }),
      validateToken: new ValidateToken(users),
      showListens: new ShowListens(users),
      showPlayingNow: new ShowPlayingNow({ users, nowPlaying, clock: kit.clock }),
    }),
  );
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    ...kit,
    url,
    token,
    addUser,
    submit: (body, authorization = `Token ${token}`) =>
      fetch(`${url}/1/submit-listens`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...(authorization === null ? {} : { Authorization: authorization }),
        },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    submissions: () =>
      kit.query<{ user: string; played_at: number; track_key: string; payload: string }>(
        `SELECT "user", "played_at", "track_key", "payload" FROM "listening_events"
          WHERE "source" = 'submission' ORDER BY "played_at", "id"`,
      ),
    close: async () => {
      await app.close();
      await kit.dispose();
    },
  };
}

/** A listen as players send it: `listened_at` in unix seconds, artist and title, and what else is given. */
export function aListen(
  listenedAt: number,
  title = 'Song',
  extra: Record<string, unknown> = {},
): { listened_at: number; track_metadata: Record<string, unknown> } {
  return { listened_at: listenedAt, track_metadata: { artist_name: 'Band', track_name: title, ...extra } };
}
