// Reads that must be whole: an answer that came back 2xx but cannot be what was asked for (cut short,
// an HTML page, a page emptier than its own paging says) is asked again with backoff, then fails the
// read. Each service says what "not whole" means for it; HttpClient runs the one retry loop.
import { UpstreamError, upstreamCode } from '../../../application/ports/upstream-errors.js';
import type { ServiceName } from '../../../domain/shared/service.js';

/**
 * Answers read per request before giving up, the first included. Transport failures are retried on
 * their own budget; what is left is a body spoiled on the way, which the next request usually is not.
 */
export const WHOLE_ANSWER_ATTEMPTS = 3;

/** Carried by a request whose 2xx answer must be checked whole. */
export interface WholeAnswer {
  /** What is wrong with a 2xx body that is not the whole answer asked for; null when it is whole. */
  readonly problemOf: (body: unknown) => string | null;
  /** Names what was read, as the message starts: "Spotify playlist X: the page at offset 500". */
  readonly subject: string;
  /** More facts for the error's details (the offset of a page). */
  readonly details?: Readonly<Record<string, unknown>>;
}

/** The failure once every attempt came back spoiled: a partial answer never passes for the whole. */
export function unreadableAnswerError(
  service: ServiceName,
  whole: WholeAnswer,
  problem: string,
  { endpoint, status }: { readonly endpoint: string; readonly status: number },
): UpstreamError {
  return new UpstreamError(
    service,
    upstreamCode(service, 'UNREADABLE_ANSWER'),
    `${whole.subject} came back unreadable ${WHOLE_ANSWER_ATTEMPTS} times (${problem}); Narada does not go on with part of a list, run again later`,
    'failure',
    {
      status,
      retryable: true,
      details: { endpoint, attempts: WHOLE_ANSWER_ATTEMPTS, ...whole.details },
    },
  );
}
