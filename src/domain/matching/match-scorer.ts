// Scores whether two track records are the same recording: deterministic keys first (Spotify id, ISRC,
// MBID), then artist, title, version, album and duration compared after normalisation. Pure and deterministic.
import type { EvidenceFactor, MatchEvidence, MatchMethod } from '../track/track-mapping.js';
import { capArtistPenalty, composerCredit, suffixWithDuration } from './credit-rules.js';
import {
  albumFactor,
  artistFactor,
  durationFactor,
  titleFactor,
  type FactorResult,
} from './match-factors.js';
import { prepareMatchInput, type MatchInput, type PreparedMatchInput } from './match-input.js';
import { decide, THRESHOLDS, type MatchDecision } from './thresholds.js';
import { compareVersions } from './version-compare.js';

export interface MatchScore {
  /** Integer 0–100. */
  readonly confidence: number;
  readonly method: MatchMethod;
  readonly decision: MatchDecision;
  readonly evidence: MatchEvidence;
}

/** Confidence a shared key gives before a version conflict is taken off. */
const KEY_CONFIDENCE = { spotify_id: 100, isrc: 98, mbid: 98 } as const;

type KeyName = keyof typeof KEY_CONFIDENCE;

interface KeyRule {
  readonly name: KeyName;
  readonly key: (track: PreparedMatchInput) => string | null;
  /** Points off when both records have the key and it differs. */
  readonly differentPenalty: number;
  readonly differentNote: string | null;
}

// A different Spotify id says nothing (one recording has an id per release and market). Different ISRCs
// are weak evidence: remasters and re-releases get new codes. Different recording MBIDs are stronger,
// but MusicBrainz holds duplicate recordings.
const KEY_RULES: readonly KeyRule[] = [
  { name: 'spotify_id', key: (track) => track.spotifyId, differentPenalty: 0, differentNote: null },
  {
    name: 'isrc',
    key: (track) => track.isrc,
    differentPenalty: 3,
    differentNote: 'different ISRCs (not proof: remasters and re-releases get new codes)',
  },
  {
    name: 'mbid',
    key: (track) => track.mbid,
    differentPenalty: 8,
    differentNote: 'different recording MBIDs (MusicBrainz holds some duplicates)',
  },
];

function keyFactors(
  a: PreparedMatchInput,
  b: PreparedMatchInput,
): { results: FactorResult[]; shared: KeyName | null } {
  const results: FactorResult[] = [];
  let shared: KeyName | null = null;
  for (const rule of KEY_RULES) {
    const keyA = rule.key(a);
    const keyB = rule.key(b);
    if (keyA === null || keyB === null) continue;
    const same = keyA === keyB;
    if (same) shared ??= rule.name;
    results.push({
      factor: {
        name: rule.name,
        score: same ? 1 : 0,
        penalty: same ? 0 : rule.differentPenalty,
        detail: same ? `both ${keyA}` : `${keyA} vs ${keyB}`,
      },
      notes: same || rule.differentNote === null ? [] : [rule.differentNote],
    });
  }
  return { results, shared };
}

function clampConfidence(value: number): number {
  return Math.max(0, Math.min(100, Math.round(value)));
}

export function scorePrepared(a: PreparedMatchInput, b: PreparedMatchInput): MatchScore {
  let artist = artistFactor(a, b);
  const title = titleFactor(a, b);
  const duration = durationFactor(a, b);
  const composer = composerCredit(a, b, artist, title, duration);
  if (composer !== null) artist = capArtistPenalty(artist);
  const versions = compareVersions(a.versions, b.versions);
  const version: FactorResult = {
    factor: { name: 'version', score: versions.score, penalty: versions.penalty },
    notes: versions.notes,
  };
  const keys = keyFactors(a, b);
  // Plain loops rather than spread, filter and flatMap: resolution scores every candidate of every track.
  const results: FactorResult[] = [artist, title, version];
  const album = albumFactor(a, b);
  if (album !== null) results.push(album);
  if (duration !== null) results.push(duration);
  for (const result of keys.results) results.push(result);
  const factors: EvidenceFactor[] = [];
  const notes: string[] = [];
  for (const result of results) {
    factors.push(result.factor);
    for (const note of result.notes) notes.push(note);
    if (result.rules !== undefined) for (const rule of result.rules) factors.push(rule);
  }
  // Rules that weigh one factor against the others are evidence of their own.
  if (composer !== null) factors.push(composer);
  const suffix = suffixWithDuration(a, b, duration);
  if (suffix !== null) factors.push(suffix);

  let confidence: number;
  let method: MatchMethod;
  if (keys.shared !== null) {
    // A shared key outweighs names (which may be translated), but a version conflict means one record is
    // mislabelled: keep it for review rather than accept or reject.
    method = keys.shared;
    const base = KEY_CONFIDENCE[keys.shared];
    confidence = versions.penalty > 0 ? Math.max(THRESHOLDS.review, base - versions.penalty) : base;
    notes.unshift(`same ${keys.shared}`);
  } else {
    const penalties = factors.reduce((sum, item) => sum + item.penalty, 0);
    confidence = clampConfidence(100 - penalties);
    const exact = artist.factor.score >= 1 && title.factor.score >= 1 && penalties === 0;
    method = exact ? 'artist_title' : 'fuzzy';
  }
  return Object.freeze({
    confidence,
    method,
    decision: decide(confidence),
    evidence: Object.freeze({ factors: Object.freeze(factors), notes: Object.freeze(notes) }),
  });
}

/** Scores one pair; for many pairs prepare each record once with `prepareMatchInput` and use `scorePrepared`. */
export function scoreMatch(a: MatchInput, b: MatchInput): MatchScore {
  return scorePrepared(prepareMatchInput(a), prepareMatchInput(b));
}
