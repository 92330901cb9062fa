// IdentityLookup over the plain repository ports, one call per key: what a use case falls back to when
// no bulk adapter is wired (tests with in-memory repositories, small batches).
import type { IdentityLookup, ServiceRecordRef } from '../ports/identity-lookup.port.js';
import type { TrackMappingRepository } from '../ports/track-mapping-repository.port.js';
import type { TrackRepository } from '../ports/track-repository.port.js';
import type { TrackMapping } from '../../domain/track/track-mapping.js';
import type { Track, TrackId } from '../../domain/track/track.js';
import { Isrc } from '../../domain/values/isrc.js';
import { Mbid } from '../../domain/values/mbid.js';

export class RepositoryIdentityLookup implements IdentityLookup {
  constructor(
    private readonly tracks: TrackRepository,
    private readonly mappings: TrackMappingRepository,
  ) {}

  async acceptedMappings(refs: readonly ServiceRecordRef[]): Promise<TrackMapping[]> {
    const found: TrackMapping[] = [];
    for (const ref of refs) {
      const links = await this.mappings.find(ref.service, ref.externalId);
      found.push(...links.filter((link) => link.status === 'accepted'));
    }
    return found;
  }

  async mappingsOfTracks(trackIds: readonly TrackId[]): Promise<TrackMapping[]> {
    const found: TrackMapping[] = [];
    for (const trackId of new Set(trackIds)) found.push(...(await this.mappings.forTrack(trackId)));
    return found;
  }

  async tracksByIsrc(isrcs: readonly string[]): Promise<Track[]> {
    const found: Track[] = [];
    for (const isrc of new Set(isrcs)) found.push(...(await this.tracks.findByIsrc(Isrc.parse(isrc))));
    return oldestFirst(found);
  }

  async tracksByMbid(mbids: readonly string[]): Promise<Track[]> {
    const found: Track[] = [];
    for (const mbid of new Set(mbids)) found.push(...(await this.tracks.findByMbid(Mbid.parse(mbid))));
    return oldestFirst(found);
  }

  async *standingTracks(pageSize: number): AsyncIterable<readonly Track[]> {
    for await (const page of this.tracks.pages(pageSize)) yield page.filter((track) => !track.isMerged);
  }

  async upsertMappings(mappings: readonly TrackMapping[]): Promise<void> {
    for (const mapping of mappings) await this.mappings.upsert(mapping);
  }
}

function oldestFirst(tracks: Track[]): Track[] {
  return tracks.sort((a, b) => a.id - b.id);
}
