// MusicBrainz as the resolve pass asks it over a whole run: the ISRCs and MBIDs of the tracks ahead
// in batches (up to 100 a request) before they are needed, each text search once per distinct artist
// and title. Answers are kept for the run, so no question goes to MusicBrainz twice.
import type { MusicBrainzPort, MusicBrainzRecording } from '../ports/musicbrainz.port.js';
import type { Isrc } from '../../domain/values/isrc.js';
import type { Mbid } from '../../domain/values/mbid.js';
import type { RecordingSource } from './musicbrainz-candidates.js';

/** Hits kept per text search, for scoring. */
export const SEARCH_LIMIT = 10;

/** What MusicBrainz may be asked about one coming track. */
export interface PlannedTrack {
  readonly isrc: Isrc | null;
  /** Its own MBID and upstream hints, in the order they are tried. */
  readonly mbids: readonly Mbid[];
}

export class BatchedRecordingSource implements RecordingSource {
  private readonly isrcs = new Map<string, readonly MusicBrainzRecording[]>();
  private readonly ids = new Map<string, MusicBrainzRecording | null>();
  private readonly searches = new Map<string, Promise<readonly MusicBrainzRecording[]>>();

  constructor(private readonly musicbrainz: MusicBrainzPort) {}

  /**
   * Asks for the coming tracks' ids not asked yet, in batches: every ISRC, then the MBIDs of the tracks
   * their ISRC cannot answer (none, or one MusicBrainz does not know). A track whose ISRC candidates
   * all score too low still gets its MBIDs, asked then in a batch of their own.
   */
  async prefetch(tracks: readonly PlannedTrack[]): Promise<void> {
    await this.fetchIsrcs(tracks.flatMap((t) => (t.isrc === null ? [] : [t.isrc])));
    const unanswered = tracks.filter((t) => t.isrc === null || this.isrcs.get(t.isrc.value)?.length === 0);
    await this.fetchIds(unanswered.flatMap((t) => t.mbids));
  }

  async byIsrc(isrc: Isrc): Promise<readonly MusicBrainzRecording[]> {
    await this.fetchIsrcs([isrc]);
    return this.isrcs.get(isrc.value) ?? [];
  }

  async byId(id: Mbid): Promise<MusicBrainzRecording | null> {
    await this.fetchIds([id]);
    return this.ids.get(id.value) ?? null;
  }

  /** One request per distinct artist and title (case and spacing aside), however many tracks share it. */
  search(artist: string, title: string): Promise<readonly MusicBrainzRecording[]> {
    const key = [artist, title].map((text) => text.trim().replace(/\s+/g, ' ').toLowerCase()).join('\n');
    let pending = this.searches.get(key);
    if (pending === undefined) {
      pending = this.musicbrainz
        .searchRecordings({ artist, title, limit: SEARCH_LIMIT })
        .then((page) => page.hits.map((hit) => hit.recording));
      // A failed search is asked again next time instead of failing every track that shares it.
      pending.catch(() => this.searches.delete(key));
      this.searches.set(key, pending);
    }
    return pending;
  }

  private async fetchIsrcs(isrcs: readonly Isrc[]): Promise<void> {
    const missing = distinct(isrcs).filter((isrc) => !this.isrcs.has(isrc.value));
    if (missing.length === 0) return;
    const found = await this.musicbrainz.recordingsByIsrcs(missing);
    for (const isrc of missing) this.isrcs.set(isrc.value, found.get(isrc.value) ?? []);
  }

  private async fetchIds(ids: readonly Mbid[]): Promise<void> {
    const missing = distinct(ids).filter((id) => !this.ids.has(id.value));
    if (missing.length === 0) return;
    const found = await this.musicbrainz.recordingsByIds(missing);
    for (const id of missing) this.ids.set(id.value, found.get(id.value) ?? null);
  }
}

function distinct<T extends { readonly value: string }>(items: readonly T[]): T[] {
  return [...new Map(items.map((item) => [item.value, item])).values()];
}
