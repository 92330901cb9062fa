// A person's search over local tracks with fuse.js: forgiving of typos and word order across title,
// artists and album. It finds what someone means to show; it never decides whether two records match.
import Fuse from 'fuse.js';
import type { TrackSearch } from '../../../application/ports/identity-track-search.port.js';
import type { TrackRepository } from '../../../application/ports/track-repository.port.js';
import type { Track } from '../../../domain/track/track.js';

interface SearchDocument {
  readonly track: Track;
  readonly title: string;
  readonly artists: readonly string[];
  readonly album: string;
}

const PAGE_SIZE = 5000;

export class FuseTrackSearch implements TrackSearch {
  private index: Fuse<SearchDocument> | null = null;

  constructor(private readonly tracks: TrackRepository) {}

  async search(query: string, limit: number): Promise<Track[]> {
    const index = this.index ?? (this.index = await this.build());
    return index.search(query, { limit }).map((hit) => hit.item.track);
  }

  private async build(): Promise<Fuse<SearchDocument>> {
    const documents: SearchDocument[] = [];
    for await (const page of this.tracks.pages(PAGE_SIZE)) {
      for (const track of page) {
        if (!track.isMerged)
          documents.push({ track, title: track.title, artists: track.artists, album: track.album ?? '' });
      }
    }
    return new Fuse(documents, {
      keys: [
        { name: 'title', weight: 3 },
        { name: 'artists', weight: 2 },
        { name: 'album', weight: 1 },
      ],
      ignoreDiacritics: true,
      ignoreLocation: true,
      threshold: 0.35,
      // "teardrop massive" spans two fields: each word must be found somewhere in the track.
      useTokenSearch: true,
      tokenMatch: 'all',
    });
  }
}
