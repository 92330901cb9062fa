// The ambiguous listen links, shown by `narada tracks review` beside the doubtful identity matches: per
// track, how many listens wait and the library tracks they may be. A person accepts one candidate
// (`L<track>.<n>`) or rejects them all (`L<track>`); the answer stands until the play's track changes.
import { InvalidInputError } from '../../../domain/shared/errors.js';
import type { Track, TrackId } from '../../../domain/track/track.js';
import type {
  ListenLinkCandidate,
  ListenLinkQuestion,
  ListenLinkStore,
} from '../../ports/listen-link-store.port.js';
import type { Clock } from '../../ports/clock.port.js';
import type { UnitOfWork } from '../../ports/unit-of-work.port.js';

export interface ListenLinkReviewCandidate extends ListenLinkCandidate {
  /** `L<track>.<n>`: what `--accept` takes. */
  readonly id: string;
  readonly track: Track | null;
}

export interface ListenLinkReviewItem {
  /** `L<track>`: what `--reject` takes. */
  readonly id: string;
  /** The track the listens are of. */
  readonly track: Track | null;
  readonly listens: number;
  /** Best first. */
  readonly candidates: readonly ListenLinkReviewCandidate[];
}

export interface ReviewListenLinksDeps {
  readonly store: ListenLinkStore;
  readonly unitOfWork: UnitOfWork;
  readonly clock: Clock;
}

/** True for an id `narada tracks review --accept/--reject` should hand to this door. */
export function isListenLinkId(id: string): boolean {
  return /^L\d+(\.\d+)?$/i.test(id);
}

export class ReviewListenLinks {
  constructor(private readonly deps: ReviewListenLinksDeps) {}

  async queue(): Promise<ListenLinkReviewItem[]> {
    const questions = await this.deps.store.questions();
    const ids = new Set<TrackId>();
    for (const q of questions) {
      ids.add(q.playTrackId);
      for (const c of q.candidates) ids.add(c.trackId);
    }
    const tracks = new Map((await this.deps.store.tracksByIds([...ids])).map((t) => [t.id, t]));
    return questions.map((q) => item(q, tracks));
  }

  /** Links every ambiguous listen of the track to candidate n; returns how many listens were linked. */
  async accept(id: string): Promise<number> {
    const { question, candidate } = await this.find(id, 'accept');
    const chosen = candidate ?? question.candidates[0];
    if (chosen === undefined) throw this.notInQueue(id);
    return this.decide(question.playTrackId, {
      status: 'linked',
      chosen: { ...chosen, method: 'manual' },
      reason: 'accepted by the user',
      candidates: question.candidates,
    });
  }

  /** Leaves every ambiguous listen of the track unlinked for good; returns how many listens. */
  async reject(id: string): Promise<number> {
    const { question, candidate } = await this.find(id, 'reject');
    if (candidate !== null) {
      throw new InvalidInputError(
        'REVIEW.LISTEN_LINK_REJECT_ONE',
        `"${id}": reject all candidates of the listens with --reject L${question.playTrackId}, ` +
          `or accept the right one with --accept L${question.playTrackId}.<n>`,
      );
    }
    return this.decide(question.playTrackId, {
      status: 'unlinked',
      chosen: null,
      reason: 'rejected by the user',
      candidates: question.candidates,
    });
  }

  private decide(trackId: TrackId, verdict: Parameters<ListenLinkStore['decide']>[1]): Promise<number> {
    const at = this.deps.clock.now();
    return this.deps.unitOfWork.transaction(() => this.deps.store.decide(trackId, verdict, at));
  }

  private async find(
    id: string,
    verb: string,
  ): Promise<{ question: ListenLinkQuestion; candidate: ListenLinkCandidate | null }> {
    const [trackText = '', index] = id.slice(1).split('.');
    const question = (await this.deps.store.questions()).find((q) => q.playTrackId === Number(trackText));
    if (question === undefined) throw this.notInQueue(id);
    if (index === undefined) return { question, candidate: null };
    const candidate = question.candidates[Number(index) - 1];
    if (candidate === undefined) {
      throw new InvalidInputError(
        'REVIEW.NO_SUCH_CANDIDATE',
        `The listens of track ${question.playTrackId} have ${question.candidates.length} candidate(s), so there is ` +
          `no "${id}" to ${verb}; run \`narada tracks review\` to list them`,
      );
    }
    return { question, candidate };
  }

  private notInQueue(id: string): InvalidInputError {
    return new InvalidInputError(
      'REVIEW.NOT_IN_QUEUE',
      `"${id}" is not in the review queue; give L<track> or L<track>.<n> as \`narada tracks review\` lists them`,
    );
  }
}

function item(question: ListenLinkQuestion, tracks: ReadonlyMap<TrackId, Track>): ListenLinkReviewItem {
  const id = `L${question.playTrackId}`;
  return {
    id,
    track: tracks.get(question.playTrackId) ?? null,
    listens: question.listens,
    candidates: question.candidates.map((c, n) => ({
      ...c,
      id: `${id}.${n + 1}`,
      track: tracks.get(c.trackId) ?? null,
    })),
  };
}
