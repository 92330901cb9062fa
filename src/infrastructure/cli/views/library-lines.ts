// Plain-text views of `narada library …`: what a scan did, the files and their tracks, duplicates, the
// listens linked to library tracks, and the ambiguous links `narada tracks review` lists.
import type { LibraryDuplicateGroup, LibraryFile } from '../../../application/ports/library-store.port.js';
import type { LinkListensReport } from '../../../application/use-cases/library/link-listens.js';
import type {
  ListenLinkReviewCandidate,
  ListenLinkReviewItem,
} from '../../../application/use-cases/library/review-listen-links.js';
import type { ScanLibraryReport } from '../../../application/use-cases/library/scan-library.js';
import { evidenceLine, formatDurationMs, trackTitle } from './tracks-lines.js';

export function renderScan(r: ScanLibraryReport): string[] {
  const lines = [
    `${r.found} music files in ${r.folders.join(', ')}${r.dryRun ? ' (dry run: nothing stored)' : ''}`,
    `  ${r.dryRun ? 'would be: ' : ''}${r.added} new, ${r.updated} changed, ${r.unchanged} unchanged, ` +
      `${r.moved.length} moved, ${r.removed.length} removed, ${r.skipped.length} skipped`,
  ];
  if (!r.dryRun)
    lines.push(`  tracks: ${r.tracksCreated} new, ${r.tracksLinked} linked to known tracks by ISRC or MBID`);
  for (const move of r.moved) lines.push(`  moved: ${move.from} -> ${move.to}`);
  for (const path of r.removed) lines.push(`  removed: ${path}`);
  for (const file of r.skipped) lines.push(`  skipped: ${file.path}: ${file.reason}`);
  return lines;
}

export function renderFiles(files: readonly LibraryFile[]): string[] {
  if (files.length === 0) return ['No files in the library: run "narada library scan DIR".'];
  return files.map((file) => `${String(file.id).padStart(5)}  ${file.path}  ->  ${trackText(file)}`);
}

export function renderFile(file: LibraryFile): string[] {
  const numbers = [
    file.discNumber === null ? null : `disc ${file.discNumber}`,
    file.trackNumber === null ? null : `track ${file.trackNumber}`,
  ];
  const rows: [string, string | null][] = [
    ['id', String(file.id)],
    ['path', file.path],
    ['title', file.title],
    ['artists', file.artists.join(', ') || null],
    ['album', file.album],
    ['position', numbers.filter((n) => n !== null).join(', ') || null],
    ['duration', file.durationMs === null ? null : `${(file.durationMs / 1000).toFixed(1)} s`],
    ['genre', file.genre],
    ['ISRC', file.isrc],
    ['recording MBID', file.recordingMbid],
    ['release MBID', file.releaseMbid],
    ['artist MBIDs', file.artistMbids.join(', ') || null],
    ['format', file.format],
    ['size', `${file.sizeBytes} bytes`],
    ['audio hash', file.audioHash],
    ['track', trackText(file)],
  ];
  return rows.filter(([, value]) => value !== null).map(([name, value]) => `${name.padEnd(15)} ${value}`);
}

export function renderDuplicates(groups: readonly LibraryDuplicateGroup[]): string[] {
  if (groups.length === 0) return ['No duplicates.'];
  return groups.flatMap((group) => [
    group.by === 'audio'
      ? `Same audio (${group.key.slice(0, 12)}…), ${group.files.length} files:`
      : `One track, ${trackText(group.files[0]!)}, ${group.files.length} files:`,
    ...group.files.map((file) => `  ${file.path}`),
  ]);
}

function trackText(file: LibraryFile): string {
  if (file.trackId === null) return 'no track';
  return `track ${file.trackId}: ${file.trackArtists.join(', ')} – ${file.trackTitle ?? ''}`;
}

export function renderLink(r: LinkListensReport): string[] {
  const { decided, totals } = r;
  const lines = [
    `${r.examined} listens to link against ${r.libraryTracks} library tracks${r.dryRun ? ' (dry run: nothing stored)' : ''}`,
    `  ${r.dryRun ? 'would be: ' : ''}${decided.linked} linked, ${decided.ambiguous} ambiguous, ${decided.unlinked} unlinked`,
    `  all listens${r.dryRun ? ' (stored)' : ''}: ${totals.linked} linked, ${totals.ambiguous} ambiguous, ${totals.unlinked} unlinked`,
  ];
  if (totals.ambiguous > 0) lines.push('Decide the ambiguous ones with `narada tracks review`.');
  return lines;
}

/** The ambiguous listen links, as `narada tracks review` lists them after the identity matches. */
export function renderListenLinkQueue(items: readonly ListenLinkReviewItem[]): string[] {
  if (items.length === 0) return [];
  return [
    `${items.length} track(s) have listens that may be library tracks; accept with \`--accept L<track>.<n>\`, ` +
      'leave them unlinked with `--reject L<track>`:',
    ...items.flatMap((item) => [
      `${item.id.padEnd(8)} ${item.listens} listen(s) of ${item.track === null ? 'a track' : `track ${item.track.id}: ${trackTitle(item.track)}`}`,
      ...item.candidates.flatMap((c) => [listenCandidateLine(c), `           ${evidenceLine(c.evidence)}`]),
    ]),
  ];
}

function listenCandidateLine(c: ListenLinkReviewCandidate): string {
  const length = formatDurationMs(c.track?.durationMs ?? null);
  const seen = c.track === null ? `track ${c.trackId}` : `track ${c.trackId}: ${trackTitle(c.track)}`;
  return `  ${c.id.padEnd(8)} ${String(c.confidence).padStart(3)}  ${seen}${length ? ` (${length})` : ''}`;
}
