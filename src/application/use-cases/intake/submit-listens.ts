// `POST /1/submit-listens` (ListenBrainz's API, served by `narada serve`): checks the user's token and
// the document as ListenBrainz does, then records the listens as every import does, through the
// history's ListenRecorder: in one transaction, the ledger first (each listen's JSON as sent, source
// `submission`), then plays and daily listens, with a listen Narada already holds from another source
// (the same scrobble imported from Last.fm) counted once. A listen sent again is stored once (the
// ledger's natural key: user, source, time, track). `playing_now` only updates the now-playing board.
import type { Clock } from '../../ports/clock.port.js';
import type { ServerUserStore } from '../../ports/server-user-store.port.js';
import type { ListenRecorder } from '../../history/listen-recorder.js';
import { IdentityMemo } from '../../history/upstream-listens.js';
import type { NowPlayingBoard } from '../../intake/now-playing.js';
import { submittedListenToRecord } from '../../intake/submitted-listens.js';
import { type ListenType, readSubmission } from '../../../domain/intake/listen-submission.js';
import { tokenOfHeader, TokenRefused } from '../../../domain/intake/token-refused.js';
import type { ServerUser } from '../../../domain/users/server-user.js';

export interface SubmitListensDeps {
  readonly users: ServerUserStore;
  readonly recorder: ListenRecorder;
  readonly nowPlaying: NowPlayingBoard;
  readonly clock: Clock;
}

export interface SubmitListensRequest {
  /** The `Authorization` header as received. */
  readonly authorization: string | undefined;
  /** The request body, decoded as UTF-8. */
  readonly body: string;
  /** The body's length in bytes. */
  readonly bytes: number;
}

export interface SubmitListensOutcome {
  readonly user: string;
  readonly listenType: ListenType;
  readonly received: number;
  /** Listens new to the ledger. */
  readonly stored: number;
  /** Listens the ledger already held from an earlier submission of them. */
  readonly alreadyHeld: number;
  /** Of the new ones, listens Narada already had from another source (counted once). */
  readonly sameAsOtherSource: number;
}

export class SubmitListens {
  private readonly identities = new IdentityMemo();

  constructor(private readonly deps: SubmitListensDeps) {}

  async run(request: SubmitListensRequest): Promise<SubmitListensOutcome> {
    const user = await authenticate(this.deps.users, request.authorization);
    const now = this.deps.clock.now();
    const { listenType, listens } = readSubmission(request.body, request.bytes, now);
    const base = { user: user.name, listenType, received: listens.length };
    if (listenType === 'playing_now') {
      await this.deps.nowPlaying.set(user.name, listens[0]!, now);
      return { ...base, stored: 0, alreadyHeld: 0, sameAsOtherSource: 0 };
    }
    const outcome = await this.deps.recorder.record(
      listens.map((listen) =>
        submittedListenToRecord({ ...listen, playedAt: listen.playedAt! }, user.name, this.identities),
      ),
    );
    return {
      ...base,
      stored: outcome.inserted,
      alreadyHeld: outcome.existing,
      sameAsOtherSource: outcome.sameAsHeld,
    };
  }
}

/** The user the request's token belongs to, or TokenRefused with ListenBrainz's message. */
export async function authenticate(
  users: ServerUserStore,
  authorization: string | undefined,
): Promise<ServerUser> {
  const user = await users.byToken(tokenOfHeader(authorization));
  if (user === null) throw new TokenRefused('Invalid authorization token.');
  return user;
}
