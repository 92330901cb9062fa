// Plain-text views of `narada likes …` results: what an import stored, what a sync wrote or would write.
import type { LikesImportReport } from '../../../application/use-cases/likes/import-likes.js';
import type { LikesSyncReport } from '../../../application/use-cases/likes/sync-likes.js';
import type { ServiceName } from '../../../domain/shared/service.js';

/** A service as the person reads its name. */
export const LABEL: Readonly<Record<ServiceName, string>> = {
  spotify: 'Spotify',
  lastfm: 'Last.fm',
  musicbrainz: 'MusicBrainz',
  listenbrainz: 'ListenBrainz',
  local: 'local files',
};

export function renderLikesImport(report: LikesImportReport): string[] {
  return [
    `${LABEL[report.service]}: ${report.read} likes read, ${report.imported} stored, ${report.removed} no longer liked removed` +
      ` (${report.tracksCreated} new tracks, ${report.tracksLinked} linked to known ones)`,
    ...(report.unavailable > 0
      ? [`${report.unavailable} saved track(s) are no longer served by Spotify and were skipped`]
      : []),
  ];
}

export function renderLikesSync(report: LikesSyncReport): string[] {
  const from = LABEL[report.from];
  const to = LABEL[report.to];
  const verb = report.to === 'lastfm' ? 'loved' : 'saved';
  const { details } = report;
  const lines = [
    `${report.dryRun ? 'Dry run: ' : ''}${from} → ${to}: ${report.read} read, ${report.alreadyPresent} already present, ` +
      `${report.written} ${report.dryRun ? `to be ${verb}` : verb}, ${report.unmatched} unmatched, ${report.failed} failed` +
      (report.review > 0 ? `, ${report.review} for review` : '') +
      (report.mirror ? `, ${report.removed} ${report.dryRun ? 'to be removed' : 'removed'}` : ''),
  ];
  const section = (title: string, items: readonly string[]): void => {
    if (items.length > 0) lines.push(title, ...items.map((item) => `  ${item}`));
  };
  section(
    report.dryRun ? `Would be ${verb}:` : `${verb[0]!.toUpperCase()}${verb.slice(1)}:`,
    details.written,
  );
  section(
    'Unmatched:',
    details.unmatched.map((u) => `${u.like}: ${u.reason}`),
  );
  section(
    'For review (not written; confirm with `narada tracks review`):',
    details.review.map((r) => `${r.like} → ${r.candidate} (confidence ${r.confidence})`),
  );
  section(
    'Failed (retried on the next run):',
    details.failed.map((f) => `${f.like}: ${f.reason}`),
  );
  section(report.dryRun ? 'Would be removed:' : 'Removed:', details.removed);
  return lines;
}
