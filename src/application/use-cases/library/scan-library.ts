// `narada library scan DIR...`: reads new and changed music files, turns them into tracks through the
// identity pipeline (service `local`), notices moved and deleted files. One bad file is reported and
// skipped; each batch of files is written in one transaction, so no file is ever half written.
import type { Clock } from '../../ports/clock.port.js';
import type { LibraryFileDraft, LibraryStore } from '../../ports/library-store.port.js';
import type {
  MediaFileFacts,
  MediaFileFinder,
  MediaFileReader,
  MediaFileStat,
} from '../../ports/media-files.port.js';
import type { ProgressReporter } from '../../ports/progress.port.js';
import type { IngestTracks } from '../../ports/track-ingest.port.js';
import type { UnitOfWork } from '../../ports/unit-of-work.port.js';
import { connectorKey } from '../../../domain/track/connector-track.js';
import { localRecord } from '../../library/local-record.js';
import { MoveMatcher, planScan } from '../../library/scan-plan.js';

export interface ScanLibraryDeps {
  readonly finder: MediaFileFinder;
  readonly reader: MediaFileReader;
  readonly store: LibraryStore;
  readonly ingest: IngestTracks;
  readonly unitOfWork: UnitOfWork;
  readonly clock: Clock;
  readonly progress: ProgressReporter;
}

export interface ScanLibraryRequest {
  /** Absolute folder paths. */
  readonly folders: readonly string[];
  readonly dryRun?: boolean;
  /** Files per transaction. */
  readonly batchSize?: number;
}

export interface SkippedFile {
  readonly path: string;
  readonly reason: string;
}

export interface ScanLibraryReport {
  readonly folders: readonly string[];
  readonly dryRun: boolean;
  /** Audio files found under the folders. */
  readonly found: number;
  readonly unchanged: number;
  readonly added: number;
  readonly updated: number;
  readonly moved: readonly { readonly from: string; readonly to: string }[];
  readonly removed: readonly string[];
  readonly skipped: readonly SkippedFile[];
  /** Tracks made for files nothing known matched, and files linked to a known track by ISRC or MBID. */
  readonly tracksCreated: number;
  readonly tracksLinked: number;
}

const BATCH_SIZE = 200;
/** Files read at once. */
const READERS = 8;

export class ScanLibrary {
  constructor(private readonly deps: ScanLibraryDeps) {}

  async run(request: ScanLibraryRequest): Promise<ScanLibraryReport> {
    const dryRun = request.dryRun ?? false;
    const { files: listed, unreadable } = await this.deps.finder.list(request.folders);
    const stamps = await this.deps.store.stamps();
    const known = new Set(stamps.map((stamp) => stamp.path));
    const plan = planScan(
      listed,
      stamps,
      request.folders,
      unreadable.map((entry) => entry.path),
    );
    const moves = new MoveMatcher(plan.gone);
    const task = this.deps.progress.task('Reading music files', plan.toRead.length);
    const counts = { added: 0, updated: 0, tracksCreated: 0, tracksLinked: 0 };
    const moved: { from: string; to: string }[] = [];
    const skipped: SkippedFile[] = [...unreadable];
    const size = request.batchSize ?? BATCH_SIZE;
    try {
      for (let start = 0; start < plan.toRead.length; start += size) {
        const batch = await this.readBatch(plan.toRead.slice(start, start + size), skipped, task);
        const fresh: LibraryFileDraft[] = [];
        const relocated: { fromPath: string; file: LibraryFileDraft }[] = [];
        for (const item of batch) {
          const from = known.has(item.stat.path) ? null : moves.claim(item.facts.audioHash);
          if (from !== null) {
            relocated.push({ fromPath: from, file: item.file });
            moved.push({ from, to: item.stat.path });
          } else {
            fresh.push(item.file);
            if (known.has(item.stat.path)) counts.updated += 1;
            else counts.added += 1;
          }
        }
        if (dryRun || batch.length === 0) continue;
        await this.deps.unitOfWork.transaction(async () => {
          const at = this.deps.clock.now();
          const records = batch.map((item) => localRecord(item.stat.path, item.facts, at));
          const ingested = await this.deps.ingest(records);
          counts.tracksCreated += ingested.created;
          counts.tracksLinked += ingested.linked;
          const withTrack = (file: LibraryFileDraft): LibraryFileDraft => ({
            ...file,
            trackId: ingested.tracks.get(connectorKey('local', file.audioHash))?.id ?? null,
          });
          await this.deps.store.upsert(fresh.map(withTrack));
          await this.deps.store.relocate(relocated.map((move) => ({ ...move, file: withTrack(move.file) })));
        });
      }
      const removed = moves.unclaimed();
      if (!dryRun && removed.length > 0) {
        await this.deps.unitOfWork.transaction(() => this.deps.store.remove(removed));
      }
      task.done(
        `${listed.length} files: ${counts.added} new, ${counts.updated} changed, ${moved.length} moved, ` +
          `${removed.length} removed, ${skipped.length} skipped`,
      );
      return {
        folders: request.folders,
        dryRun,
        found: listed.length,
        unchanged: plan.unchanged,
        ...counts,
        moved,
        removed,
        skipped,
      };
    } catch (error) {
      task.fail(error instanceof Error ? error.message : String(error));
      throw error;
    }
  }

  /**
   * Reads each file of a batch, several at once (a read mostly waits on the disk); results keep the
   * listing's order. One that cannot be read is noted in `skipped`, never fatal.
   */
  private async readBatch(
    stats: readonly MediaFileStat[],
    skipped: SkippedFile[],
    task: { advance(by?: number, detail?: string): void },
  ) {
    type Outcome = { stat: MediaFileStat; facts: MediaFileFacts; file: LibraryFileDraft } | SkippedFile;
    const outcomes: Outcome[] = new Array<Outcome>(stats.length);
    let next = 0;
    const worker = async () => {
      while (next < stats.length) {
        const at = next++;
        const stat = stats[at]!;
        try {
          const facts = await this.deps.reader.read(stat.path);
          const file: LibraryFileDraft = {
            ...stat,
            ...facts.tags,
            audioHash: facts.audioHash,
            trackId: null,
            scannedAt: this.deps.clock.now(),
          };
          outcomes[at] = { stat, facts, file };
        } catch (error) {
          outcomes[at] = { path: stat.path, reason: error instanceof Error ? error.message : String(error) };
        }
        task.advance(1, stat.path);
      }
    };
    await Promise.all(Array.from({ length: Math.min(READERS, stats.length) }, worker));
    const read = [];
    for (const outcome of outcomes) {
      if ('reason' in outcome) skipped.push(outcome);
      else read.push(outcome);
    }
    return read;
  }
}
