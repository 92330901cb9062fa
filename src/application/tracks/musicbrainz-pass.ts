// Resolution of one track through MusicBrainz: find and score candidate recordings, then accept the
// best (linking, and merging when another track already has that recording), queue the doubtful ones
// for review, or note that nothing matched. Every try is recorded so later runs retry only stale ones.
// MusicBrainz is asked in batches: the ids of the next tracks of the planned queue go in one request.
import type { IdentityAttemptRepository, AttemptOutcome } from '../ports/identity-attempt-repository.port.js';
import { musicBrainzConnectorTrack, type MusicBrainzPort } from '../ports/musicbrainz.port.js';
import { THRESHOLDS } from '../../domain/matching/thresholds.js';
import { trackMapping, type MatchEvidence, type MatchMethod } from '../../domain/track/track-mapping.js';
import type { Track, TrackId } from '../../domain/track/track.js';
import { IdentityLinker } from './identity-linker.js';
import type { IdentityStores } from './identity-stores.js';
import { candidateMbids, findRecordingCandidates, type ScoredRecording } from './musicbrainz-candidates.js';
import { BatchedRecordingSource, type PlannedTrack } from './musicbrainz-recording-source.js';

export type TrackOutcome =
  | { readonly kind: 'accepted'; readonly method: MatchMethod; readonly merged: number }
  | { readonly kind: 'review'; readonly candidates: number }
  | { readonly kind: 'no_match' };

/** Candidates kept for review per track, so a person can pick another one. */
const REVIEW_CANDIDATES = 3;
/** Tracks whose ids are asked together: one MusicBrainz batch (100 ids a request). */
const PREFETCH_TRACKS = 100;

export class MusicBrainzPass {
  private readonly linker: IdentityLinker;
  private source: BatchedRecordingSource;
  private planned: readonly Track[] = [];
  private readonly queued = new Map<TrackId, number>();
  /** Queue positions below this have had their ids asked for. */
  private prefetchedUpTo = 0;

  constructor(
    private readonly stores: IdentityStores,
    private readonly musicbrainz: MusicBrainzPort,
    private readonly attempts: IdentityAttemptRepository,
  ) {
    this.linker = new IdentityLinker(stores);
    this.source = new BatchedRecordingSource(musicbrainz);
  }

  /**
   * The tracks this run will resolve, in order: their ISRCs and MBIDs are then asked in batches as
   * the run reaches them, and answers are kept for the run only (a new plan starts afresh).
   */
  plan(queue: readonly Track[]): void {
    this.source = new BatchedRecordingSource(this.musicbrainz);
    this.planned = queue;
    this.queued.clear();
    queue.forEach((track, index) => this.queued.set(track.id, index));
    this.prefetchedUpTo = 0;
  }

  async resolve(track: Track, avoid: ReadonlySet<string>): Promise<TrackOutcome> {
    const hints = await this.upstreamMbids(track);
    await this.prefetchFrom(track, hints);
    const { ranked, notes } = await findRecordingCandidates(
      this.source,
      track,
      hints,
      await this.rejectedRecordings(track),
    );
    const best = ranked[0];
    let outcome: TrackOutcome = { kind: 'no_match' };
    if (best !== undefined && best.score.decision === 'accept') {
      outcome = await this.accept(track, best, ranked, notes, avoid);
    } else if (best !== undefined && best.score.decision === 'review') {
      outcome = await this.queue(track, ranked, notes);
    }
    await this.record(track, outcome, describe(outcome, best, notes));
    return outcome;
  }

  /** Records that resolving the track failed (MusicBrainz down), so the next run tries it first again. */
  async recordFailure(track: Track, message: string): Promise<void> {
    await this.attempts.record([
      {
        trackId: track.id,
        service: 'musicbrainz',
        triedAt: this.stores.clock.now(),
        outcome: 'failed',
        detail: message,
      },
    ]);
  }

  private async accept(
    track: Track,
    best: ScoredRecording,
    ranked: readonly ScoredRecording[],
    notes: readonly string[],
    avoid: ReadonlySet<string>,
  ): Promise<TrackOutcome> {
    const runnersUp = ranked
      .slice(1, REVIEW_CANDIDATES)
      .filter((r) => r.score.decision === 'accept')
      .map((r) => `also recording ${r.recording.id.value} (confidence ${r.score.confidence})`);
    await this.storeRecords([best]);
    const linked = await this.linker.link({
      trackId: track.id,
      service: 'musicbrainz',
      externalId: best.recording.id.value,
      confidence: best.score.confidence,
      method: best.score.method,
      evidence: withNotes(best.score.evidence, [...notes, ...runnersUp]),
      pinned: false,
      byUser: false,
      avoid,
    });
    if (linked.kind === 'blocked') {
      // The recording belongs to a track the user split from this one: let the user decide.
      return this.queue(track, ranked, [
        ...notes,
        `recording is linked to track ${linked.other.id}, unmerged from this one`,
      ]);
    }
    return { kind: 'accepted', method: best.score.method, merged: linked.merges.length };
  }

