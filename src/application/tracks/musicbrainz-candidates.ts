// Which MusicBrainz recordings might be a track, cheapest and surest first: the recordings its ISRC
// names, the recording an upstream MBID names (when it is one), then a search by artist and title.
// The answers come from a RecordingSource, which batches and caches them across the run.
import type { MusicBrainzRecording } from '../ports/musicbrainz.port.js';
import { prepareMatchInput, type PreparedMatchInput } from '../../domain/matching/match-input.js';
import { scorePrepared, type MatchScore } from '../../domain/matching/match-scorer.js';
import type { Track } from '../../domain/track/track.js';
import type { Isrc } from '../../domain/values/isrc.js';
import { Mbid } from '../../domain/values/mbid.js';
import { recordingMatchInput, trackMatchInput } from './match-inputs.js';

export interface ScoredRecording {
  readonly recording: MusicBrainzRecording;
  readonly score: MatchScore;
}

export interface RecordingCandidates {
  /** Best first; recordings the track's links rejected before are left out. */
  readonly ranked: readonly ScoredRecording[];
  /** How the candidates were found, for the evidence. */
  readonly notes: readonly string[];
}

/** Where candidates come from: MusicBrainz, asked as cheaply as the source knows how. */
export interface RecordingSource {
  byIsrc(isrc: Isrc): Promise<readonly MusicBrainzRecording[]>;
  /** null when the MBID is no recording. */
  byId(id: Mbid): Promise<MusicBrainzRecording | null>;
  /** Hits of a search by artist and title, best first. */
  search(artist: string, title: string): Promise<readonly MusicBrainzRecording[]>;
}

export async function findRecordingCandidates(
  source: RecordingSource,
  track: Track,
  hintMbids: readonly string[],
  rejected: ReadonlySet<string>,
): Promise<RecordingCandidates> {
  const query = prepareMatchInput(trackMatchInput(track));
  const notes: string[] = [];
  const rank = (recordings: readonly MusicBrainzRecording[], foundByIsrc = false) =>
    scoreAll(query, track, recordings, rejected, foundByIsrc);

  if (track.isrc !== null) {
    const found = await source.byIsrc(track.isrc);
    notes.push(
      found.length === 0
        ? `ISRC ${track.isrc.value} is not in MusicBrainz`
        : `ISRC ${track.isrc.value} names ${found.length} recording(s): ${found.map((r) => r.id.value).join(', ')}`,
    );
    const ranked = rank(found, true);
    if (worthKeeping(ranked)) return { ranked, notes };
  }

  for (const mbid of candidateMbids(track, hintMbids)) {
    const recording = await source.byId(mbid);
    if (recording === null) {
      // Last.fm's `mbid` is often a MusicBrainz track (medium position) id, which no recording has.
      notes.push(`MBID ${mbid.value} from upstream is not a MusicBrainz recording`);
      continue;
    }
    notes.push(`MBID ${mbid.value} from upstream is recording "${recording.title}"`);
    const ranked = rank([recording]);
    if (worthKeeping(ranked)) return { ranked, notes };
  }

  const hits = await source.search(track.primaryArtist, track.title);
  notes.push(`searched MusicBrainz for "${track.primaryArtist}" – "${track.title}": ${hits.length} hit(s)`);
  return { ranked: rank(hits), notes };
}

/** The track's own MBID, then the upstream hints, each once and only when it parses. */
export function candidateMbids(track: Track, hintMbids: readonly string[]): Mbid[] {
  const values = [...new Set([track.mbid?.value ?? null, ...hintMbids])];
  return values.map((value) => Mbid.tryParse(value)).filter((mbid): mbid is Mbid => mbid !== null);
}

/** Whether the best candidate is worth keeping, so cheaper sources stop the search there. */
function worthKeeping(ranked: readonly ScoredRecording[]): boolean {
  return ranked.length > 0 && ranked[0]!.score.decision !== 'reject';
}

function scoreAll(
  query: PreparedMatchInput,
  track: Track,
  recordings: readonly MusicBrainzRecording[],
  rejected: ReadonlySet<string>,
  foundByIsrc: boolean,
): ScoredRecording[] {
  const seen = new Set<string>();
  const scored: ScoredRecording[] = [];
  for (const recording of recordings) {
    if (rejected.has(recording.id.value) || seen.has(recording.id.value)) continue;
    seen.add(recording.id.value);
    scored.push({
      recording,
      score: scorePrepared(query, prepareMatchInput(recordingMatchInput(recording, track, foundByIsrc))),
    });
  }
  // Stable: among equal confidences MusicBrainz's own order stands.
  return scored.sort((a, b) => b.score.confidence - a.score.confidence);
}
