// Which MusicBrainz recordings might be a track, cheapest and surest first: the recordings its ISRC
// names, the recording an upstream MBID names (when it is one), then a search by artist and title.
import type { MusicBrainzPort, MusicBrainzRecording } from '../ports/musicbrainz.port.js';
import { prepareMatchInput, type PreparedMatchInput } from '../../domain/matching/match-input.js';
import { scorePrepared, type MatchScore } from '../../domain/matching/match-scorer.js';
import type { Track } from '../../domain/track/track.js';
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
  readonly requests: number;
}

export const SEARCH_LIMIT = 10;

export async function findRecordingCandidates(
  musicbrainz: MusicBrainzPort,
  track: Track,
  hintMbids: readonly string[],
  rejected: ReadonlySet<string>,
): Promise<RecordingCandidates> {
  const query = prepareMatchInput(trackMatchInput(track));
  const notes: string[] = [];
  let requests = 0;
  const rank = (recordings: readonly MusicBrainzRecording[], foundByIsrc = false) =>
    scoreAll(query, track, recordings, rejected, foundByIsrc);

  if (track.isrc !== null) {
    requests += 1;
    const found = await musicbrainz.recordingsByIsrc(track.isrc);
    notes.push(
      found.length === 0
        ? `ISRC ${track.isrc.value} is not in MusicBrainz`
        : `ISRC ${track.isrc.value} names ${found.length} recording(s): ${found.map((r) => r.id.value).join(', ')}`,
    );
    const ranked = rank(found, true);
    if (worthKeeping(ranked)) return { ranked, notes, requests };
  }

  for (const hint of unique([track.mbid?.value ?? null, ...hintMbids])) {
    const mbid = Mbid.tryParse(hint);
    if (mbid === null) continue;
    requests += 1;
    const recording = await musicbrainz.recording(mbid);
    if (recording === null) {
      // Last.fm's `mbid` is often a MusicBrainz track (medium position) id, which no recording has.
      notes.push(`MBID ${mbid.value} from upstream is not a MusicBrainz recording`);
      continue;
    }
    notes.push(`MBID ${mbid.value} from upstream is recording "${recording.title}"`);
    const ranked = rank([recording]);
    if (worthKeeping(ranked)) return { ranked, notes, requests };
  }

  requests += 1;
  const page = await musicbrainz.searchRecordings({
    artist: track.primaryArtist,
    title: track.title,
    limit: SEARCH_LIMIT,
  });
  notes.push(
    `searched MusicBrainz for "${track.primaryArtist}" – "${track.title}": ${page.hits.length} hit(s)`,
  );
  return { ranked: rank(page.hits.map((hit) => hit.recording)), notes, requests };
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

function worthKeeping(ranked: readonly ScoredRecording[]): boolean {
  return ranked.length > 0 && ranked[0]!.score.decision !== 'reject';
}

function unique(values: readonly (string | null)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== null))];
}
