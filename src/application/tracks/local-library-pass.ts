// The cheap first step of resolution: each waiting track against the local library, through the
// candidate index (never every pair). A sure match means two internal tracks are one recording, so they
// are merged; a doubtful one goes to review as "this track's record may be that track".
import type { ProgressTask } from '../ports/progress.port.js';
import { CandidateIndex } from '../../domain/matching/candidate-index.js';
import { prepareMatchInput, type PreparedMatchInput } from '../../domain/matching/match-input.js';
import { rankMatches } from '../../domain/matching/resolve-match.js';
import { trackMapping, type TrackMapping } from '../../domain/track/track-mapping.js';
import type { Track, TrackId } from '../../domain/track/track.js';
import { pairKey } from './identity-linker.js';
import type { IdentityStores } from './identity-stores.js';
import { sameMatchFacts, trackMatchInput } from './match-inputs.js';
import { TrackMerger } from './track-merger.js';

export interface LocalPassResult {
  readonly examined: number;
  readonly merged: number;
  readonly review: number;
  /** Tracks merged away during the pass: they no longer need resolving. */
  readonly gone: ReadonlySet<TrackId>;
}

interface LibraryIndex {
  readonly index: CandidateIndex<Track>;
  /** Prepared forms of the waiting tracks, as indexed. */
  readonly preparedPending: ReadonlyMap<TrackId, PreparedMatchInput>;
}

/** Candidates looked at per track: the track itself takes one place. */
const CANDIDATES = 21;
const PAGE_SIZE = 5000;
const BATCH = 500;

export class LocalLibraryPass {
  private readonly merger: TrackMerger;

  constructor(private readonly stores: IdentityStores) {
    this.merger = new TrackMerger(stores);
  }

  async run(
    pending: readonly Track[],
    avoid: ReadonlySet<string>,
    progress: ProgressTask,
  ): Promise<LocalPassResult> {
    const gone = new Set<TrackId>();
    if (pending.length === 0) return { examined: 0, merged: 0, review: 0, gone };
    const { index, preparedPending } = await this.libraryIndex(pending);
    const counts = { merged: 0, review: 0 };
    // Many small merges commit together: one transaction per batch instead of one per merge.
    for (let start = 0; start < pending.length; start += BATCH) {
      const batch = pending.slice(start, start + BATCH);
      await this.stores.unitOfWork.transaction(async () => {
        for (const track of batch) {
          if (gone.has(track.id)) continue;
          const query = preparedPending.get(track.id) ?? prepareMatchInput(trackMatchInput(track));
          await this.examine(track, query, index, avoid, gone, counts);
        }
      });
      progress.advance(batch.length);
    }
    const { merged, review } = counts;
    return { examined: pending.length, merged, review, gone };
  }

  private async examine(
    track: Track,
    query: PreparedMatchInput,
    index: CandidateIndex<Track>,
    avoid: ReadonlySet<string>,
    gone: Set<TrackId>,
    counts: { merged: number; review: number },
  ): Promise<void> {
    const best = rankMatches(query, index, CANDIDATES).find(
      (m) => m.item.id !== track.id && !gone.has(m.item.id) && !avoid.has(pairKey(m.item.id, track.id)),
    );
    if (best === undefined || best.score.decision === 'reject') return;
    const { confidence, method, evidence } = best.score;
    if (best.score.decision === 'accept') {
      // Merges only ever change the merged track, which leaves the index through `gone`: the indexed
      // copies of the others are still current.
      const merge = await this.merger.merge(
        track,
        best.item,
        `same recording in the local library (${method}, confidence ${confidence})`,
      );
      gone.add(merge.mergedId);
      counts.merged += 1;
    } else if (await this.proposeForReview(track, best.item, confidence, method, evidence)) {
      counts.review += 1;
    }
  }

  /**
   * The standing library, indexed, read through the look-up's raw pages (no ORM entities). A waiting track
   * is in the library too: its prepared form is kept for its query, unless it changed since it was read.
   */
  private async libraryIndex(pending: readonly Track[]): Promise<LibraryIndex> {
    const waiting = new Map(pending.map((track) => [track.id, track]));
    const index = new CandidateIndex<Track>();
    const preparedPending = new Map<TrackId, PreparedMatchInput>();
    for await (const page of this.stores.lookup.standingTracks(PAGE_SIZE)) {
      for (const track of page) {
        const prepared = prepareMatchInput(trackMatchInput(track));
        index.add(track, prepared);
        const queued = waiting.get(track.id);
        if (queued !== undefined && sameMatchFacts(queued, track)) preparedPending.set(track.id, prepared);
      }
    }
    return { index, preparedPending };
  }

  /** Queues "the track's own record may be `candidate`"; false when the track has no record or it was decided before. */
  private async proposeForReview(
    track: Track,
    candidate: Track,
    confidence: number,
    method: TrackMapping['method'],
    evidence: TrackMapping['evidence'],
  ): Promise<boolean> {
    const { lookup, clock } = this.stores;
    const key = (m: TrackMapping) => `${m.service}:${m.externalId}`;
    const links = await lookup.mappingsOfTracks([track.id, candidate.id]);
    const own = links.filter((m) => m.trackId === track.id && m.status === 'accepted');
    const record = own.find((m) => m.service === track.source) ?? own[0];
    if (record === undefined) return false;
    const candidateLinks = links.filter((m) => m.trackId === candidate.id);
    if (candidateLinks.some((m) => key(m) === key(record))) return false;
    // The same question asked the other way round ("the candidate's record may be this track").
    const candidateRecords = new Set(candidateLinks.filter((m) => m.status === 'accepted').map(key));
    if (
      links.some((m) => m.trackId === track.id && m.status !== 'accepted' && candidateRecords.has(key(m)))
    ) {
      return false;
    }
    const at = clock.now();
    await lookup.upsertMappings([
      trackMapping({
        trackId: candidate.id,
        service: record.service,
        externalId: record.externalId,
        confidence,
        method,
        status: 'review',
        evidence: {
          ...evidence,
          notes: [`local library: track ${track.id} may be track ${candidate.id}`, ...evidence.notes],
        },
        pinned: false,
        createdAt: at,
        updatedAt: at,
      }),
    ]);
    return true;
  }
}
