// Resolution of one track through MusicBrainz: find and score candidate recordings, then accept the
// best (linking, and merging when another track already has that recording), queue the doubtful ones
// for review, or note that nothing matched. Every try is recorded so later runs retry only stale ones.
import type { IdentityAttemptRepository, AttemptOutcome } from '../ports/identity-attempt-repository.port.js';
import { musicBrainzConnectorTrack, type MusicBrainzPort } from '../ports/musicbrainz.port.js';
import { THRESHOLDS } from '../../domain/matching/thresholds.js';
import { trackMapping, type MatchEvidence, type MatchMethod } from '../../domain/track/track-mapping.js';
import type { Track } from '../../domain/track/track.js';
import { IdentityLinker } from './identity-linker.js';
import type { IdentityStores } from './identity-stores.js';
import { findRecordingCandidates, type ScoredRecording } from './musicbrainz-candidates.js';

export type TrackOutcome =
  | { readonly kind: 'accepted'; readonly method: MatchMethod; readonly merged: number }
  | { readonly kind: 'review'; readonly candidates: number }
  | { readonly kind: 'no_match' };

/** Candidates kept for review per track, so a person can pick another one. */
const REVIEW_CANDIDATES = 3;

export class MusicBrainzPass {
  private readonly linker: IdentityLinker;

  constructor(
    private readonly stores: IdentityStores,
    private readonly musicbrainz: MusicBrainzPort,
    private readonly attempts: IdentityAttemptRepository,
  ) {
    this.linker = new IdentityLinker(stores);
  }

  async resolve(track: Track, avoid: ReadonlySet<string>): Promise<TrackOutcome> {
    const { ranked, notes } = await findRecordingCandidates(
      this.musicbrainz,
      track,
      await this.upstreamMbids(track),
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
