// Which library track the plays of one track are: the same internal track when the identity pipeline
// made them one (sure as the file's mapping), else the project's matcher over the library tracks through
// the candidate index. Never silently wrong: a link is made only when one candidate alone is accepted;
// doubtful or rival candidates leave the listens ambiguous, with every candidate kept for review.
import { CandidateIndex } from '../../domain/matching/candidate-index.js';
import { prepareMatchInput } from '../../domain/matching/match-input.js';
import { rankMatches } from '../../domain/matching/resolve-match.js';
import { THRESHOLDS } from '../../domain/matching/thresholds.js';
import type { Track, TrackId } from '../../domain/track/track.js';
import type {
  LibraryTrack,
  ListenLinkCandidate,
  ListenLinkVerdict,
} from '../ports/listen-link-store.port.js';
import { trackMatchInput } from '../tracks/match-inputs.js';

/** Candidates scored per track, and kept for review. */
const SCORED = 20;
const KEPT = 5;

export class ListenLinker {
  private readonly byId: ReadonlyMap<TrackId, LibraryTrack>;
  private readonly index = new CandidateIndex<LibraryTrack>();

  constructor(library: readonly LibraryTrack[]) {
    this.byId = new Map(library.map((entry) => [entry.track.id, entry]));
    for (const entry of library) this.index.add(entry, prepareMatchInput(trackMatchInput(entry.track)));
  }

  /** The verdict for the plays of `track` (a standing track: plays follow merges). */
  link(track: Track): ListenLinkVerdict {
    const same = this.byId.get(track.id);
    if (same !== undefined) {
      const chosen: ListenLinkCandidate = {
        trackId: track.id,
        confidence: same.confidence,
        method: 'same_track',
        evidence: {
          factors: [],
          notes: [`the play's track is a library track (its file mapped by ${same.method})`],
        },
      };
      return {
        status: 'linked',
        chosen,
        reason: `same track as ${same.files} library file(s), mapped by ${same.method}`,
        candidates: [chosen],
      };
    }
    const candidates: ListenLinkCandidate[] = rankMatches(
      prepareMatchInput(trackMatchInput(track)),
      this.index,
      SCORED,
    )
      .filter((match) => match.score.confidence >= THRESHOLDS.review)
      .slice(0, KEPT)
      .map((match) => ({
        trackId: match.item.track.id,
        confidence: match.score.confidence,
        method: match.score.method,
        evidence: match.score.evidence,
      }));
    const [best, second] = candidates;
    if (best === undefined) {
      return { status: 'unlinked', chosen: null, reason: 'no library track matches', candidates };
    }
    if (best.confidence >= THRESHOLDS.accept && (second?.confidence ?? 0) < THRESHOLDS.accept) {
      return {
        status: 'linked',
        chosen: best,
        reason: `matched by ${best.method} with confidence ${best.confidence}`,
        candidates,
      };
    }
    const reason =
      best.confidence >= THRESHOLDS.accept
        ? `${candidates.filter((c) => c.confidence >= THRESHOLDS.accept).length} library tracks match equally well`
        : `best match ${best.confidence} is below ${THRESHOLDS.accept}`;
    return { status: 'ambiguous', chosen: null, reason, candidates };
  }
}
