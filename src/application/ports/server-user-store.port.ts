// The users of `narada serve` and their listen-submission tokens. The store keeps only a hash of each
// token: it is given the token when one is issued or checked, and never hands one back.
import type { ServerUser } from '../../domain/users/server-user.js';
import type { EpochMs } from '../../domain/values/time.js';

/** A user with what the server has received from them. */
export interface ServerUserSummary extends ServerUser {
  /** Listens submitted and stored (the ledger's `submission` events of this listener). */
  readonly listens: number;
  /** Start time of the latest of them. */
  readonly lastListenAt: EpochMs | null;
}

/** Which of a user's submitted listens to read: start times in (after, before), newest first. */
export interface SubmittedListenQuery {
  readonly after: EpochMs | null;
  readonly before: EpochMs | null;
  readonly limit: number;
}

/** A listen as the ledger holds it from a submission. */
export interface StoredSubmission {
  readonly playedAt: EpochMs;
  /** The listen's JSON as it was sent. */
  readonly payload: string;
}

export interface ServerUserStore {
  /** Stores a new user with the hash of `token`; null when the name is taken. */
  add(name: string, token: string, at: EpochMs): Promise<ServerUser | null>;
  /** Replaces the user's token (the old one stops working); null when no user has that name. */
  replaceToken(name: string, token: string, at: EpochMs): Promise<ServerUser | null>;
  /** Removes the user (their listens stay in the ledger); false when there was none of that name. */
  remove(name: string): Promise<boolean>;
  /** Every user by name. */
  list(): Promise<ServerUserSummary[]>;
  /** The user's submitted listens (the ledger's `submission` events), newest first. */
  submittedListens(name: string, query: SubmittedListenQuery): Promise<StoredSubmission[]>;
  /** The start times of the user's newest and oldest submitted listen, or null when none. */
  submittedSpan(name: string): Promise<{ readonly newest: EpochMs; readonly oldest: EpochMs } | null>;
  /** The user of that name, or null. */
  byName(name: string): Promise<ServerUser | null>;
  /** The user this token belongs to, or null. */
  byToken(token: string): Promise<ServerUser | null>;
}