  private async queue(
    track: Track,
    ranked: readonly ScoredRecording[],
    notes: readonly string[],
  ): Promise<TrackOutcome> {
    const candidates = ranked
      .slice(0, REVIEW_CANDIDATES)
      .filter((r) => r.score.confidence >= THRESHOLDS.review);
    const chosen = candidates.length > 0 ? candidates : ranked.slice(0, 1);
    await this.storeRecords(chosen);
    const at = this.stores.clock.now();
    for (const candidate of chosen) {
      await this.stores.mappings.upsert(
        trackMapping({
          trackId: track.id,
          service: 'musicbrainz',
          externalId: candidate.recording.id.value,
          // A blocked sure match still needs a person: it waits in review at its own confidence.
          confidence: candidate.score.confidence,
          method: candidate.score.method,
          status: 'review',
          evidence: withNotes(candidate.score.evidence, notes),
          pinned: false,
          createdAt: at,
          updatedAt: at,
        }),
      );
    }
    return { kind: 'review', candidates: chosen.length };
  }

  private async storeRecords(scored: readonly ScoredRecording[]): Promise<void> {
    const at = this.stores.clock.now();
    await this.stores.connectorTracks.upsertMany(
      scored.map((s) => musicBrainzConnectorTrack(s.recording, at)),
    );
  }

  private async record(track: Track, outcome: TrackOutcome, detail: string): Promise<void> {
    const kind: AttemptOutcome = outcome.kind;
    // After any update of the track, so the attempt is not older than the track it tried.
    await this.attempts.record([
      { trackId: track.id, service: 'musicbrainz', triedAt: this.stores.clock.now(), outcome: kind, detail },
    ]);
  }

  /**
   * Asks for the ids of the next batch of the queue once the run reaches a track not asked for yet.
   * A track outside the plan is asked about on its own, when its candidates are sought.
   */
  private async prefetchFrom(track: Track, hints: readonly string[]): Promise<void> {
    const at = this.queued.get(track.id);
    if (at === undefined || at < this.prefetchedUpTo) return;
    const coming = this.planned.slice(at, at + PREFETCH_TRACKS);
    const planned: PlannedTrack[] = [];
    // The track as it stands now (the run re-reads it), the later ones as queued.
    for (const next of [track, ...coming.slice(1)]) {
      const nextHints = next === track ? hints : await this.upstreamMbids(next);
      planned.push({ isrc: next.isrc, mbids: candidateMbids(next, nextHints) });
    }
    await this.source.prefetch(planned);
    this.prefetchedUpTo = at + coming.length;
  }

  /** MBIDs other services gave for the track's records (Last.fm's `mbid`): provisional hints. */
  private async upstreamMbids(track: Track): Promise<string[]> {
    const hints: string[] = [];
    for (const mapping of await this.stores.mappings.forTrack(track.id)) {
      if (mapping.status !== 'accepted' || mapping.service === 'musicbrainz') continue;
      const record = await this.stores.connectorTracks.find(mapping.service, mapping.externalId);
      const mbid = record?.attributes['mbid'];
      if (typeof mbid === 'string' && mbid !== '') hints.push(mbid);
    }
    return hints;
  }

  /** Recordings a person (or an earlier run) rejected for this track are never proposed again. */
  private async rejectedRecordings(track: Track): Promise<Set<string>> {
    const links = await this.stores.mappings.forTrack(track.id);
    return new Set(
      links.filter((m) => m.service === 'musicbrainz' && m.status === 'rejected').map((m) => m.externalId),
    );
  }
}

function describe(
  outcome: TrackOutcome,
  best: ScoredRecording | undefined,
  notes: readonly string[],
): string {
  if (outcome.kind === 'accepted') return `accepted (${outcome.method})`;
  if (outcome.kind === 'review') return `${outcome.candidates} candidate(s) waiting in review`;
  if (best === undefined) return notes.at(-1) ?? 'no candidates';
  return `best candidate ${best.recording.id.value} scored ${best.score.confidence}`;
}

function withNotes(evidence: MatchEvidence, notes: readonly string[]): MatchEvidence {
  return { factors: evidence.factors, notes: [...evidence.notes, ...notes] };
}
