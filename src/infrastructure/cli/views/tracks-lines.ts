// Plain-text views of `narada tracks …` results: resolution summaries, a track's identities with their
// evidence, and the review queue as a script or a person at a pipe sees it.
import type { TrackMergeRecord } from '../../../application/ports/identity-merge-store.port.js';
import type { LinkOutcome } from '../../../application/tracks/identity-linker.js';
import type { ResolveSummary } from '../../../application/use-cases/tracks/resolve-tracks.js';
import type { ReviewCandidate, ReviewItem } from '../../../application/use-cases/tracks/review-matches.js';
import type { TrackIdentity, TrackReport } from '../../../application/use-cases/tracks/show-track.js';
import type { MatchEvidence, TrackMapping } from '../../../domain/track/track-mapping.js';
import type { Track } from '../../../domain/track/track.js';

export function renderResolveSummary(s: ResolveSummary): string[] {
  const mb = s.musicbrainz;
  const accepted = Object.entries(mb.accepted).map(([method, n]) => `${method} ${n}`);
  const acceptedTotal = Object.values(mb.accepted).reduce((sum, n) => sum + n, 0);
  return [
    `${s.pending} track(s) waited for resolution.`,
    `Local library: ${s.local.examined} examined, ${s.local.merged} merged as duplicates, ${s.local.review} to review`,
    `MusicBrainz:   ${mb.tried} tried, ${acceptedTotal} matched${accepted.length > 0 ? ` (${accepted.join(', ')})` : ''}, ` +
      `${mb.review} to review, ${mb.noMatch} without a match, ${mb.merged} merged`,
    s.remaining > 0
      ? `Still waiting: ${s.remaining} (run \`narada tracks resolve\` again; MusicBrainz allows about one track a second)`
      : 'Nothing left to resolve.',
    ...(mb.review + s.local.review > 0 ? ['Decide the doubtful ones with `narada tracks review`.'] : []),
    ...(s.stopped === null ? [] : [`Stopped early: ${s.stopped.message}`]),
  ];
}

export function trackTitle(track: Pick<Track, 'artists' | 'title'>): string {
  return `${track.artists.join(', ')} – ${track.title}`;
}

