// `GET /1/user/{name}/listens`: the listens a user's players have sent, newest first, each as it was
// sent, so a scrobbler that checks what a ListenBrainz server already holds (multi-scrobbler does,
// before sending) finds its own listens. Only submitted listens: imports are not ListenBrainz's to show.
import type { ServerUserStore, StoredSubmission } from '../../ports/server-user-store.port.js';
import { InvalidInputError, NaradaError } from '../../../domain/shared/errors.js';
import type { EpochMs } from '../../../domain/values/time.js';

/** ListenBrainz's DEFAULT_ITEMS_PER_GET and MAX_ITEMS_PER_GET. */
const DEFAULT_COUNT = 25;
const MAX_COUNT = 1000;

export interface ShowListensRequest {
  readonly name: string;
  /** The query's `min_ts`, `max_ts` (unix seconds, both exclusive) and `count`, as received. */
  readonly minTs?: string;
  readonly maxTs?: string;
  readonly count?: string;
}

export interface SubmittedListens {
  readonly user: string;
  readonly listens: readonly StoredSubmission[];
  readonly newest: EpochMs | null;
  readonly oldest: EpochMs | null;
}

export class ShowListens {
  constructor(private readonly users: ServerUserStore) {}

  async run(request: ShowListensRequest): Promise<SubmittedListens> {
    const user = await this.users.byName(request.name);
    if (user === null) {
      throw new NaradaError('INTAKE.UNKNOWN_USER', `Cannot find user: ${request.name}`, 'input', {
        details: { name: request.name },
      });
    }
    const minTs = nonNegative('min_ts', request.minTs);
    const maxTs = nonNegative('max_ts', request.maxTs);
    if (minTs !== null && maxTs !== null && minTs >= maxTs)
      throw new InvalidInputError('INTAKE.BAD_QUERY', 'min_ts should be less than max_ts');
    const count = Math.min(nonNegative('count', request.count) ?? DEFAULT_COUNT, MAX_COUNT);
    const listens = await this.users.submittedListens(user.name, {
      after: minTs === null ? null : minTs * 1000,
      before: maxTs === null ? null : maxTs * 1000,
      limit: count,
    });
    const span = await this.users.submittedSpan(user.name);
    return { user: user.name, listens, newest: span?.newest ?? null, oldest: span?.oldest ?? null };
  }
}

function nonNegative(name: string, text: string | undefined): number | null {
  if (text === undefined || text === '') return null;
  const value = /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!Number.isSafeInteger(value))
    throw new InvalidInputError('INTAKE.BAD_QUERY', `'${name}' should be a non-negative integer`);
  return value;
}