export function formatDurationMs(ms: number | null): string | null {
  if (ms === null) return null;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Last.fm keys join artist and title with a control character; show them readably. */
export function readableExternalId(id: string): string {
  return id.replace('\u001f', ' – ');
}

export function evidenceLine(evidence: MatchEvidence): string {
  const factors = evidence.factors.map(
    (f) =>
      `${f.name} ${f.score.toFixed(2)}${f.penalty > 0 ? ` −${f.penalty}` : ''}${f.detail ? ` (${f.detail})` : ''}`,
  );
  return [...factors, ...evidence.notes].join('; ');
}

function trackLine(track: Track): string {
  const facts = [track.album, formatDurationMs(track.durationMs)].filter(
    (x): x is string => x !== null && x !== '',
  );
  return `Track ${track.id}: ${trackTitle(track)}${facts.length > 0 ? ` (${facts.join(', ')})` : ''}`;
}

const MARK: Readonly<Record<TrackMapping['status'], string>> = { accepted: '✔', review: '?', rejected: '✖' };

function identityLines(identity: TrackIdentity): string[] {
  const m = identity.mapping;
  const record = identity.record;
  const head = `  ${MARK[m.status]} ${m.service.padEnd(11)} ${readableExternalId(m.externalId)}  ${m.confidence}  ${m.method}  ${m.status}${m.pinned ? '  pinned' : ''}`;
  const seen =
    record === null
      ? []
      : [
          `      "${record.title}" by ${record.artists.join(', ')}${record.album ? ` on ${record.album}` : ''}${record.durationMs ? ` (${formatDurationMs(record.durationMs)})` : ''}`,
        ];
  const why = evidenceLine(m.evidence);
  return [head, ...seen, ...(why === '' ? [] : [`      evidence: ${why}`])];
}

export function renderTrackReport(r: TrackReport): string[] {
  const t = r.track;
  const keys = [
    t.isrc ? `ISRC ${t.isrc.value}` : null,
    t.mbid ? `MBID ${t.mbid.value}` : null,
    t.releaseDate ? `released ${t.releaseDate.toString()}` : null,
    `from ${t.source}`,
  ];
  const lines = [
    `${trackLine(t)}  [${t.status}, confidence ${t.confidence}]`,
    `  ${keys.filter((k): k is string => k !== null).join(' · ')}`,
  ];
  if (r.survivor !== null)
    lines.push(`  merged into track ${r.survivor.id} (${trackTitle(r.survivor)}); its identities:`);
  lines.push(
    r.identities.length === 0 ? 'No identities yet.' : 'Identities:',
    ...r.identities.flatMap(identityLines),
  );
  if (r.merges.length > 0) {
    lines.push('Merges:');
    for (const m of r.merges) {
      const when = new Date(m.mergedAt).toISOString().slice(0, 16).replace('T', ' ');
      const undone =
        m.undoneAt === null
          ? ''
          : `, undone ${new Date(m.undoneAt).toISOString().slice(0, 16).replace('T', ' ')}`;
      lines.push(`  track ${m.mergedId} into track ${m.survivorId} on ${when} (${m.reason})${undone}`);
    }
  }
  for (const a of r.attempts) {
    const when = new Date(a.triedAt).toISOString().slice(0, 16).replace('T', ' ');
    lines.push(
      `Last tried on ${a.service}: ${when}, ${a.outcome.replace('_', ' ')}${a.detail ? ` — ${a.detail}` : ''} (${a.attempts} tries)`,
    );
  }
  if (r.otherMatches.length > 0) {
    lines.push(
      'Other tracks matching the query:',
      ...r.otherMatches.map((o) => `  ${o.id}  ${trackTitle(o)}`),
    );
  }
  return lines;
}

function candidateLine(c: ReviewCandidate): string {
  const m = c.mapping;
  const record = c.record;
  const seen =
    record === null ? readableExternalId(m.externalId) : `"${record.title}" by ${record.artists.join(', ')}`;
  const length = formatDurationMs(record?.durationMs ?? null);
  return `  ${c.id.padEnd(8)} ${m.service.padEnd(11)} ${String(m.confidence).padStart(3)}  ${seen}${length ? ` (${length})` : ''}  ${m.externalId.includes('\u001f') ? '' : m.externalId}`.trimEnd();
}

export function renderReviewQueue(items: readonly ReviewItem[]): string[] {
  if (items.length === 0) return ['Nothing waits for review.'];
  return [
    `${items.length} track(s) wait for review; accept with \`narada tracks review --accept <id>\`, reject with --reject <id>:`,
    ...items.flatMap((item) => [
      trackLine(item.track),
      ...item.candidates.flatMap((c) => [candidateLine(c), `           ${evidenceLine(c.mapping.evidence)}`]),
    ]),
  ];
}

/** What a pin or an accepted candidate did to the track. */
export function linkedLine(outcome: LinkOutcome, what: string): string {
  if (outcome.kind === 'blocked') return `${what}: not linked, track ${outcome.other.id} holds it`;
  const merged = outcome.merges
    .map((m) => ` (track ${m.mergedId} merged into track ${m.survivorId})`)
    .join('');
  return `${what}: linked to track ${outcome.track.id}, now ${outcome.track.status}${merged}`;
}

export function mergeLine(m: TrackMergeRecord): string {
  return m.undoneAt === null
    ? `Track ${m.mergedId} is merged into track ${m.survivorId}; undo with \`narada tracks unmerge ${m.mergedId}\``
    : `Track ${m.mergedId} stands on its own again (${m.previousStatus}); what the merge moved is back`;
}
